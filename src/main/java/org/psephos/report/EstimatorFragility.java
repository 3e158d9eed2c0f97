package org.psephos.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psephos.estimation.KlimekFit;
import org.psephos.estimation.Shpilkin;
import org.psephos.estimation.ShpilkinSensitivity;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;

/**
 * The section of the {@code psephos analyze} report that says how fragile the estimators' national estimates are,
 * from their rows' details: Shpilkin's chosen clean peak and why, with the estimate under every peak rule
 * ({@link Shpilkin#sensitivity}; the chart of F against the clean-peak turnout is {@link ShpilkinSensitivityChart},
 * among the report's charts), and, when {@code analyze --klimek-sensitivity} asked for it, how KlimekFit's f_i,
 * f_e and α move with the clean-peak moments and the extreme-fraud width ({@link KlimekFit#sensitivity}).
 * Stateless.
 *
 * @since 0.1
 */
public final class EstimatorFragility {
    private EstimatorFragility() {
    }

    /**
     * @param result the battery's outcome
     * @return the section (a heading, paragraphs and tables), empty when neither estimator ran nationally
     */
    public static List<HtmlReport.Section> sections(BatteryResult result) {
        List<HtmlReport.Section> s = new ArrayList<>();
        TestResult shp = national(result, Shpilkin.ID);
        TestResult kl = national(result, KlimekFit.ID);
        boolean klimek = kl != null && kl.details().get("sensitivity") instanceof List<?>;
        ShpilkinSensitivity f = null;
        if (shp != null) {
            try {
                f = ShpilkinSensitivity.fromDetails(shp.details());
            } catch (IllegalArgumentException e) {
                // a row without the sensitivity: nothing to say
            }
        }
        if (f == null && !klimek) {
            return s;
        }
        s.add(new HtmlReport.Heading(2, "How fragile the estimates are", "fragility"));
        if (f != null) {
            s.add(new HtmlReport.Paragraph("Shpilkin: " + f.reason(), false));
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<Shpilkin.PeakRule, ShpilkinSensitivity.Row> e : f.rules().entrySet()) {
                ShpilkinSensitivity.Row r = e.getValue();
                rows.add(List.of(e.getKey().label() + (e.getKey() == f.rule() ? " (chosen)" : ""),
                        pct(r.peakTurnout()), votes(r.excessVotes()), votes(r.stuffing()), votes(r.switching())));
            }
            s.add(ScenarioReport.table("Shpilkin's excess votes under each clean-peak rule (the chart \"Shpilkin "
                    + "excess votes against the clean peak\" shows F for every clean-peak turnout)",
                    List.of("Peak rule", "Clean peak t*", "Excess votes", "Stuffing", "Switching"), rows));
        }
        if (klimek) {
            klimek(s, kl);
        }
        return s;
    }

    private static void klimek(List<HtmlReport.Section> s, TestResult kl) {
        List<List<String>> rows = new ArrayList<>();
        for (Object o : (List<?>) kl.details().get("sensitivity")) {
            Map<?, ?> m = (Map<?, ?>) o;
            rows.add(List.of(String.valueOf(m.get("parameter")), String.valueOf(m.get("change")), num(m, "tau"),
                    num(m, "nu"), num(m, "sigma_tau"), num(m, "sigma_nu"), num(m, "extreme_width"), num(m, "f_i"),
                    num(m, "f_e"), num(m, "alpha"), signed(m, "delta_f_i"), signed(m, "delta_f_e"),
                    signed(m, "delta_alpha")));
        }
        String range = "";
        if (kl.details().get("sensitivity_range") instanceof Map<?, ?> r) {
            range = String.format(Locale.ROOT, " Over the rows f_i runs from %s, f_e from %s and alpha from %s.",
                    span(r.get("f_i")), span(r.get("f_e")), span(r.get("alpha")));
        }
        s.add(new HtmlReport.Paragraph("KlimekFit: how f_i, f_e and alpha move when the clean-peak moments and the "
                + "extreme-fraud width move within their uncertainty. Method: " + kl.details().get(
                        "sensitivity_method") + "." + range + " Read each row against the baseline.", false));
        s.add(ScenarioReport.table("KlimekFit refitted with one setting moved", List.of("Moved", "By", "tau", "nu",
                "sigma_tau", "sigma_nu", "Extreme width", "f_i", "f_e", "alpha", "change f_i", "change f_e",
                "change alpha"), rows));
    }

    /** @return the applicable national row of a test, or null */
    private static TestResult national(BatteryResult result, String id) {
        return result.results().stream().filter(r -> r.id().equals(id) && r.applicable()
                && TestInput.NATIONAL.equals(r.level())).findFirst().orElse(null);
    }

    private static String span(Object o) {
        return o instanceof double[] a && a.length == 2
                ? String.format(Locale.ROOT, "%.3f to %.3f", a[0], a[1]) : "n/a";
    }

    private static String num(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : "";
    }

    private static String signed(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : "";
    }

    private static String votes(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.0f", v) : "n/a";
    }

    private static String pct(double p) {
        return ScenarioReport.pct(p);
    }
}
