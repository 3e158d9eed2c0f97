package org.psephos.estimation;

import org.psephos.data.Election;

/**
 * The cumulative leader-votes-versus-turnout curve of Klimek et al. (2012), PNAS 109(41), 16469–16473, Fig. 6,
 * doi:10.1073/pnas.1210722109: for t = 0, 0.01, …, 1, the leader's votes in units with turnout ≤ t, as a
 * fraction of the leader's total. A fair election plateaus well below 100% turnout; a "boost phase" near 100%
 * marks votes from units reporting (near-)complete turnout. Data only: charts belong to the report package.
 * Immutable; arrays are copied in and out.
 *
 * @param turnout    the 101 turnout points 0, 0.01, …, 1
 * @param votes      the leader's votes in units with turnout ≤ t
 * @param fraction   votes / the leader's total (0 if the total is 0)
 * @since 0.1
 */
public record CumulativeVotes(double[] turnout, long[] votes, double[] fraction) {
    /** Copies the arrays. */
    public CumulativeVotes {
        turnout = turnout.clone();
        votes = votes.clone();
        fraction = fraction.clone();
    }

    /**
     * @param e units with a leader and positive registered voters
     * @return the curve
     * @throws IllegalArgumentException if the election has no leader
     */
    public static CumulativeVotes of(Election e) {
        LeaderColumns c = LeaderColumns.of(e);
        long[] per = new long[101];
        for (int i = 0; i < c.n; i++) {
            double t = c.registered[i] > 0 ? (double) c.ballots[i] / c.registered[i] : 0;
            // unit with turnout t counts from the first point ≥ t
            per[Math.max(0, Math.min(100, (int) Math.ceil(100 * t - 1e-9)))] += c.leader[i];
        }
        double[] t = new double[101];
        long[] v = new long[101];
        double[] f = new double[101];
        long run = 0;
        for (int k = 0; k <= 100; k++) {
            run += per[k];
            t[k] = k / 100.0;
            v[k] = run;
        }
        for (int k = 0; k <= 100; k++) {
            f[k] = run == 0 ? 0 : (double) v[k] / run;
        }
        return new CumulativeVotes(t, v, f);
    }

    @Override
    public double[] turnout() {
        return turnout.clone();
    }

    @Override
    public long[] votes() {
        return votes.clone();
    }

    @Override
    public double[] fraction() {
        return fraction.clone();
    }
}
