package org.psephos.forensics;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;

/**
 * The draws of {@link IntegerPercentTest}'s Monte Carlo null: per replicate, every station's leader and turnout
 * integer indicators and the twelve weighted counts they give, either as Bernoulli indicators with exact binomial
 * probabilities ({@link IntegerPercentTest.NullMethod#INDICATORS}) or from drawn counts
 * ({@link IntegerPercentTest.NullMethod#COUNTS}). Package-private; the hot loops allocate nothing per replicate but
 * its row of sums.
 */
final class IntegerIndicators {
    /** The twelve statistics: three variants × four weightings. */
    static final int STATS = 12;
    /** Key of the test's random streams (ASCII "IntPct"). */
    private static final long STREAM_KEY = 0x496E74506374L;

    private IntegerIndicators() {
    }

    /** Stations per block of the integer-probability precomputation (no randomness: any split is exact). */
    private static final int PROB_BLOCK = 4096;

    /**
     * @return {@code [q^W, q^B]}: per station, the probability that a Binomial(R, W/R) draw gives an integer
     *         leader's result, and that a Binomial(N, B/N) draw gives an integer turnout
     */
    static double[][] integerProbabilities(IntegerStations s, int period, IntegerPercentNull.Arithmetic arithmetic, int threads) {
        double[] qw = new double[s.size];
        double[] qb = new double[s.size];
        int blocks = (s.size + PROB_BLOCK - 1) / PROB_BLOCK;
        Parallel.map(blocks, threads, blk -> {
            int to = Math.min(s.size, (blk + 1) * PROB_BLOCK);
            for (int j = blk * PROB_BLOCK; j < to; j++) {
                qw[j] = integerProbability(s.denominator[j], s.share[j], period, arithmetic);
                qb[j] = integerProbability(s.registered[j], s.turnout[j], period, arithmetic);
            }
            return null;
        }, Progress.NONE);
        return new double[][] {qw, qb};
    }

    /*
     * Implementation note. P(I(K)) for K ~ Bin(n, p) sums the pmf over the counts that pass isInteger. The pmf at
     * the mode comes from commons-math3 (saddle-point expansion, accurate to ~1e-15 relative); the walk outwards
     * uses the ratio f(k+1)/f(k) = (n-k)/(k+1) * p/(1-p) and stops once the terms fall below 1e-20, which bounds the
     * neglected mass by far less than one in 1e15.
     */
    static double integerProbability(int n, double p, int period) {
        return integerProbability(n, p, period, IntegerPercentNull.Arithmetic.EXACT);
    }

    static double integerProbability(int n, double p, int period, IntegerPercentNull.Arithmetic arithmetic) {
        if (p <= 0) {
            return IntegerPercentTest.isInteger(0, n, period, arithmetic) ? 1 : 0;
        }
        if (p >= 1) {
            return IntegerPercentTest.isInteger(n, n, period, arithmetic) ? 1 : 0;
        }
        int mode = (int) Math.min(n, Math.floor((n + 1.0) * p));
        double f0 = Math.exp(new BinomialDistribution(null, n, p).logProbability(mode));
        double odds = p / (1 - p);
        double sum = IntegerPercentTest.isInteger(mode, n, period, arithmetic) ? f0 : 0;
        double f = f0;
        for (int k = mode; k < n && f > 1e-20; k++) {
            f *= (double) (n - k) / (k + 1) * odds;
            if (IntegerPercentTest.isInteger(k + 1, n, period, arithmetic)) {
                sum += f;
            }
        }
        f = f0;
        for (int k = mode; k > 0 && f > 1e-20; k--) {
            f *= (double) k / (n - k + 1) / odds;
            if (IntegerPercentTest.isInteger(k - 1, n, period, arithmetic)) {
                sum += f;
            }
        }
        return Math.min(1.0, sum);
    }

    /** Draws one replicate's indicators for every station and adds its twelve weighted counts to a sum. */
    interface IndicatorDraw {
        /** @return the null-method index of this draw's random streams (0 counts, 1 indicators) */
        int streamMethod();

        /**
         * @param s the stations
         * @return a draw for one block's replicates; draws that need scratch arrays return a copy with their own,
         *     allocated once per block
         */
        IndicatorDraw forBlock(IntegerStations s);

        /** Draws one replicate and adds its twelve weighted counts to {@code acc}. */
        void drawAndAccumulate(UniformRandomProvider rng, IntegerStations s, long[] acc);
    }

    /*
     * Implementation note. A block draws its replicates from the stream keyed by (test, null method, block); each
     * replicate's twelve sums are added into that replicate's row of the result, which is the only allocation per
     * replicate. Scratch arrays, where a draw needs them, are allocated once per block (IndicatorDraw.forBlock).
     */
    static long[][] block(IntegerStations s, RandomStreams streams, int block, int reps, IndicatorDraw draw) {
        int count = Math.min(IntegerPercentTest.BLOCK, reps - block * IntegerPercentTest.BLOCK);
        long[][] out = new long[count][];
        UniformRandomProvider rng = streams.stream(STREAM_KEY, draw.streamMethod(), block);
        IndicatorDraw d = draw.forBlock(s);
        for (int c = 0; c < count; c++) {
            long[] acc = new long[STATS];
            d.drawAndAccumulate(rng, s, acc);
            out[c] = acc;
        }
        return out;
    }

    /**
     * The INDICATORS null: Bernoulli(q) indicators, two uniforms per station (leader then turnout), counted in the
     * same pass without indicator arrays. Stateless, so one instance serves every block.
     */
    record BernoulliDraw(double[] qw, double[] qb) implements IndicatorDraw {
        @Override
        public int streamMethod() {
            return 1;
        }

        @Override
        public IndicatorDraw forBlock(IntegerStations s) {
            return this;
        }

        /**
         * The same sums as {@link IntegerIndicators#accumulate} of the indicators would give; the twelve sums are
         * kept in locals and added with masks (branch-free).
         */
        @Override
        public void drawAndAccumulate(UniformRandomProvider rng, IntegerStations s, long[] acc) {
            long[] wn = s.weights[1];
            long[] wb = s.weights[2];
            long[] ww = s.weights[3];
            long e0 = 0;
            long e1 = 0;
            long e2 = 0;
            long e3 = 0;
            long l0 = 0;
            long l1 = 0;
            long l2 = 0;
            long l3 = 0;
            long t0 = 0;
            long t1 = 0;
            long t2 = 0;
            long t3 = 0;
            for (int j = 0; j < s.size; j++) {
                long ml = rng.nextDouble() < qw[j] ? -1L : 0L;
                long mt = rng.nextDouble() < qb[j] ? -1L : 0L;
                long me = ml | mt;
                long n = wn[j];
                long b = wb[j];
                long w = ww[j];
                e0 -= me;
                e1 += n & me;
                e2 += b & me;
                e3 += w & me;
                l0 -= ml;
                l1 += n & ml;
                l2 += b & ml;
                l3 += w & ml;
                t0 -= mt;
                t1 += n & mt;
                t2 += b & mt;
                t3 += w & mt;
            }
            acc[0] += e0;
            acc[1] += e1;
            acc[2] += e2;
            acc[3] += e3;
            acc[4] += l0;
            acc[5] += l1;
            acc[6] += l2;
            acc[7] += l3;
            acc[8] += t0;
            acc[9] += t1;
            acc[10] += t2;
            acc[11] += t3;
        }
    }

    /**
     * The COUNTS null: W* and B* from {@link BinomialSampler}, then tested. The indicator arrays are scratch: the
     * instance built by {@link IntegerPercentNull} has none, {@link #forBlock} gives each block its own.
     */
    record CountDraw(int period, IntegerPercentNull.Arithmetic arithmetic, boolean[] li, boolean[] ti) implements IndicatorDraw {
        CountDraw(int period, IntegerPercentNull.Arithmetic arithmetic) {
            this(period, arithmetic, null, null);
        }

        @Override
        public int streamMethod() {
            return 0;
        }

        @Override
        public IndicatorDraw forBlock(IntegerStations s) {
            return new CountDraw(period, arithmetic, new boolean[s.size], new boolean[s.size]);
        }

        @Override
        public void drawAndAccumulate(UniformRandomProvider rng, IntegerStations s, long[] acc) {
            for (int j = 0; j < s.size; j++) {
                int r = s.denominator[j];
                int n = s.registered[j];
                li[j] = IntegerPercentTest.isInteger(BinomialSampler.sample(rng, r, s.share[j]), r, period, arithmetic);
                ti[j] = IntegerPercentTest.isInteger(BinomialSampler.sample(rng, n, s.turnout[j]), n, period, arithmetic);
            }
            accumulate(s, li, ti, acc);
        }
    }

    /** Adds the twelve weighted counts of one set of indicators to {@code acc}. */
    static void accumulate(IntegerStations s, boolean[] leaderInt, boolean[] turnoutInt, long[] acc) {
        for (int w = 0; w < 4; w++) {
            long[] wt = s.weights[w];
            long either = 0;
            long lead = 0;
            long turn = 0;
            for (int j = 0; j < s.size; j++) {
                boolean li = leaderInt[j];
                boolean ti = turnoutInt[j];
                either += (li | ti) ? wt[j] : 0;
                lead += li ? wt[j] : 0;
                turn += ti ? wt[j] : 0;
            }
            acc[w] += either;
            acc[4 + w] += lead;
            acc[8 + w] += turn;
        }
    }
}
