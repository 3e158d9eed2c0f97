package org.psephos.cases.kazakhstan;

import static org.psephos.cases.kazakhstan.KazakhstanHtml.note;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.num;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.pct;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.sub;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.psephos.report.ChartSet;
import org.psephos.report.HtmlReport;
import org.psephos.scenarios.IntradayTurnout;
import org.psephos.scenarios.ObserverEvidence;
import org.psephos.scenarios.ObserverSampling;

/**
 * Sections 6 and 7 of the Kazakhstan report: election-day turnout region by region (the late increments and
 * their modified z-scores, Iglewicz and Hoaglin 1993) and what observers published, with the coverage set
 * against the observer sample sizes of scenario e (Cochran 1977). Stateless.
 */
final class ElectionDaySections {
    private ElectionDaySections() {
    }

    static void intraday(HtmlReport.Builder h, KazakhstanCase.Result r, ChartSet charts) {
        h.heading("6. Election-day turnout, region by region");
        KazakhstanLaw law = r.law();
        h.paragraph(String.format(Locale.ROOT, "The electoral commission announces every region's turnout at fixed "
                + "hours of the capital's clock. Each figure is placed on the region's own clock (regions.csv: a region "
                + "behind the capital's clock reaches each briefing with fewer hours of voting). Polls: %s (%s) The "
                + "late increment is the turnout a region added from its briefing closest to %d:00 local time (within "
                + "%d hours) to its last figure, per hour of voting; it is flagged when its modified z-score among the "
                + "regions exceeds %.1f in absolute value (Iglewicz and Hoaglin 1993).", law.pollingRule(),
                law.pollingSource(), IntradayTurnout.LATE_HOUR, IntradayTurnout.LATE_WINDOW_HOURS,
                IntradayTurnout.FLAG));
        for (IntradayTurnout t : r.intraday()) {
            h.add(sub(t.election()));
            h.add(charts.figure("intraday_" + t.election(), "Turnout at the briefings by hours of voting, "
                    + t.election() + "."));
            List<String> times = t.briefings();
            List<List<String>> rows = new ArrayList<>();
            List<Boolean> flags = new ArrayList<>();
            for (IntradayTurnout.Series s : t.regions()) {
                List<String> row = new ArrayList<>(List.of(s.area(), s.utcOffset()));
                for (String time : times) {
                    row.add(s.snapshots().stream().filter(p -> p.capitalTime().equals(time)).findFirst()
                            .map(p -> num(p.turnout(), 2)).orElse(""));
                }
                row.add(s.lateFrom().isEmpty() ? "n/a" : s.lateFrom());
                row.add(num(s.lateRate(), 2));
                row.add(num(s.lateZ(), 2));
                rows.add(row);
                flags.add(s.flagged());
            }
            List<String> header = new ArrayList<>(List.of("Region", "UTC offset"));
            times.forEach(x -> header.add(x + " (capital)"));
            header.addAll(List.of("Late from", "Late points per hour", "Modified z"));
            h.add(table("Turnout at each briefing, %; the late increment and its modified z-score (flagged rows "
                    + "highlighted)", header, rows, flags));
            List<IntradayTurnout.Series> flagged = t.flagged();
            h.paragraph(flagged.isEmpty() ? String.format(Locale.ROOT, "No region's late increment is outlying "
                    + "(median %.2f points per hour, MAD %.2f).", t.median(), t.mad())
                    : String.format(Locale.ROOT, "Flagged (median late increment %.2f points per hour, MAD %.2f): %s.",
                    t.median(), t.mad(), String.join("; ", flagged.stream().map(s -> String.format(Locale.ROOT,
                            "%s, %.2f points per hour from %s capital time (M = %.1f)", s.area(), s.lateRate(),
                            s.lateFrom(), s.lateZ())).toList())));
        }
        h.add(note("What this can show: a region whose turnout rises late in the day much faster than elsewhere, the "
                + "pattern ballot stuffing near closing time leaves in the reported series. What it cannot show: "
                + "fraud. Late surges also come from shift work, queues, weather, mobile ballot boxes or a slow "
                + "region's reporting catching up; the figures are the commission's own preliminary ones, reported by "
                + "its regional commissions with no station detail, and a region that inflates its figures evenly "
                + "through the day leaves no such trace."));
    }

    static void observers(HtmlReport.Builder h, KazakhstanCase.Result r) {
        h.heading("7. What observers published, with numbers");
        List<List<String>> rows = new ArrayList<>();
        for (ObserverEvidence.Row o : r.observers().rows()) {
            rows.add(List.of(o.election(), o.observer(), o.quantity(), Double.isFinite(o.value())
                    ? (o.approximate() ? "about " : "") + num(o.value(), 0) : "not readable", o.unit(), o.source()));
        }
        h.add(table("Observers' published counts (observers.csv)", List.of("Election", "Observer", "Quantity",
                "Value", "Unit", "Source"), rows, null));
        ObserverSampling.Result o = r.e().observer();
        ObserverEvidence.Row misk = r.observers().find("kz-2019-presidential", "stations observed");
        if (misk != null && Double.isFinite(misk.value())) {
            double n = misk.value();
            double z = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                    .inverseCumulativeProbability(1 - o.alpha())
                    + new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                    .inverseCumulativeProbability(o.power());
            double k = z * o.sigma() * Math.sqrt(1 / n - 1.0 / o.stations());
            int needed1 = o.sizes().get(0).n();
            h.paragraph(String.format(Locale.ROOT, "Scenario e against the coverage achieved: %s covered %.0f "
                            + "stations in %d. Had they been a simple random sample of the %,d stations of the model, "
                            + "their turnout count could have detected an inflation of %.1f points or more with %s power "
                            + "(sigma %.4f); detecting %.0f point needs %d stations. The stations were not a random "
                            + "sample and no observed-against-official turnout comparison was published, so the "
                            + "coverage remains a bound on what such a count could have shown, not a result.",
                    misk.observer(), n, r.calibration(misk.election()).year(), o.stations(), 100 * k, pct(o.power()), o.sigma(), o.sizes().get(0).k(),
                    needed1).replace("needs 1 stations", "needs 1 station"));
        }
        ObserverEvidence.Row national = r.observers().find("kz-2024-referendum", "observers");
        KazakhstanModel.Calibration c24 = r.calibration("kz-2024-referendum");
        if (national != null && Double.isFinite(national.value())) {
            h.paragraph(String.format(Locale.ROOT, "In %d %s%,.0f national observers were reported for %,d stations "
                            + "in the country, %.1f per station; none of their counts were published.", c24.year(),
                    national.approximate() ? "about " : "", national.value(), c24.stations(),
                    national.value() / c24.stations()));
        }
    }
}
