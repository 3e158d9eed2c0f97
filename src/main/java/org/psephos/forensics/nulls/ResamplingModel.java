package org.psephos.forensics.nulls;

/**
 * How {@link CountResampler} redraws a unit's counts from its observed rates.
 *
 * <ul>
 *   <li>{@link Binomial}: ballots* ~ Binomial(registered, observed turnout), then the options, invalid and other
 *       categories ~ Multinomial(ballots*, observed shares): the binomial Monte Carlo null of Kobak, Shpilkin and
 *       Pshenichnikov (2016, Ann. Appl. Stat. 10(1), doi:10.1214/16-AOAS904), nested as the counts are.</li>
 *   <li>{@link BetaBinomial}: each unit's rates are first drawn from their posterior given its counts, under a
 *       beta (Dirichlet) prior of concentration κ: turnout p* ~ Beta(B + κm, N − B + κ(1 − m)), shares
 *       ~ Dirichlet(c_j + κ m_j), then the counts as above. This is Rozenas's resampling (Rozenas 2017, "Detecting
 *       election fraud from irregularities in vote-share distributions", Political Analysis 25(1),
 *       doi:10.1017/pan.2016.9; R package {@code spikes}) with one mixture component instead of up to five, the
 *       prior fitted by moments instead of EM. A resampled count then has variance
 *       \( n p (1 - p) (2n + κ) / (n + κ + 1) \): about twice the binomial's when n ≫ κ, as at polling stations.</li>
 * </ul>
 *
 * @since 0.1
 */
public sealed interface ResamplingModel permits ResamplingModel.Binomial, ResamplingModel.BetaBinomial {
    /** @return the binomial null */
    static ResamplingModel binomial() {
        return new Binomial();
    }

    /** @return the beta-binomial null with its prior fitted by moments */
    static ResamplingModel betaBinomial() {
        return new BetaBinomial(Double.NaN);
    }

    /** Binomial and multinomial redraws at the observed rates. */
    record Binomial() implements ResamplingModel {
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
    }
}
