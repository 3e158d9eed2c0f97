package org.psephos.cases.kazakhstan;

import static org.psephos.cases.kazakhstan.KazakhstanHtml.count;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.num;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.pct;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.sub;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.psephos.report.ChartSet;
import org.psephos.report.HtmlReport;

/**
 * Section 3 of the Kazakhstan report: each election's calibration of {@link KazakhstanModel}, region by region,
 * with the registers' bases and the checks against registers published for other votes. Stateless.
 */
final class CalibrationSection {
    private CalibrationSection() {
    }

    static void calibration(HtmlReport.Builder h, KazakhstanCase.Result r, ChartSet charts) {
        h.heading("3. The synthetic Kazakhstan: a calibration that reproduces every region");
        for (KazakhstanModel.Calibration c : r.calibrations()) {
            KazakhstanModel.Params p = c.params();
            long publishedReg = c.regions().stream().filter(t -> t.registeredBasis().startsWith("published")).count();
            long publishedSt = c.regions().stream().filter(t -> t.stationsBasis().equals("published")).count();
            h.add(sub(c.election()));
            h.add(charts.figure("calibration_" + c.election(), "Published and modelled regional turnout, "
                    + c.election() + "."));
            h.paragraph(String.format(Locale.ROOT, "%s stations in the country%s; register %s (%s in the country); "
                            + "%d regions, %d with a published register and %d with a published station count, the "
                            + "others by proxy (see the table). Station sizes log-normal, log-sd %.2f; station turnout and "
                            + "support Normal(centre, %.2f) truncated to [0, 1], each region's turnout centre solved so "
                            + "its expected turnout is its published figure: largest difference %.4f points. Modelled "
                            + "national turnout %s against the official %s (final, voters abroad included): residual "
                            + "%+.2f points, reported, not forced. Winner's official share %s of valid votes (support "
                            + "centre %.4f with the regional logit sd %.3f); invalid ballots %s of ballots%s.",
                    count(c.stations()), c.stationsAbroad() >= 0 ? " (" + c.stationsAbroad() + " abroad, not modelled)"
                            : "", count(c.registered()), count(c.registeredInCountry()), c.regions().size(), publishedReg,
                    publishedSt, p.sizeSigma(), p.stationTurnoutSd(), c.largestRegionalDifference(),
                    pct(c.modelledTurnout()), pct(c.nationalTurnout()), 100 * c.residual(), pct(c.leaderShare()),
                    c.shareCentre(), p.regionShareSd(), pct(c.invalidRate()),
                    c.invalidDerived() ? " (derived: ballots minus the options' votes; never published)" : ""));
            List<List<String>> rows = new ArrayList<>();
            for (KazakhstanModel.RegionTurnout t : c.regions()) {
                rows.add(List.of(t.area(), num(t.published(), 2), t.asOf(), num(t.modelled(), 4),
                        String.format(Locale.ROOT, "%+.4f", Math.round(1e4 * t.difference()) / 1e4 + 0.0), count(t.registered()), t.registeredBasis(),
                        Integer.toString(t.stations()), t.stationsBasis()));
            }
            h.add(table("Published (latest CEC figure, capital time) and modelled expected turnout, " + c.election(),
                    List.of("Region", "Published %", "As of", "Modelled %", "Difference (points)", "Register",
                            "Register basis", "Stations", "Stations basis"), rows, null));
            if (c.briefings() > 0) {
                h.paragraph(String.format(Locale.ROOT, "Registers: no regional register of this vote was published "
                        + "for %d of the %d regions. They are estimated from the commission's own aggregation: at %d "
                        + "briefings it announced every region's turnout and the national one, which is the "
                        + "register-weighted mean of the regional figures; the registers that satisfy these %d "
                        + "identities, add up to the register in the country and keep the published registers, "
                        + "closest to a proxy in proportion to the stations (linear calibration, Deville and Sarndal "
                        + "1992).", c.regions().size() - publishedReg, c.regions().size(), c.briefings(),
                        c.briefings()));
            }
            if (!c.checks().isEmpty()) {
                List<List<String>> ck = new ArrayList<>();
                for (KazakhstanModel.Check k : c.checks()) {
                    ck.add(List.of(k.what(), count(k.modelled()), count(k.published()), k.asOf(),
                            String.format(Locale.ROOT, "%+.1f%%", 100 * (k.modelled() / k.published() - 1))));
                }
                h.add(table("Check: estimated registers against registers published for other votes (not used by "
                        + "the estimate)", List.of("Region or group", "Estimated", "Published", "Published for",
                        "Difference"), ck, null));
            }
        }
    }
}
