package org.psephos.forensics.nulls;

import org.psephos.data.Election;

/**
 * The no-fraud model of an election that {@link CleanTwins} draws from, fitted robustly to the election itself.
 *
 * <p>Model. Unit i of group g (the groups of {@code --level}, or one group), with registered N_i and size covariate
 * z_i = ln N_i − mean ln N:
 * <pre>
 *   turnout      t_i = expit(μ^T_g + β^T z_i + σ^T_g ε),      ballots  B ~ Binomial(N, t)
 *   unfound      U ~ Binomial(B, u_g)                        found    F = B − U
 *   invalid      r_i = expit(μ^I_g + σ^I_g ε),               invalid  I ~ Binomial(F, r)     valid V = F − I
 *   leader       ℓ_i = expit(μ^L_g + β^L z_i + σ^L_g ε),     leader   W ~ Binomial(V, ℓ)
 *   others       w_k = exp(μ^k_g + σ^k_g ε) (w_ref = 1),     (others) ~ Multinomial(V − W, w / Σw)
 * </pre>
 * every ε an independent standard normal: within a group, turnout and support are independent given size, as in
 * the clean model of Klimek, Yegorov, Hanel and Thurner (2012, PNAS 109(41), doi:10.1073/pnas.1210722109), which
 * is what fraud breaks (a slope of support on turnout fitted below the clean peak was tried and not adopted,
 * {@code docs/calibration.md} section 10); heterogeneity across groups and sizes is kept. The others' split is
 * additive log-ratio normal against the largest of them ("other valid", valid − the options' sum, counts as one of
 * them; without a valid column in the source, the twins' valid ballots are ballots − invalid, so the ballots beyond
 * the options are "other valid").
 *
 * <p>Fit. Each component is fitted on the empirical logits ln((k + ½)/(n − k + ½)) of the units' counts:
 * <ol>
 *   <li>per group, location and spread by the tail rule ({@link TwinOptions.TailRule}; default: the mode of a
 *       kernel density and the lower half-normal below it, so that units pushed up by stuffing or added votes,
 *       wherever they land above the clean peak, do not move the fit: the anomalous high-turnout tail is not
 *       absorbed). The invalid share and the others' log-ratios, which fraud does not push one way, always use
 *       the symmetric rule (the mean and sd under {@code ALL});</li>
 *   <li>the size slopes β (turnout, leader) from the residuals' locations in ten size bins, then step 1 again on
 *       logit − βz;</li>
 *   <li>between groups: the national centre is the unit-weighted median of the group locations, τ the weighted
 *       median absolute deviation / 0.6745 (a robust between-group sd); a group's centre is shrunk towards the
 *       national one with weight τ²/(τ² + 2s²/n) and, for turnout and support, clipped from above at national
 *       + kτ ({@code groupClip}): a region stuffed as a whole is not its own normal, it becomes a high-turnout
 *       region at most k between-group sd above the rest; its spread is shrunk on the log scale with weight
 *       n/(n + n₀) and kept within a factor 2 of the national one. With fewer than 10 groups (two settlement
 *       types, a few districts) there is no between-group spread to measure a group against: each group keeps its
 *       own centre;</li>
 *   <li>the binomial noise is taken out of each spread: σ = sqrt(max(0, s² − median of 1/(k + ½) + 1/(n − k + ½)));
 *       the twins add it back by drawing counts;</li>
 *   <li>the unfound rate u_g is the group's pooled share of ballots not found in the boxes.</li>
 * </ol>
 * Sensitivity to these choices is measured by refitting with {@link TwinOptions#withTail},
 * {@link TwinOptions#withGroupClip} and {@link TwinOptions#withSizeCovariate}. Immutable.
 *
 * @since 0.1
 */
public final class TwinModel {
    /**
     * One fitted component per group.
     *
     * @param centre        per group the logit centre the twins use
     * @param sd            per group the latent logit sd the twins use (binomial noise removed)
     * @param rawCentre     per group the location before shrinkage and clipping
     * @param rawSpread     per group the spread before shrinkage (noise included)
     * @param clipped       per group whether its centre was clipped
     * @param units         per group the units fitted
     * @param slope         the size slope β (0 without it)
     * @param national      the national centre
     * @param nationalSd    the national latent spread (noise not removed)
     * @param tau           the robust between-group sd
     */
    public record Component(double[] centre, double[] sd, double[] rawCentre, double[] rawSpread, boolean[] clipped,
                            int[] units, double slope, double national, double nationalSd, double tau) {
        /** Copies the arrays. */
        public Component {
            centre = centre.clone();
            sd = sd.clone();
            rawCentre = rawCentre.clone();
            rawSpread = rawSpread.clone();
            clipped = clipped.clone();
            units = units.clone();
        }

        /** @return per group the logit centre the twins use (a copy) */
        @Override
        public double[] centre() {
            return centre.clone();
        }

        /** @return per group the latent logit sd the twins use (a copy) */
        @Override
        public double[] sd() {
            return sd.clone();
        }

        /** @return per group the location before shrinkage and clipping (a copy) */
        @Override
        public double[] rawCentre() {
            return rawCentre.clone();
        }

        /** @return per group the spread before shrinkage (a copy) */
        @Override
        public double[] rawSpread() {
            return rawSpread.clone();
        }

        /** @return per group whether its centre was clipped (a copy) */
        @Override
        public boolean[] clipped() {
            return clipped.clone();
        }

        /** @return per group the units fitted (a copy) */
        @Override
        public int[] units() {
            return units.clone();
        }
    }

    final Election election;
    final TwinOptions options;
    final int[] group;
    final int groups;
    final double[] z;
    final double meanLogSize;
    final Component turnout;
    final Component invalid;
    final Component leader;
    /**
     * The others' split ({@link TwinOthers}): its members, option indices (the leader excluded) and −1 for "other
     * valid"; the index of the reference member; the members' log-ratio components (null at the reference).
     */
    final int[] members;
    final int reference;
    final Component[] ratios;
    final double[] unfound;

    private TwinModel(ElectionView v, TwinOptions options) {
        Election e = v.election;
        this.election = e;
        this.options = options;
        this.group = v.group;
        this.groups = v.groups;
        int n = v.units;
        z = new double[n];
        double sum = 0;
        int sized = 0;
        for (int i = 0; i < n; i++) {
            if (v.registered[i] > 0) {
                sum += Math.log(v.registered[i]);
                sized++;
            }
        }
        meanLogSize = sized == 0 ? 0 : sum / sized;
        for (int i = 0; i < n; i++) {
            z[i] = v.registered[i] > 0 ? Math.log(v.registered[i]) - meanLogSize : 0;
        }
        double[] zs = options.sizeCovariate() ? z : null;
        TwinOptions symmetric = options.tail() == TwinOptions.TailRule.ALL ? options
                : options.withTail(TwinOptions.TailRule.SYMMETRIC);
        double[][] lx = new double[2][n];
        logits(v.ballots, v.registered, lx);
        turnout = ComponentFit.fit(lx[0], lx[1], zs, group, groups, options, ComponentFit.Push.UPWARD);
        int[] valid = drawnValid(v);
        int[] found = new int[n];
        int lead = e.leader();
        double[] unfoundNum = new double[groups];
        double[] unfoundDen = new double[groups];
        for (int i = 0; i < n; i++) {
            int val = valid[i];
            int inv = v.invalid[i];
            found[i] = val < 0 || inv < 0 ? -1 : val + inv;
            int g = group == null ? 0 : group[i];
            if (v.ballots[i] >= 0 && found[i] >= 0) {
                unfoundNum[g] += Math.max(0, v.ballots[i] - found[i]);
                unfoundDen[g] += v.ballots[i];
            }
        }
        unfound = new double[groups];
        for (int g = 0; g < groups; g++) {
            unfound[g] = unfoundDen[g] > 0 ? unfoundNum[g] / unfoundDen[g] : 0;
        }
        if (e.hasInvalid()) {
            logits(v.invalid, found, lx);
            invalid = ComponentFit.fit(lx[0], lx[1], null, group, groups, symmetric, ComponentFit.Push.NEITHER_WAY);
        } else {
            invalid = null;
        }
        if (lead >= 0) {
            logits(v.votes[lead], valid, lx);
            leader = ComponentFit.fit(lx[0], lx[1], zs, group, groups, options, ComponentFit.Push.UPWARD);
        } else {
            leader = null;
        }
        TwinOthers others = TwinOthers.fit(v, valid, lead, group, groups, symmetric);
        members = others.members;
        reference = others.reference;
        ratios = others.ratios;
    }

    /**
     * The valid ballots the twins draw and split: the source's column, or where it has none, ballots − invalid, so
     * that the ballots beyond the options (a file with one party's votes and the ballots) form the "other valid"
     * member instead of a constant rate of unfound ballots that would leave the options' shares without spread.
     */
    private static int[] drawnValid(ElectionView v) {
        if (v.election.hasValid()) {
            return v.valid;
        }
        int[] out = new int[v.units];
        for (int i = 0; i < v.units; i++) {
            boolean missing = v.ballots[i] < 0 || v.invalid[i] < 0 || v.valid[i] < 0;
            out[i] = missing ? -1 : Math.max(v.valid[i], v.ballots[i] - v.invalid[i]);
        }
        return out;
    }

    /** Empirical logits of k of n into out[0] and their noise variances into out[1] (NaN where not defined). */
    private static void logits(int[] k, int[] n, double[][] out) {
        for (int i = 0; i < k.length; i++) {
            boolean ok = k[i] >= 0 && n[i] > 0 && k[i] <= n[i];
            out[0][i] = ok ? Math.log((k[i] + 0.5) / (n[i] - k[i] + 0.5)) : Double.NaN;
            out[1][i] = ok ? 1 / (k[i] + 0.5) + 1 / (n[i] - k[i] + 0.5) : Double.NaN;
        }
    }

    /**
     * @param election the units (filtered as the tests see them)
     * @param level    the grouping to fit per group (e.g. {@code --level}), or null for one national fit
     * @param options  the fit's knobs
     * @return the fitted model
     * @throws IllegalArgumentException if the level names no grouping of the election
     */
    public static TwinModel fit(Election election, String level, TwinOptions options) {
        return new TwinModel(new ElectionView(election, level), options);
    }

    /** @return the turnout component */
    public Component turnout() {
        return turnout;
    }

    /** @return the leader's support component (of valid votes), or null without a leader */
    public Component leader() {
        return leader;
    }

    /** @return the invalid share component (of found ballots), or null without an invalid column */
    public Component invalid() {
        return invalid;
    }

    /** @return per group the share of ballots not found in the boxes */
    public double[] unfoundRate() {
        return unfound.clone();
    }

    /** @return the options used */
    public TwinOptions options() {
        return options;
    }
}
