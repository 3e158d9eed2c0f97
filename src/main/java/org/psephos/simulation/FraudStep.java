package org.psephos.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The executable form of a {@link FraudModel}: applies it to the units of a block. Stateless, so one instance
 * serves all threads; the randomness comes from the calling block's stream for this model. Klimek's fraud is
 * {@link KlimekStep}; the invented counts are written by {@link InventedCounts}.
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
                    InventedCounts.inventDigits(s, rng);
                }
            };
        }
        FraudModel.InventedResults inv = (FraudModel.InventedResults) model;
        return new Selected(inv.fraction(), inv.fraudClass()) {
            @Override
            void change(UnitState s, UniformRandomProvider rng) {
                if (inv.target() != FraudModel.InventedResults.Target.SHARE) {
                    InventedCounts.inventTurnout(s);
                }
                if (inv.target() != FraudModel.InventedResults.Target.TURNOUT) {
                    InventedCounts.inventShare(s);
                }
            }
        };
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
}
