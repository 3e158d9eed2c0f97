package org.psephos.estimation;

import org.psephos.data.Election;
import org.psephos.data.ShareBase;
import org.psephos.forensics.nulls.TwinModel;
import org.psephos.forensics.nulls.TwinOptions;

/**
 * The score KlimekFit's calibrated null compares (issue 15; {@code docs/calibration.md}, "KlimekFit's null score"):
 * the Klimek fit of the election with the clean size effect taken out of each unit's turnout and leader share.
 * Package-private.
 *
 * <p>Why. Klimek et al.'s clean model (2012, PNAS 109(41), doi:10.1073/pnas.1210722109) draws turnout and share
 * independently around one peak. Where small stations both vote more and vote more for the leader (a negative size
 * slope on both logits, as in Russia's rural stations), a clean election has a turnout–share dependence along one
 * diagonal that the model can only reproduce with incremental fraud: the fit reads it as f_i. The clean twins
 * ({@link TwinModel}) keep that size effect, so the fit also finds it there, and the null distribution of f̂ is
 * centred high and wide: measured on simulated clean elections in {@code docs/calibration.md}.
 *
 * <p>The score. On any election (the data or a clean twin) the size slopes β_T and β_L of the clean-twin model are
 * fitted as {@link TwinModel} fits them (robust: ten size bins, the line through their median residuals; one national
 * fit, default options), and each unit's empirical logits move by −β·z, z = ln N − mean ln N:
 * <pre>
 *   t' = expit(logit((B + ½)/(N − B + ½)) − β_T z),   B' = round(N t')
 *   S' = min(B', round(ρ B')),  ρ = S / B (the unit's share base over its ballots)
 *   v' = expit(logit((W + ½)/(S − W + ½)) − β_L z),   W' = round(S' v')
 * </pre>
 * keeping N. The fit of that election (f̂_i + f̂_e) is the score. The adjustment is one deterministic function of
 * the election, applied alike to the data and to every twin, so the Monte Carlo p-value stays exact; fraud that is
 * not tied to station size keeps its comet towards (1, 1); fraud concentrated in small stations moves the robust
 * slopes only as far as it moves the bins' medians, and is partly taken out with them (a loss of power, not of
 * level). The row's value (f̂_i + f̂_e of the full fit of the unadjusted data) is unchanged.
 */
final class KlimekFitNullScore {
    /** Details key of the score. */
    static final String SCORE = "null_score_size_adjusted";
    /** Details key of the size slopes taken out. */
    static final String SLOPES = "null_score_size_slopes";

    private KlimekFitNullScore() {
    }

    /**
     * The score ({@value #SCORE} in the row's details; NaN where the adjusted election's moments cannot be
     * estimated) and the slopes taken out ({@value #SLOPES}).
     *
     * @param e     units with a leader (filtered)
     * @param seed  the run seed of the fit
     * @param refit the probe's fit
     * @return the score and the slopes
     */
    static KlimekDetails.SizeAdjustedScore score(Election e, long seed, KlimekRefit refit) {
        double[] slopes = slopes(e);
        double score;
        try {
            KlimekFitResult a = refit.fit(adjusted(e, slopes), seed);
            score = a.fi() + a.fe();
        } catch (IllegalArgumentException ex) {
            score = Double.NaN;
        }
        return new KlimekDetails.SizeAdjustedScore(score, slopes);
    }

    /**
     * @param e units with a leader (filtered: registered &gt; 0, ballots ≤ registered)
     * @return {β_T, β_L}: the clean-twin model's size slopes of the turnout and leader logits (0 where none)
     */
    static double[] slopes(Election e) {
        TwinModel m = TwinModel.fit(e, null, TwinOptions.defaults());
        return new double[] {m.turnout().slope(), m.leader() == null ? 0 : m.leader().slope()};
    }

    /**
     * @param e      units with a leader (filtered)
     * @param slopes {β_T, β_L}
     * @return the units with the size effect taken out (two options: the leader, first, and the rest of the share
     *         base; share base {@link ShareBase#VALID})
     */
    static Election adjusted(Election e, double[] slopes) {
        int n = e.size();
        int[] reg = e.registeredColumn();
        int[] b = e.ballotsColumn();
        int[] w = e.votesColumn(e.leader());
        int[] s = e.shareDenominatorColumn();
        double sum = 0;
        int sized = 0;
        for (int i = 0; i < n; i++) {
            if (reg[i] > 0) {
                sum += Math.log(reg[i]);
                sized++;
            }
        }
        double meanLog = sized == 0 ? 0 : sum / sized;
        int[] b2 = new int[n];
        int[] s2 = new int[n];
        int[] w2 = new int[n];
        int[] rest = new int[n];
        for (int i = 0; i < n; i++) {
            if (reg[i] <= 0 || b[i] < 0 || s[i] < 0 || w[i] < 0) {
                b2[i] = Math.max(0, b[i]);
                s2[i] = Math.max(0, Math.min(b2[i], s[i]));
                w2[i] = Math.max(0, Math.min(s2[i], w[i]));
                rest[i] = s2[i] - w2[i];
                continue;
            }
            double z = Math.log(reg[i]) - meanLog;
            int bb = Math.min(b[i], reg[i]);
            double lt = Math.log((bb + 0.5) / (reg[i] - bb + 0.5)) - slopes[0] * z;
            b2[i] = (int) Math.round(reg[i] / (1 + Math.exp(-lt)));
            double rho = b[i] > 0 ? Math.min(1, (double) s[i] / b[i]) : 1;
            s2[i] = (int) Math.min(b2[i], Math.round(rho * b2[i]));
            int ww = Math.min(w[i], s[i]);
            double lv = Math.log((ww + 0.5) / (s[i] - ww + 0.5)) - slopes[1] * z;
            w2[i] = (int) Math.round(s2[i] / (1 + Math.exp(-lv)));
            rest[i] = s2[i] - w2[i];
        }
        return Election.builder(e.name() + ", size effect taken out").registered(reg).ballots(b2).valid(s2)
                .option(e.options().get(e.leader()), w2).option("other options", rest).leader(0)
                .shareBase(ShareBase.VALID).build();
    }
}
