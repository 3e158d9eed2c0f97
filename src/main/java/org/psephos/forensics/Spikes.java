package org.psephos.forensics;

import java.util.Locale;
import java.util.Objects;
import org.psephos.data.Election;
import org.psephos.forensics.spikes.BetaBinomialMixture;
import org.psephos.forensics.spikes.MixtureTwins;
import org.psephos.forensics.spikes.RozenasSpikes;
import org.psephos.forensics.spikes.SpikesEstimate;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;

/**
 * {@code Spikes}: Rozenas's resampled-kernel-density estimate of the percentage of units whose share of an
 * option sits on a coarse fraction (1/2, 2/3, 3/4, 7/10, …) more often than smooth counting allows, with the
 * package's posterior-draw interval. A. Rozenas (2017), "Detecting election fraud from irregularities in
 * vote-share distributions", Political Analysis 25(1):41–56, doi:10.1017/pan.2016.9; R package {@code spikes} 1.1.
 * The method, its null model and its limits are on {@link RozenasSpikes}.
 *
 * <p>Per option and group: N = registered, t = ballots, v = the option's votes, shares v/t (the package's form;
 * the standard unit filter already guarantees 0 &lt; t ≤ N and v ≤ t). The battery's replicates are the
 * resamples (the package's 1,000 by default); the interval comes from {@link #boots()} posterior draws, each a full
 * resampling step (default {@value #BOOTS}; the package's {@code confInt} uses 100, at 100 times the cost of the
 * estimate).
 *
 * <p>Result: value = the mean F of the posterior draws / 100 (a fraction of units, as the other estimators), the
 * package's {@code summary} of a {@code confInt} object, with the draws' 2.5% and 97.5% quantiles as the interval;
 * without draws, F at the fitted mixtures (the package's {@code spikes()}, always in the details as
 * {@code fraud_percent}). A single resampling step is itself Monte Carlo (on Canada 2011 F moves by about 0.03
 * percentage points from seed to seed at fixed mixtures), so it can fall outside the draws' interval, whose mean
 * averages that noise over the draws. Under calibrated nulls (issue 17 item 5) the row's p-value is the share of
 * clean twins drawn from its own fitted mixtures whose F is at least the observed one ({@link #twinNull}; the
 * battery's twin count, {@code --twin-fits}, with the generalized Pareto tail of the verdict method below 10
 * exceedances), and its expected value and null interval are the twins'; under reference nulls there is no
 * p-value. Details:
 * {@code fraud_percent}; {@code conf_int} (the draws' mean and 2.5% / 97.5% quantiles in percent, their number and
 * the proposals' acceptance); {@code spikes} (share and excess percentage of every bin counted in F); the two fits
 * ({@code turnout_fit}, {@code support_fit}: shapes, weights, log-likelihood, and at every number of components the
 * log-likelihood of every start and the number of distinct ones); for the national rows the curves of the chart
 * ({@code grid}, {@code density}, {@code envelope}). Not applicable to turnout (the test reads an option's shares,
 * with turnout part of its null) or with fewer than
 * {@value #MIN_UNITS} units (or the battery's minimum, if larger).
 *
 * <p>Runs only when named ({@code analyze --tests Spikes}). Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Spikes implements ForensicTest, Plan.Source {
    /** The test id. */
    public static final String ID = "Spikes";
    /** Default posterior draws for the interval. */
    public static final int BOOTS = 20;
    /** Fewest units the test runs on. */
    public static final int MIN_UNITS = 100;
    /** Stream key of the options' seeds (ASCII "Spikes"). */
    private static final long KEY = 0x5370696B6573L;
    /** Stream key of the clean twins of the calibrated p-value (ASCII "twin"). */
    private static final long TWIN_KEY = 0x7477696EL;

    private final RozenasSpikes method;

    private Spikes(RozenasSpikes method) {
        this.method = method;
    }

    /**
     * @return the test with the package's settings, {@value RozenasSpikes#STARTS} starts per number of components
     *         and {@value #BOOTS} posterior draws
     */
    public static Spikes withDefaults() {
        return new Spikes(RozenasSpikes.withDefaults().withBoots(BOOTS));
    }

    /**
     * @param m the method's settings (its resamples are replaced by the battery's replicates)
     * @return a copy using them
     */
    public Spikes with(RozenasSpikes m) {
        return new Spikes(Objects.requireNonNull(m, "method"));
    }

    /**
     * @param b posterior draws for the interval, 0 for none, else at least 2
     * @return a copy
     */
    public Spikes withBoots(int b) {
        return new Spikes(method.withBoots(b));
    }

    /** @return the posterior draws for the interval */
    public int boots() {
        return method.boots();
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * @return {@link Evidence#VALUE}: the estimated share of spiked units (its p-value exists only under the
     *         battery's calibrated nulls)
     */
    @Override
    public Evidence evidence() {
        return Evidence.VALUE;
    }

    /**
     * @return {@link NullModel#OWN}: under calibrated nulls the test draws clean twins from its own fitted mixtures
     *         ({@link #twinNull})
     */
    @Override
    public NullModel nullModel() {
        return NullModel.OWN;
    }

    @Override
    public Plan plan(TestInput input, BatteryOptions options) {
        String why = reason(input, options);
        // no plan: the battery runs the test as a work item of its own, with the threads it can spare
        return why == null ? null : new Plan.Done(TestResult.notApplicable(ID, input, input.size(), why));
    }

    private static String reason(TestInput input, BatteryOptions options) {
        if (input.variable().isTurnout()) {
            return "not applicable to turnout: the test reads an option's shares of the ballots, with turnout part "
                    + "of its null";
        }
        int min = Math.max(MIN_UNITS, options.minUnits());
        return input.size() < min ? String.format(Locale.ROOT, "too few units: %d, need at least %d",
                input.size(), min) : null;
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        String why = reason(input, options);
        if (why != null) {
            return TestResult.notApplicable(ID, input, input.size(), why);
        }
        Election e = input.election();
        int option = input.variable().option();
        int[] n = e.registeredColumn();
        int[] t = e.ballotsColumn();
        int[] v = e.votesColumn(option);
        long seed = RandomStreams.seeded(options.seedFor(input.level())).child(KEY, option).seed();
        RozenasSpikes.Result r = method.withResamples(options.replicates()).analyse(n, t, v, seed, options.threads(),
                Progress.NONE);
        SpikesEstimate est = r.estimate();
        RozenasSpikes.Interval ci = r.interval();
        CalibratedDetails.OwnNull own = null;
        if (options.calibrated()) {
            double[] twins = twinNull(n, r.turnout().mixture(), r.support().mixture(), options.nulls().fits(), seed,
                    options);
            own = new CalibratedDetails.OwnNull(twins, est.fraudPercent() / 100,
                    "clean twins of its own fitted mixtures");
        }
        RoundNumberDetails.Spikes d = new RoundNumberDetails.Spikes(est, ci, r.note(), r.turnout(), r.support(), seed,
                TestInput.NATIONAL.equals(input.level()), own);
        double lo = ci == null ? Double.NaN : ci.low() / 100;
        double hi = ci == null ? Double.NaN : ci.high() / 100;
        double value = (ci == null ? est.fraudPercent() : ci.mean()) / 100;
        return TestResult.of(ID, input).statistic(value).interval(lo, hi).n(r.units()).details(d);
    }

    /**
     * The calibrated null of issue 17 item 5: {@code twins} clean twins drawn from the fitted mixtures themselves
     * ({@link MixtureTwins#draw}: every unit's registered voters kept, turnout from the turnout mixture, votes
     * from the support mixture; units drawn with no turnout dropped), each analysed by the same resampling step at
     * the same fitted mixtures and with as many resamples as the data (the envelope of more resamples is higher, so
     * the number must match): F of each twin, as a fraction. The twins are not refitted: the mixtures are the null
     * being tested, and a refit per twin would cost a full fit each (most of the test's time).
     *
     * @param n       registered voters per unit
     * @param turnout the fitted turnout mixture
     * @param support the fitted support mixture
     * @param twins   the number of twins
     * @param seed    the option's seed
     * @param options replicates (resamples) and threads
     * @return F / 100 of every twin (NaN where a twin kept no unit)
     */
    static double[] twinNull(int[] n, BetaBinomialMixture turnout, BetaBinomialMixture support, int twins, long seed,
                             BatteryOptions options) {
        RozenasSpikes method = RozenasSpikes.withDefaults().withResamples(options.replicates());
        RandomStreams streams = RandomStreams.seeded(seed).child(TWIN_KEY);
        double[] out = new double[twins];
        for (int m = 0; m < twins; m++) {
            int[][] tv = MixtureTwins.draw(n, turnout, support, streams.stream(0, m));
            int kept = 0;
            for (int i = 0; i < n.length; i++) {
                kept += tv[0][i] > 0 ? 1 : 0;
            }
            int[] nn = new int[kept];
            int[] tt = new int[kept];
            int[] vv = new int[kept];
            int k = 0;
            for (int i = 0; i < n.length; i++) {
                if (tv[0][i] > 0) {
                    nn[k] = n[i];
                    tt[k] = tv[0][i];
                    vv[k++] = tv[1][i];
                }
            }
            out[m] = kept == 0 ? Double.NaN : method.estimate(nn, tt, vv, turnout, support,
                    streams.child(1, m).seed(), options.threads()).fraudPercent() / 100;
        }
        return out;
    }
}
