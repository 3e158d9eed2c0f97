package org.psephos.report;

import java.util.List;
import java.util.Map;

/**
 * The charts section of the {@code analyze} HTML report: the fingerprint, the 0.1% histograms of turnout and the
 * leader's share, then whichever of the cumulative votes, digit, Shpilkin, Klimek-fit and spikes charts
 * {@link AnalysisCharts} drew, each with a caption saying how to read it. Stateless.
 */
final class ChartsSection {
    private ChartsSection() {
    }

    /**
     * Adds the heading and the figures, or a line saying there is nothing to draw.
     *
     * @param s      the sections so far
     * @param charts the charts of the units the battery used
     */
    static void add(List<HtmlReport.Section> s, AnalysisCharts charts) {
        s.add(new HtmlReport.Heading(2, "Charts", "charts"));
        if (charts.kept().size() == 0) {
            s.add(HtmlReport.Paragraph.note("No units were left after filtering, so there is nothing to draw."));
            return;
        }
        s.add(charts.figure("fingerprint",
                "Election fingerprint: each cell counts the units with that turnout and leader's share (1% bins, "
                        + "colour on a log scale). A clean election is one compact cloud; ballot stuffing draws a "
                        + "streak towards the top-right corner (100% turnout, 100% for the leader)."));
        s.add(charts.figure("turnout_hist",
                "Turnout in 0.1% bins. Dots mark the bins at whole percentages: regular spikes there mean results "
                        + "were reported to match round targets (Kobak et al. 2016)."));
        s.add(charts.figure("share_hist",
                "The leader's share in 0.1% bins, whole percentages marked as in the turnout histogram."));
        Map<String, String> captions = Map.of(
                "cumulative_votes", "Cumulative votes (Klimek et al. 2012, Fig. 6): the share of each option's votes "
                        + "cast in units up to a turnout. Curves that rise together and flatten before 100% are the "
                        + "clean pattern; a leader's curve that lags and keeps climbing near 100% turnout is the "
                        + "signature of ballot stuffing.",
                "second_digits", "Second digits against the second-digit Benford law (Mebane 2006). Dots outside the "
                        + "95% interval depart from the law by more than chance would usually allow; see 2BL and "
                        + "2BLChi2.",
                "last_digits", "Last digits against the uniform distribution, 10% each (Beber and Scacco 2012); see "
                        + "LastC and LastDigitChi2.",
                "shpilkin", "Shpilkin curve (Kobak, Shpilkin and Pshenichnikov 2016): votes per 1% turnout bin; "
                        + "above the clean peak the leader's votes beyond r times the others' (shaded) are the "
                        + "Shpilkin test's excess votes.",
                "shpilkin_sensitivity", "Shpilkin's excess votes with the clean peak put at each turnout (line), "
                        + "the peaks of the automatic rules (points) and the chosen peak (dotted line): a steep "
                        + "curve near the chosen peak, or rules far apart, mean the estimate rests on where the "
                        + "clean peak is placed.",
                "klimek_fit", "Klimek model fit (Klimek et al. 2012, Fig. 4): the leader's share per unit against "
                        + "elections simulated with the same unit sizes from the fitted model and the fair model "
                        + "(no fraud); see KlimekFit.",
                "spikes", "Rozenas's spikes (Rozenas 2017; the plot of his R package spikes): the kernel density "
                        + "of the option's vote shares against the upper envelope of densities resampled from a "
                        + "smooth beta-binomial null fitted to the data. Dots mark the shares (coarse fractions "
                        + "such as 1/2 or 2/3 when results were written rather than counted) where the data rise "
                        + "above the envelope; their excess units make up F; see Spikes.");
        charts.charts().keySet().stream().filter(captions::containsKey)
                .forEach(k -> s.add(charts.figure(k, captions.get(k))));
    }
}
