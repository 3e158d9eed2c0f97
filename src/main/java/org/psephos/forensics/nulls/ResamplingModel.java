package org.psephos.forensics.nulls;

/**
 * How {@link CountResampler} redraws a unit's counts from its observed rates.
 *
 * <ul>
 *   <li>{@link Binomial}: ballots* ~ Binomial(registered, observed turnout), then the options, invalid and other
 *       categories ~ Multinomial(ballots*, observed shares): the binomial Monte Carlo null of Kobak, Shpilkin and
 *       Pshenichnikov (2016, Ann. Appl. Stat. 10(1), doi:10.1214/16-AOAS904), nested as the counts are. With
 *       {@link Drift#CORRECTED} ({@link #driftCorrected()}) the null distribution is shifted back by the drift
 *       that one layer of binomial resampling adds to each statistic (simulation-extrapolation, below).</li>
 *   <li>{@link BetaBinomial}: each unit's rates are first drawn from their posterior given its counts, under a
 *       beta (Dirichlet) prior of concentration κ: turnout p* ~ Beta(B + κm, N − B + κ(1 − m)), shares
 *       ~ Dirichlet(c_j + κ m_j), then the counts as above. This is Rozenas's resampling (Rozenas 2017, "Detecting
 *       election fraud from irregularities in vote-share distributions", Political Analysis 25(1),
 *       doi:10.1017/pan.2016.9; R package {@code spikes}) with one mixture component instead of up to five, the
 *       prior fitted by moments instead of EM. A resampled count then has variance
 *       \( n p (1 - p) (2n + κ) / (n + κ + 1) \): about twice the binomial's when n ≫ κ, as at polling stations.</li>
 *   <li>{@link Matched} ({@code --resampling matched}): the binomial nesting at each unit's observed rates shrunk
 *       towards its group's centre on the logit scale by \( c_i = \sqrt{τ^2 / (τ^2 + v_i)} \) (τ² the latent
 *       between-unit variance, v_i the unit's binomial variance of its logit; {@link MatchedRates}), so that the
 *       replicates' counts spread across units as the data's do, not about twice as wide. Counts in the hundreds
 *       keep c_i ≈ 1; counts of a few votes are drawn near the centre, and zeros are not absorbing.</li>
 * </ul>
 *
 * <p><b>Drift correction</b> (SIMEX: simulation-extrapolation, Cook and Stefanski 1994, "Simulation-extrapolation
 * estimation in parametric measurement error models", JASA 89(428):1314–1328). A binomial replicate x* is the data
 * plus one more layer of binomial noise, so it is not exchangeable with the data: across units its counts are
 * spread wider by Σ N p̂(1 − p̂), and a statistic that depends on where counts sit relative to digit boundaries (the
 * second digit of counts crowded narrowly around 100) has a null centre that drifts away from the clean expectation
 * ({@code docs/calibration.md}, section 4). With {@link Drift#CORRECTED} each of the first
 * {@link #DRIFT_REPLICATES} replicates x* is resampled once more around its own rates, x** (nested in the same way,
 * from an independent random stream, so x* is the plain binomial replicate of the same seed), and every value of
 * every statistic has its replicates shifted by the mean drift E[T**] − E[T*]: the null extrapolated back by one
 * layer of noise, linearly in its variance ({@link NullRunner}, {@link NullDistribution#drift}).
 *
 * @since 0.1
 */
public sealed interface ResamplingModel permits ResamplingModel.Binomial, ResamplingModel.BetaBinomial,
        ResamplingModel.Matched {
    /**
     * Replicates resampled once more to estimate the drift of a {@link Drift#CORRECTED} null: the first
     * min(R, {@value}) of the R replicates. 200 puts the drift's Monte Carlo error near 0.1 null sd and keeps the
     * extra cost at 1,000 replicates to a fifth of the draws (issue 15's speed targets).
     */
    int DRIFT_REPLICATES = 200;

    /** @return the binomial null, uncorrected */
    static ResamplingModel binomial() {
        return new Binomial(Drift.NONE);
    }

    /** @return the binomial null shifted back by the drift of one more resampling layer (SIMEX) */
    static ResamplingModel driftCorrected() {
        return new Binomial(Drift.CORRECTED);
    }

    /** @return whether the null distribution is shifted by its resampling drift */
    Drift drift();

    /** @return the model's name on the command line: binomial, drift-corrected, beta-binomial or matched */
    String id();

    /**
     * @param id binomial, drift-corrected, beta-binomial or matched
     * @return that model (the beta-binomial's prior fitted by moments)
     * @throws IllegalArgumentException for another name
     */
    static ResamplingModel parse(String id) {
        return switch (id) {
            case "binomial" -> binomial();
            case "drift-corrected" -> driftCorrected();
            case "beta-binomial" -> betaBinomial();
            case "matched" -> matched();
            default -> throw new IllegalArgumentException("unknown resampling model '" + id
                    + "': expected binomial, drift-corrected, beta-binomial or matched");
        };
    }

    /** Whether the replicates are shifted by the drift one more resampling layer adds (see the type's javadoc). */
    enum Drift {
        /** The replicates as drawn. */
        NONE,
        /** Each value's replicates shifted by −(E[T**] − E[T*]), estimated on the first {@link #DRIFT_REPLICATES}. */
        CORRECTED
    }

    /** @return the beta-binomial null with its prior fitted by moments */
    static ResamplingModel betaBinomial() {
        return new BetaBinomial(Double.NaN);
    }

    /** @return the binomial null at shrunk rates whose replicates have the data's spread ({@link Matched}) */
    static ResamplingModel matched() {
        return new Matched();
    }

    /**
     * Binomial and multinomial redraws at the observed rates.
     *
     * @param drift whether the null is shifted back by its resampling drift
     */
    record Binomial(Drift drift) implements ResamplingModel {
        /** @throws NullPointerException if drift is null */
        public Binomial {
            java.util.Objects.requireNonNull(drift, "drift");
        }

        @Override
        public String id() {
            return drift == Drift.CORRECTED ? "drift-corrected" : "binomial";
        }
    }

    /**
     * Beta-binomial and Dirichlet-multinomial redraws.
     *
     * <p>How the dispersion is chosen: with {@code priorConcentration} NaN (the default) the prior is fitted by
     * moments to the observed units: turnout κ_T = m(1 − m)/v − 1 from the mean m and variance v of the units'
     * turnouts, shares κ_C from those of the largest category's share, and m_j the units' mean shares; κ is
     * clamped to [0, 10^6]. A polling-station electorate of n ≫ κ then roughly doubles the binomial variance of
     * every count, whatever κ; small units (n ≲ κ) are pulled towards the mean rates. A given κ is used for both.
     *
     * @param priorConcentration κ ≥ 0 and finite, or NaN to fit it
     */
    record BetaBinomial(double priorConcentration) implements ResamplingModel {
        /** @throws IllegalArgumentException if κ is negative or infinite */
        public BetaBinomial {
            if (!Double.isNaN(priorConcentration) && !(priorConcentration >= 0 && priorConcentration <= 1e6)) {
                throw new IllegalArgumentException("prior concentration is not NaN or in [0, 1e6]: "
                        + priorConcentration);
            }
        }

        /** @return {@link Drift#NONE}: the posterior draw already widens the null; no correction is defined */
        @Override
        public Drift drift() {
            return Drift.NONE;
        }

        @Override
        public String id() {
            return "beta-binomial";
        }
    }

    /**
     * Binomial and multinomial redraws at each unit's rates shrunk towards its group's centre on the logit scale
     * ({@link MatchedRates}): a replicate's counts spread across units as the data's do, where the plain binomial
     * null's spread about twice as wide. No drift correction is defined (the shrinkage already takes the extra
     * layer of noise out).
     */
    record Matched() implements ResamplingModel {
        @Override
        public Drift drift() {
            return Drift.NONE;
        }

        @Override
        public String id() {
            return "matched";
        }
    }
}
