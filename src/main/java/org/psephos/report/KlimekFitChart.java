package org.psephos.report;

import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.psephos.data.Election;
import org.psephos.estimation.KlimekFit;
import org.psephos.estimation.KlimekMoments;
import org.psephos.forensics.TurnoutBins;

/**
 * The Klimek model fit against the data, as in Klimek, Yegorov, Hanel and Thurner (2012), "Statistical detection of
 * systematic election irregularities", PNAS 109(41):16469–16473, doi:10.1073/pnas.1210722109, Fig. 4: the observed
 * histogram of the leader's share per unit (1% bins) against the mean histogram of elections simulated with the
 * same unit sizes from the fitted model (f_i, f_e, α) and from the fair model (f_i = f_e = 0) with the same clean
 * moments ({@link KlimekFit#simulatedShareHistogram}). Where the data follow the fitted curve and not the fair one,
 * the fraud terms are what the fit needed: incremental fraud widens the right flank, extreme fraud adds a peak near
 * 100%. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class KlimekFitChart {
    /** Elections averaged per simulated histogram. */
    static final int REALISATIONS = 2;

    private KlimekFitChart() {
    }

    /**
     * @param election the units the fit was made on
     * @param moments  the clean-peak moments of the fit
     * @param fi       fitted f_i
     * @param fe       fitted f_e
     * @param alpha    fitted α
     * @param seed     seed of the simulations
     * @param title    the election's name for the title
     * @return the chart
     * @throws IllegalArgumentException if the election has no leader or a parameter is out of the model's range
     */
    public static XYChart of(Election election, KlimekMoments moments, double fi, double fe, double alpha,
                             long seed, String title) {
        if (election.leader() < 0) {
            throw new IllegalArgumentException("the election has no leader: " + election.name());
        }
        double[] observed = observed(election);
        double[] fitted = KlimekFit.simulatedShareHistogram(election, moments, fi, fe, alpha, REALISATIONS, seed);
        double[] fair = KlimekFit.simulatedShareHistogram(election, moments, 0, 0, alpha, REALISATIONS, seed);
        double[] x = new double[observed.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = k + 0.5;
        }
        String leader = ChartStyle.shorten(election.leaderName(), 40);
        List<BandChart.Line> lines = List.of(
                BandChart.Line.of("Observed: " + leader, x, observed),
                new BandChart.Line(String.format(Locale.ROOT, "Fitted model: f_i = %.3f, f_e = %.3f, \u03b1 = %.2f",
                        fi, fe, alpha), x, fitted, null, null, true),
                new BandChart.Line(String.format(Locale.ROOT, "Fair model: f_i = f_e = 0 (\u03bd = %.1f%%, "
                        + "\u03c3_\u03bd = %.1f%%)", 100 * moments.nu(), 100 * moments.sigmaNu()), x, fair, null,
                        null, true));
        XYChart chart = BandChart.of(ChartStyle.shorten(title, 50) + ": Klimek model fit to the leader's share",
                "Leader's share of the votes in the unit (%), 1% bins", "Units in the bin", lines);
        BandChart.percentX(chart, "#,##0");
        return chart;
    }

    /** @return units per 1% bin of the leader's share of the share base (100% in the last bin) */
    static double[] observed(Election e) {
        int[] reg = e.registeredColumn();
        int[] w = e.votesColumn(e.leader());
        int[] base = e.shareDenominatorColumn();
        double[] h = new double[100];
        for (int i = 0; i < reg.length; i++) {
            if (reg[i] <= 0 || base[i] <= 0) {
                continue;
            }
            h[TurnoutBins.bin(w[i], base[i], 100)]++;
        }
        return h;
    }
}
