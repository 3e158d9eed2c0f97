package org.psephos.forensics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.psephos.forensics.spikes.MixtureFit;
import org.psephos.forensics.spikes.RozenasSpikes;
import org.psephos.forensics.spikes.SpikesEstimate;

/**
 * The details of the round-number tests: the share of percentages ending in 0 or 5 ({@link ZeroFivePercents}:
 * P05s), Kobak et al.'s integer percentages ({@link IntegerPercent}) and Rozenas's spikes ({@link Spikes}). Each
 * {@link #toMap()} writes the keys the {@code analyze} JSON has carried, in that order.
 *
 * @since 0.1
 */
public sealed interface RoundNumberDetails extends ResultDetails {

    /**
     * The share of units whose percentage ends in 0 or 5 (P05s), with an exact binomial p-value.
     *
     * @param successes units whose percentage ends in 0 or 5
     */
    record ZeroFivePercents(int successes) implements RoundNumberDetails {
        @Override
        public String pValueMethod() {
            return EXACT_BINOMIAL;
        }

        @Override
        public Map<String, Object> toMap() {
            return ResultDetails.ordered("successes", successes, "p_value_method", pValueMethod());
        }
    }

    /**
     * Kobak et al.'s integer-percentage test ({@link IntegerPercentTest}): the stations included, the integer
     * counts, the headline statistic (either integer, stations unweighted) and all twelve against their null.
     *
     * @param includedUnits  stations passing the inclusion rules
     * @param turnoutInteger stations with integer turnout
     * @param leaderInteger  stations with an integer leader's result
     * @param headline       the headline statistic (its p-value is the row's, not written here)
     * @param period         the period P
     * @param replicates     the null's replicates
     * @param seed           the run seed
     * @param nullUsed       which null the statistics were judged against
     * @param statistics     the twelve statistics, [variant][weighting] as {@link IntegerPercentTest#VARIANTS} and
     *                       {@link IntegerPercentTest#WEIGHTINGS}
     * @param regionalScreen Kobak's per-region screen of the group (group rows), or {@code null} (national rows)
     */
    record IntegerPercent(int includedUnits, long turnoutInteger, long leaderInteger,
                          IntegerPercentResult.Statistic headline, int period, int replicates, long seed,
                          IntegerNull nullUsed, IntegerPercentResult.Statistic[][] statistics,
                          RegionalScreen regionalScreen) implements RoundNumberDetails {
        /** The bin width of the percentages, in percentage points. */
        public static final double BIN_WIDTH = 0.1;

        /** Checks the record and copies the statistics. */
        public IntegerPercent {
            Objects.requireNonNull(headline, "headline");
            Objects.requireNonNull(nullUsed, "nullUsed");
            statistics = IntegerPercentResult.copy(statistics);
        }

        /** @return the statistics, [variant][weighting] (a copy) */
        @Override
        public IntegerPercentResult.Statistic[][] statistics() {
            return IntegerPercentResult.copy(statistics);
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> d = ResultDetails.ordered("included_units", includedUnits, "turnout_integer",
                    turnoutInteger, "leader_integer", leaderInteger, "observed", headline.observed(),
                    "expected_mean", headline.expectedMean(), "expected_sd", headline.expectedSd(), "excess",
                    headline.excess(), "p999", headline.p999(), "period", period, "bin_width", BIN_WIDTH,
                    "replicates", replicates, "seed", seed);
            if (nullUsed == IntegerNull.NUMPY) {
                d.put("integer_rule", "floating point as numpy (Kobak et al.)");
                d.put("sd_divisor", "replicates (numpy std, ddof = 0)");
            } else if (nullUsed == IntegerNull.RESAMPLED) {
                d.put("inclusion", "the inclusion rules and weights are evaluated on each replicate's own counts");
            }
            Map<String, Object> variants = new LinkedHashMap<>();
            for (int v = 0; v < IntegerPercentTest.VARIANTS.length; v++) {
                Map<String, Object> byWeight = new LinkedHashMap<>();
                for (int w = 0; w < IntegerPercentTest.WEIGHTINGS.length; w++) {
                    byWeight.put(IntegerPercentTest.WEIGHTINGS[w], statistics[v][w].toMap());
                }
                variants.put(IntegerPercentTest.VARIANTS[v], byWeight);
            }
            d.put("variants", variants);
            if (regionalScreen != null) {
                d.put("regional_screen", ResultDetails.ordered("stations", regionalScreen.stations(),
                        "integer_bins", regionalScreen.integerBins(), "half_integer_bins",
                        regionalScreen.halfIntegerBins(), "anomaly", regionalScreen.anomaly()));
            }
            return d;
        }
    }

    /** The null an {@link IntegerPercent} row's statistics were judged against. */
    enum IntegerNull {
        /** Kobak et al.'s Monte Carlo null, Psephos's integer rule and sd divisor. */
        MONTE_CARLO,
        /** Kobak et al.'s Monte Carlo null, their floating-point integer rule and numpy's sd divisor. */
        NUMPY,
        /** The calibrated resampling null: inclusion rules and weights evaluated on each replicate. */
        RESAMPLED
    }

    /**
     * Kobak's per-region screen over one group's units ({@link KobakRegionalScreen}).
     *
     * @param stations        stations passing the inclusion rules
     * @param integerBins     stations in integer-percentage bins
     * @param halfIntegerBins stations in half-integer bins
     */
    record RegionalScreen(long stations, long integerBins, long halfIntegerBins) {
        /** @return integer bins − half-integer bins */
        public long anomaly() {
            return integerBins - halfIntegerBins;
        }
    }

    /**
     * Rozenas's spikes test ({@link org.psephos.forensics.Spikes}): the resampling step at the fitted mixtures, the
     * posterior-draw interval, both fits, and (national rows) the curves of its chart.
     *
     * @param estimate   the resampling step's estimate
     * @param interval   the posterior-draw interval, or {@code null}
     * @param note       why there is no interval, or the empty string
     * @param turnoutFit the turnout mixture's fit
     * @param supportFit the support mixture's fit
     * @param seed       the option's seed
     * @param curves     whether the JSON carries the grid, density and envelope (national rows)
     * @param ownNull    the clean twins of its own mixtures under calibrated nulls (handed to the battery, not
     *                   written), or {@code null}
     */
    record Spikes(SpikesEstimate estimate, RozenasSpikes.Interval interval, String note, MixtureFit turnoutFit,
                  MixtureFit supportFit, long seed, boolean curves, CalibratedDetails.OwnNull ownNull)
            implements RoundNumberDetails {
        /** How the interval is drawn. */
        public static final String INTERVAL_METHOD =
                "posterior draws of both mixtures, each followed by a full resampling step (confInt)";

        /** Checks the record. */
        public Spikes {
            Objects.requireNonNull(estimate, "estimate");
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(turnoutFit, "turnoutFit");
            Objects.requireNonNull(supportFit, "supportFit");
        }

        /** @return this record without the values of its own null */
        public Spikes withoutOwnNull() {
            return new Spikes(estimate, interval, note, turnoutFit, supportFit, seed, curves, null);
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> d = ResultDetails.ordered("fraud_percent", estimate.fraudPercent());
            if (interval != null) {
                d.put("conf_int", ResultDetails.ordered("method", INTERVAL_METHOD, "boots",
                        interval.fraudPercent().length, "mean_percent", interval.mean(), "low_percent",
                        interval.low(), "high_percent", interval.high(), "turnout_acceptance",
                        interval.turnoutAcceptance(), "support_acceptance", interval.supportAcceptance()));
            } else {
                d.put("conf_int", null);
                if (!note.isEmpty()) {
                    d.put("conf_int_note", note);
                }
            }
            d.put("resamples", estimate.resamples());
            d.put("bandwidth", RozenasSpikes.BANDWIDTH);
            List<Map<String, Object>> spikes = new ArrayList<>();
            for (SpikesEstimate.Spike s : estimate.spikes()) {
                spikes.add(ResultDetails.ordered("share", s.share(), "excess_percent", s.excessPercent()));
            }
            d.put("spikes", spikes);
            d.put("turnout_fit", fit(turnoutFit));
            d.put("support_fit", fit(supportFit));
            d.put("seed", seed);
            if (curves) {
                d.put("grid", estimate.grid());
                d.put("density", estimate.density());
                d.put("envelope", estimate.envelope());
            }
            return d;
        }

        private static Map<String, Object> fit(MixtureFit f) {
            Map<String, Object> m = ResultDetails.ordered("components", f.mixture().components(), "alpha",
                    f.mixture().alpha(), "beta", f.mixture().beta(), "w", f.mixture().w(), "log_likelihood",
                    f.logLikelihood());
            List<Map<String, Object>> levels = new ArrayList<>();
            for (MixtureFit.Level l : f.levels()) {
                levels.add(ResultDetails.ordered("components", l.components(), "start_log_likelihoods",
                        l.logLikelihoods(), "distinct_starts", l.distinctStarts(), "best_start", l.best(),
                        "log_likelihood_spread", l.logLikelihoodSpread(), "start_agreement", l.agreement(),
                        "correlation_with_previous", l.lambda()));
            }
            m.put("levels", levels);
            return m;
        }
    }
}
