package org.psephos.forensics;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.psephos.data.Election;
import org.psephos.simulation.RandomStreams;

/**
 * The units a {@link Fingerprint} counts: their numerators (with any de-aliasing noise added), denominators and
 * weights, turnout {@code tNum / tDen} and the leader's share {@code sNum / sDen}; the units skipped by
 * {@link Fingerprint}'s rules (no registered voters or share base, a missing count, B &gt; N, W &gt; R, W &gt; N).
 * Package-private.
 *
 * @param tNum    turnout numerators, ballots (plus noise)
 * @param tDen    turnout denominators, registered voters
 * @param sNum    share numerators, the leader's votes (plus noise)
 * @param sDen    share denominators
 * @param weight  each unit's weight
 * @param skipped the units skipped
 */
record FingerprintPoints(double[] tNum, int[] tDen, double[] sNum, int[] sDen, double[] weight, int skipped) {
    private static final long NOISE_KEY = 0x4E6F697365L;

    int size() {
        return weight.length;
    }

    /**
     * @param e         the units
     * @param weighting what each unit adds
     * @param noise     where the de-aliasing noise comes from (one stream per numerator, in unit order), or null
     * @return the units counted
     */
    static FingerprintPoints of(Election e, Fingerprint.Weighting weighting, RandomStreams noise) {
    int n = e.size();
    int leader = e.leader();
    double[] tn = new double[n];
    int[] td = new int[n];
    double[] sn = new double[n];
    int[] sd = new int[n];
    double[] w = new double[n];
    UniformRandomProvider noiseB = noise == null ? null : noise.stream(NOISE_KEY, 0);
    UniformRandomProvider noiseW = noise == null ? null : noise.stream(NOISE_KEY, 1);
    int m = 0;
    for (int i = 0; i < n; i++) {
        int reg = e.registered(i);
        int bal = e.ballots(i);
        int den = e.shareDenominator(i);
        int lead = leader < 0 ? Election.MISSING : e.votes(leader, i);
        double db = noiseB == null ? 0 : noiseB.nextDouble() - 0.5;
        double dw = noiseW == null ? 0 : noiseW.nextDouble() - 0.5;
        if (reg <= 0 || den <= 0 || bal < 0 || lead < 0 || bal > reg || lead > den || lead > reg) {
            continue;
        }
        tn[m] = bal + db;
        td[m] = reg;
        sn[m] = lead + dw;
        sd[m] = den;
        w[m] = switch (weighting) {
            case UNITS -> 1.0;
            case REGISTERED -> reg;
            case BALLOTS -> bal;
            case LEADER_VOTES -> lead;
        };
        m++;
    }
    return new FingerprintPoints(Arrays.copyOf(tn, m), Arrays.copyOf(td, m), Arrays.copyOf(sn, m), Arrays.copyOf(sd, m),
            Arrays.copyOf(w, m), n - m);
}
}
