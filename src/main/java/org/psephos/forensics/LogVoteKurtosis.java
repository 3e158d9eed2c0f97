package org.psephos.forensics;

import org.psephos.data.Election;

/**
 * {@code LogVoteKurtosis}: the kurtosis of the logarithmic vote rate (Klimek, Yegorov, Hanel and Thurner 2012,
 * "Statistical detection of systematic election irregularities", PNAS 109(41), doi:10.1073/pnas.1210722109).
 *
 * <p>Per unit with \( 0 &lt; W_i &lt; R_i \): \( \nu_i = \ln(W_i / (R_i - W_i)) \), rescaled to
 * \( (\nu_i - \mu)/\sigma \) (the paper's data collapse; kurtosis does not change under it), then the Pearson
 * kurtosis \( m_4/m_2^2 \). For an option, W is its votes and R the share denominator; for turnout, W is ballots
 * and R registered voters (the log-odds of turnout). Units with W = 0 or W = R have no finite rate and are dropped
 * (their number is in the details). Null reference 3: the paper finds approximately normal rescaled rates in clean
 * elections and kurtoses far above 3 where fraud is widespread. Flag rule: the basic 95% bootstrap interval excludes
 * 3, as for {@code Kurt}. No p-value. Not applicable with fewer than {@code minUnits} usable units or with all rates
 * equal. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LogVoteKurtosis implements ForensicTest, Plan.Source {
    /** The test id. */
    public static final String ID = "LogVoteKurtosis";

    private LogVoteKurtosis() {
    }

    /** @return the test */
    public static LogVoteKurtosis withDefaults() {
        return new LogVoteKurtosis();
    }

    /** @return {@link NullModel#TWINS}: the clean-twin null */
    @Override
    public NullModel nullModel() {
        return NullModel.TWINS;
    }

    @Override
    public String id() {
        return ID;
    }

    /** @return {@link Evidence#DISTANCE_FROM_CLEAN}: no p-value, only a reference value */
    @Override
    public Evidence evidence() {
        return Evidence.DISTANCE_FROM_CLEAN;
    }

    /**
     * @param w votes (or ballots) per unit
     * @param r their denominators (share base, or registered voters)
     * @return the rescaled log vote rates of the units with 0 &lt; w &lt; r
     */
    public static double[] rescaledRates(int[] w, int[] r) {
        double[] nu = new double[w.length];
        int k = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0 && w[i] < r[i]) {
                nu[k++] = Math.log((double) w[i] / (r[i] - w[i]));
            }
        }
        nu = java.util.Arrays.copyOf(nu, k);
        if (k > 1) {
            double mean = Moments.mean(nu);
            double ss = 0;
            for (double v : nu) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / k);
            if (sd > 0) {
                for (int i = 0; i < k; i++) {
                    nu[i] = (nu[i] - mean) / sd;
                }
            }
        }
        return nu;
    }

    /** @param w votes per unit @param r denominators @return the kurtosis of the rescaled rates */
    public double statistic(int[] w, int[] r) {
        double[] nu = rescaledRates(w, r);
        return Moments.kurtosis(nu);
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        return Plan.run(plan(input, options), options);
    }

    @Override
    public Plan plan(TestInput input, BatteryOptions options) {
        Election e = input.election();
        int[] w = input.counts();
        int[] r = input.variable().isTurnout() ? e.registeredColumn() : e.shareDenominatorColumn();
        double[] nu = rescaledRates(w, r);
        double[] perUnit = new double[w.length];
        int k = 0;
        for (int i = 0; i < w.length; i++) {
            perUnit[i] = w[i] > 0 && w[i] < r[i] ? nu[k++] : Double.NaN;
        }
        return Results.shape(ID, input, options, perUnit, Moments::kurtosis, Kurtosis.NORMAL,
                new ShapeDetails.LogVoteMoment(w.length - nu.length));
    }
}
