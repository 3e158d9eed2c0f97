package org.psephos.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.psephos.data.Election;

/**
 * The cumulative votes curve of Klimek, Yegorov, Hanel and Thurner (2012), "Statistical detection of systematic
 * election irregularities", PNAS 109(41):16469–16473, doi:10.1073/pnas.1210722109, Fig. 6: for each turnout t, the
 * share of an option's national votes cast in units with turnout ≤ t. Drawn for the leader and the three next
 * largest options. In a clean election the curves rise together and flatten before 100% turnout; ballot stuffing for
 * the leader shows as the leader's curve lagging and still climbing in a "boost phase" near 100%.
 *
 * <p>Turnout is ballots / registered per unit; units with no registered voters or a missing count are left out.
 * Points every 0.5% of turnout. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class CumulativeVotesChart {
    private static final int OPTIONS = 4;
    private static final int STEPS = 200;

    private CumulativeVotesChart() {
    }

    /**
     * @param election the units (usually after the standard filter)
     * @param title    the election's name for the title
     * @return the chart, or a chart with one flat line if no unit has a turnout
     * @throws IllegalArgumentException if the election has no options
     */
    public static XYChart of(Election election, String title) {
        if (election.optionCount() == 0) {
            throw new IllegalArgumentException("the election has no options: " + election.name());
        }
        int[] units = IntStream.range(0, election.size())
                .filter(i -> election.registered(i) > 0 && election.ballots(i) >= 0).toArray();
        double[] turnout = new double[units.length];
        for (int k = 0; k < units.length; k++) {
            turnout[k] = 100.0 * election.ballots(units[k]) / election.registered(units[k]);
        }
        List<Integer> options = new ArrayList<>();
        int leader = Math.max(0, election.leader());
        options.add(leader);
        long[] totals = new long[election.optionCount()];
        for (int o = 0; o < totals.length; o++) {
            for (int i : units) {
                totals[o] += Math.max(0, election.votes(o, i));
            }
        }
        IntStream.range(0, totals.length).boxed().filter(o -> o != leader)
                .sorted(Comparator.comparingLong((Integer o) -> totals[o]).reversed()).limit(OPTIONS - 1)
                .forEach(options::add);
        double[] x = new double[STEPS + 1];
        for (int s = 0; s <= STEPS; s++) {
            x[s] = 100.0 * s / STEPS;
        }
        List<BandChart.Line> lines = new ArrayList<>();
        for (int o : options) {
            double[] votesAt = new double[STEPS + 1];
            for (int k = 0; k < units.length; k++) {
                int step = (int) Math.ceil(Math.min(100, turnout[k]) * STEPS / 100 - 1e-9);
                votesAt[Math.max(0, step)] += Math.max(0, election.votes(o, units[k]));
            }
            double[] y = new double[STEPS + 1];
            double run = 0;
            for (int s = 0; s <= STEPS; s++) {
                run += votesAt[s];
                y[s] = totals[o] == 0 ? 0 : 100.0 * run / totals[o];
            }
            String name = ChartStyle.shorten(election.options().get(o), 40) + (o == leader ? " (leader)" : "");
            lines.add(BandChart.Line.of(name, x, y));
        }
        XYChart chart = BandChart.of(ChartStyle.shorten(title, 50) + ": cumulative votes by turnout",
                "Turnout (%): units with at most this turnout",
                "Share of the option's votes cast so far (%)", lines);
        chart.getStyler().setXAxisTickMarkSpacingHint(100);
        BandChart.percentX(chart, "0");
        chart.getStyler().setYAxisMax(100.0);
        return chart;
    }
}
