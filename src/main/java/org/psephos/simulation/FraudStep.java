package org.psephos.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The executable form of a {@link FraudModel}: applies it to the units of a block. Stateless, so one instance
 * serves all threads; the randomness comes from the calling block's stream for this model.
 */
abstract class FraudStep {
    /**
     * Applies the model to every unit of a block, in unit order.
     *
     * @param c        the block's counts, changed in place
     * @param len      number of units in the block
     * @param rng      the model's stream for this block
     * @param gaussian standard normals on that stream
     */
    abstract void applyBlock(BlockCounts c, int len, UniformRandomProvider rng, NormalizedGaussianSampler gaussian);

    /**
     * @param model a fraud model
     * @return its step
     */
    static FraudStep of(FraudModel model) {
        if (model instanceof FraudModel.Klimek k) {
            return new KlimekStep(k);
        }
        if (model instanceof FraudModel.BallotStuffing b) {
            return new Selected(b.fraction(), b.fraudClass()) {
                @Override
                void change(UnitState s, UniformRandomProvider rng) {
                    stuff(s, BinomialSampler.sample(rng, s.registered - s.ballots, b.share()));
                }
            };
        }
        if (model instanceof FraudModel.VoteSwitching v) {
            return new Selected(v.fraction(), v.fraudClass()) {
                @Override
                void change(UnitState s, UniformRandomProvider rng) {
                    steal(s, rng, v.share());
                }
            };
        }
        if (model instanceof FraudModel.CarouselVoting c) {
            return new Selected(c.fraction(), c.fraudClass()) {
                @Override
                void change(UnitState s, UniformRandomProvider rng) {
                    int extra = BinomialSampler.sample(rng, s.ballots, c.rate());
                    stuff(s, Math.min(extra, s.registered - s.ballots));
                }
            };
        }
        if (model instanceof FraudModel.InvalidatedOpposition i) {
            return new Selected(i.fraction(), i.fraudClass()) {
                @Override
                void change(UnitState s, UniformRandomProvider rng) {
                    for (int k = 1; k < s.votes.length; k++) {
                        int spoiled = BinomialSampler.sample(rng, s.votes[k], i.share());
                        s.votes[k] -= spoiled;
                        s.invalid += spoiled;
                    }
                }
            };
        }
        if (model instanceof FraudModel.InflatedRegister r) {
            return new Selected(r.fraction(), r.fraudClass()) {
                @Override
                void change(UnitState s, UniformRandomProvider rng) {
                    int phantoms = BinomialSampler.sample(rng, s.registered, r.rate());
                    phantoms = Math.min(phantoms, Integer.MAX_VALUE - s.registered);
                    s.registered += phantoms;
                    stuff(s, BinomialSampler.sample(rng, phantoms, r.turnout()));
                }
            };
        }
        if (model instanceof FraudModel.InventedDigits d) {
            return new Selected(d.fraction(), d.fraudClass()) {
                @Override
                void change(UnitState s, UniformRandomProvider rng) {
                    inventDigits(s, rng);
                }
            };
        }
        FraudModel.InventedResults inv = (FraudModel.InventedResults) model;
        return new Selected(inv.fraction(), inv.fraudClass()) {
            @Override
            void change(UnitState s, UniformRandomProvider rng) {
                if (inv.target() != FraudModel.InventedResults.Target.SHARE) {
                    inventTurnout(s);
                }
                if (inv.target() != FraudModel.InventedResults.Target.TURNOUT) {
                    inventShare(s);
                }
            }
        };
    }

    /**
     * Rewrites every digit of the leader's count after the first with a digit drawn from
     * {@link FraudModel.InventedDigits#HUMAN_DIGITS}; the ballots move by the same amount. Counts below 10, and a
     * change that would take the ballots above the registered voters, are left as they are.
     */
    static void inventDigits(UnitState s, UniformRandomProvider rng) {
        int count = s.votes[0];
        if (count < 10) {
            return;
        }
        int scale = 1;
        while (count / scale >= 10) {
            scale *= 10;
        }
        int invented = (count / scale) * scale;
        for (int p = scale / 10; p >= 1; p /= 10) {
            invented += p * humanDigit(rng.nextDouble());
        }
        int delta = invented - count;
        if ((long) s.ballots + delta <= s.registered) {
            s.votes[0] = invented;
            s.ballots += delta;
        }
    }

    /** @return the digit whose cumulative preference first exceeds u */
    private static int humanDigit(double u) {
        double[] w = FraudModel.InventedDigits.HUMAN_DIGITS;
        int d = 0;
        while (d < 9 && u >= w[d]) {
            u -= w[d];
            d++;
        }
        return d;
    }

    /** Adds ballots for the leader. */
    static void stuff(UnitState s, int ballots) {
        s.ballots += ballots;
        s.votes[0] += ballots;
    }

    /** Moves Binomial(votes_k, p) votes from every other option to the leader. */
    static void steal(UnitState s, UniformRandomProvider rng, double p) {
        for (int k = 1; k < s.votes.length; k++) {
            int stolen = BinomialSampler.sample(rng, s.votes[k], p);
            s.votes[k] -= stolen;
            s.votes[0] += stolen;
        }
    }

    /** Raises turnout to the next whole percent: the new ballots go to the leader. */
    static void inventTurnout(UnitState s) {
        if (s.registered == 0) {
            return;
        }
        long n = s.registered;
        long percent = (100L * s.ballots + n - 1) / n;
        int target = (int) ((percent * n + 50) / 100);
        stuff(s, Math.max(0, target - s.ballots));
    }

    /**
     * Raises the leader's share of ballots to the next whole percent, taking votes from the other options in
     * proportion to their votes (largest remainders, ties to the lower index).
     */
    static void inventShare(UnitState s) {
        if (s.ballots == 0) {
            return;
        }
        long found = s.ballots;
        long percent = (100L * s.votes[0] + found - 1) / found;
        int target = (int) ((percent * found + 50) / 100);
        int opposition = s.opposition();
        int take = Math.min(Math.max(0, target - s.votes[0]), opposition);
        if (take == 0) {
            return;
        }
        int taken = 0;
        // Remainders of take·v_k/opposition from the votes before any are taken; -1 once an option has given its
        // extra vote, so each option gives at most one vote over its floor.
        long[] remainder = new long[s.votes.length];
        for (int k = 1; k < s.votes.length; k++) {
            long share = (long) take * s.votes[k];
            int t = (int) (share / opposition);
            remainder[k] = share % opposition;
            s.votes[k] -= t;
            taken += t;
        }
        // Remainders: one more vote from the options with the largest fractional parts.
        while (taken < take) {
            int best = -1;
            long bestRem = -1;
            for (int k = 1; k < s.votes.length; k++) {
                if (s.votes[k] > 0 && remainder[k] > bestRem) {
                    bestRem = remainder[k];
                    best = k;
                }
            }
            remainder[best] = -1;
            s.votes[best]--;
            taken++;
        }
        s.votes[0] += take;
    }

    /** A model that changes a chosen fraction of units. */
    abstract static class Selected extends FraudStep {
        private final double fraction;
        private final int bit;

        Selected(double fraction, FraudClass fraudClass) {
            this.fraction = fraction;
            this.bit = fraudClass.bit();
        }

        /** Draws whether each unit is chosen; only chosen units are moved through a {@link UnitState}. */
        @Override
        final void applyBlock(BlockCounts c, int len, UniformRandomProvider rng, NormalizedGaussianSampler gaussian) {
            UnitState s = new UnitState(c.votes.length);
            for (int j = 0; j < len; j++) {
                if (fraction < 1 && !(rng.nextDouble() < fraction)) {
                    continue;
                }
                c.mask[j] |= bit;
                c.load(j, s);
                change(s, rng);
                c.store(j, s);
            }
        }

        abstract void change(UnitState s, UniformRandomProvider rng);
    }

    /** Klimek et al. (2012) incremental and extreme fraud. */
    static final class KlimekStep extends FraudStep {
        private final double incremental;
        private final double any;
        private final double theta;
        private final double alpha;
        private final double extremeSd;

        KlimekStep(FraudModel.Klimek k) {
            this.incremental = k.incremental();
            this.any = k.incremental() + k.extreme();
            this.theta = k.theta();
            this.alpha = k.alpha();
            this.extremeSd = k.extremeSd();
        }

        /**
         * Block-wise: first the class and intensity of every unit (unit order), then the stuffed and the stolen
         * votes of the fraudulent units as block binomials ({@link BinomialBatch}).
         */
        @Override
        void applyBlock(BlockCounts c, int len, UniformRandomProvider rng, NormalizedGaussianSampler gaussian) {
            Scratch w = Scratch.PER_THREAD.get();
            int f = 0;
            int incrementalBit = FraudClass.INCREMENTAL.bit();
            int extremeBit = FraudClass.EXTREME.bit();
            for (int j = 0; j < len; j++) {
                double u = rng.nextDouble();
                if (u < any) {
                    double x;
                    if (u < incremental) {
                        c.mask[j] |= incrementalBit;
                        do {
                            x = Math.abs(theta * gaussian.sample());
                        } while (x >= 1);
                    } else {
                        c.mask[j] |= extremeBit;
                        x = Math.max(0, 1 - Math.abs(extremeSd * gaussian.sample()));
                    }
                    w.units[f] = j;
                    w.x[f++] = x;
                }
            }
            if (f == 0) {
                return;
            }
            BinomialBatch batch = BinomialBatch.forThisThread();
            for (int t = 0; t < f; t++) {
                int j = w.units[t];
                w.n[t] = c.registered[j] - c.ballots[j];
            }
            batch.sample(rng, w.n, w.x, w.stuffed, f);
            for (int t = 0; t < f; t++) {
                double x = w.x[t];
                w.p[t] = alpha == 2 ? x * x : alpha == 1 ? x : Math.pow(x, alpha);
            }
            int[] leader = c.votes[0];
            for (int k = 1; k < c.votes.length; k++) {
                int[] other = c.votes[k];
                for (int t = 0; t < f; t++) {
                    w.n[t] = other[w.units[t]];
                }
                batch.sample(rng, w.n, w.p, w.stolen, f);
                for (int t = 0; t < f; t++) {
                    int j = w.units[t];
                    other[j] -= w.stolen[t];
                    leader[j] += w.stolen[t];
                }
            }
            for (int t = 0; t < f; t++) {
                int j = w.units[t];
                c.ballots[j] += w.stuffed[t];
                leader[j] += w.stuffed[t];
            }
        }

        /** Per-thread arrays of the fraudulent units of a block. */
        private static final class Scratch {
            static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);
            final int[] units = new int[BlockSimulator.BLOCK_SIZE];
            final double[] x = new double[BlockSimulator.BLOCK_SIZE];
            final double[] p = new double[BlockSimulator.BLOCK_SIZE];
            final int[] n = new int[BlockSimulator.BLOCK_SIZE];
            final int[] stuffed = new int[BlockSimulator.BLOCK_SIZE];
            final int[] stolen = new int[BlockSimulator.BLOCK_SIZE];
        }
    }
}
