package org.psephos.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psephos.estimation.KlimekDetails;
import org.psephos.estimation.KlimekFit;
import org.psephos.estimation.KlimekMoments;
import org.psephos.estimation.KlimekSensitivity;
import org.psephos.estimation.Shpilkin;
import org.psephos.estimation.ShpilkinDetails;
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
        KlimekSensitivity klimek = kl != null && kl.testDetails() instanceof KlimekDetails.Fit d
                ? d.sensitivity() : null;
        ShpilkinSensitivity f = shp != null && shp.testDetails() instanceof ShpilkinDetails d ? d.sensitivity()
                : null;
        if (f == null && klimek == null) {
            return s;
        }
        s.add(new HtmlReport.Heading(2, "How fragile the estimates are", "fragility"));
        if (f != null) {
            s.add(HtmlReport.Paragraph.text("Shpilkin: " + f.reason()));
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
        if (klimek != null) {
            klimek(s, klimek);
        }
        return s;
    }

    private static void klimek(List<HtmlReport.Section> s, KlimekSensitivity k) {
        List<List<String>> rows = new ArrayList<>();
        KlimekSensitivity.Row b = k.baseline();
        for (KlimekSensitivity.Row r : k.rows()) {
            KlimekMoments m = r.moments();
            rows.add(List.of(r.parameter(), r.change(), Cells.num(m.tau()), Cells.num(m.nu()),
                    Cells.num(m.sigmaTau()), Cells.num(m.sigmaNu()), Cells.num(r.width()), Cells.num(r.fi()),
                    Cells.num(r.fe()), Cells.num(r.alpha()), Cells.num(r.fi() - b.fi()), Cells.num(r.fe() - b.fe()),
                    Cells.num(r.alpha() - b.alpha())));
        }
        String range = String.format(Locale.ROOT, " Over the rows f_i runs from %s, f_e from %s and alpha from %s.",
                span(k.range(KlimekSensitivity.Row::fi)), span(k.range(KlimekSensitivity.Row::fe)),
                span(k.range(KlimekSensitivity.Row::alpha)));
        s.add(HtmlReport.Paragraph.text("KlimekFit: how f_i, f_e and alpha move when the clean-peak moments and the "
                + "extreme-fraud width move within their uncertainty. Method: " + k.method() + "." + range
                + " Read each row against the baseline."));
        s.add(ScenarioReport.table("KlimekFit refitted with one setting moved", List.of("Moved", "By", "tau", "nu",
                "sigma_tau", "sigma_nu", "Extreme width", "f_i", "f_e", "alpha", "change f_i", "change f_e",
                "change alpha"), rows));
    }

    /** @return the applicable national row of a test, or null */
    private static TestResult national(BatteryResult result, String id) {
        return result.results().stream().filter(r -> r.id().equals(id) && r.applicable()
                && TestInput.NATIONAL.equals(r.level())).findFirst().orElse(null);
    }

    private static String span(double[] a) {
        return Double.isFinite(a[0]) && Double.isFinite(a[1])
                ? String.format(Locale.ROOT, "%.3f to %.3f", a[0], a[1]) : "n/a";
    }

    private static String votes(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.0f", v) : "n/a";
    }

    private static String pct(double p) {
        return ScenarioReport.pct(p);
    }
}
