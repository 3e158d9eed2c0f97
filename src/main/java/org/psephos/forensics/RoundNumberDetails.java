package org.psephos.forensics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.psephos.forensics.spikes.MixtureFit;
import org.psephos.forensics.spikes.RozenasSpikes;
import org.psephos.forensics.spikes.SpikesEstimate;

/**
 * The details of the round-number tests with a record: the share of percentages ending in 0 or 5
 * ({@link ZeroFivePercents}: P05s) and Rozenas's spikes ({@link Spikes}). IntegerPercent still carries
 * {@link ResultDetails.Keyed} details ({@code docs/architecture.md}, "Known debts").
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
