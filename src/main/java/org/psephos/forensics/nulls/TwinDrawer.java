package org.psephos.forensics.nulls;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.ConditionalMultinomial;

/**
 * Draws clean twins chunk by chunk ({@link CleanTwins}): the model of {@link TwinModel} unit by unit for the
 * proportions, block binomials for the counts. One per thread and block of replicates; not thread-safe.
 * Package-private.
 *
 * <p>Per chunk, in this order on the block's stream: the turnout normals, the ballots; the unfound ballots; the
 * invalid normals and counts; the leader normals and votes; the others' normals (member by member) and their
 * multinomial. Nothing is allocated per replicate or chunk.
 */
final class TwinDrawer implements ReplicateSource.Drawer {
    private final TwinModel m;
    private final ElectionView view;
    private final int[][] trials;
    private final UnitChunk chunk;
    private final double[] p = new double[UnitChunk.CAPACITY];
    private final int[] unfound = new int[UnitChunk.CAPACITY];
    private final int[] rest = new int[UnitChunk.CAPACITY];
    private final double[][] weights;
    private final int[][] memberRows;
    private final boolean[] drawnOption;
    private final boolean anyUnfound;
    private final int lead;
    private final Params turnout;
    private final Params invalid;
    private final Params leader;
    private final Params[] ratios;

    TwinDrawer(TwinModel model, ElectionView view, int[][] trials) {
        this.m = model;
        this.view = view;
        this.trials = trials;
        this.chunk = view.newChunk();
        this.lead = view.election.leader();
        this.turnout = Params.of(model.turnout);
        this.invalid = Params.of(model.invalid);
        this.leader = Params.of(model.leader);
        this.ratios = new Params[model.ratios.length];
        for (int q = 0; q < ratios.length; q++) {
            ratios[q] = Params.of(model.ratios[q]);
        }
        int members = model.members.length;
        weights = new double[members][UnitChunk.CAPACITY];
        memberRows = new int[members][];
        drawnOption = new boolean[view.options];
        for (int q = 0; q < members; q++) {
            int k = model.members[q];
            memberRows[q] = k >= 0 ? chunk.votes[k] : new int[UnitChunk.CAPACITY];
            if (k >= 0) {
                drawnOption[k] = true;
            }
        }
        if (lead >= 0) {
            drawnOption[lead] = true;
        }
        boolean any = false;
        for (double u : model.unfound) {
            any |= u > 0;
        }
        anyUnfound = any;
    }

    private int groupOf(int i) {
        return m.group == null ? 0 : m.group[i];
    }

    /** A component's arrays, copied once per drawer (the record's accessors copy). */
    private record Params(double[] centre, double[] sd, double slope) {
        static Params of(TwinModel.Component c) {
            return c == null ? null : new Params(c.centre(), c.sd(), c.slope());
        }
    }

    /** p[j] = expit(centre_g + slope·z + sd_g·ε) for the chunk's units, ε drawn in unit order. */
    private void proportions(Params c, NormalizedGaussianSampler gaussian, int from, int len) {
        double slope = c.slope;
        double[] centre = c.centre;
        double[] sd = c.sd;
        for (int j = 0; j < len; j++) {
            int i = from + j;
            int g = groupOf(i);
            double x = centre[g] + slope * m.z[i] + sd[g] * gaussian.sample();
            p[j] = 1 / (1 + Math.exp(-x));
        }
    }

    @Override
    public void draw(UniformRandomProvider rng, NormalizedGaussianSampler gaussian,
                     NullStatistic.Accumulator[] accumulators) {
        for (int c = 0; c < view.chunks(); c++) {
            view.position(chunk, c);
            int from = chunk.first;
            int len = chunk.length;
            proportions(turnout, gaussian, from, len);
            BinomialSampler.sample(rng, trials[c], p, chunk.ballots, len);
            int[] found = chunk.found;
            if (anyUnfound) {
                for (int j = 0; j < len; j++) {
                    p[j] = m.unfound[groupOf(from + j)];
                }
                BinomialSampler.sample(rng, chunk.ballots, p, unfound, len);
                for (int j = 0; j < len; j++) {
                    found[j] = chunk.ballots[j] - unfound[j];
                }
            } else {
                System.arraycopy(chunk.ballots, 0, found, 0, len);
            }
            if (invalid != null) {
                proportions(invalid, gaussian, from, len);
                BinomialSampler.sample(rng, found, p, chunk.invalid, len);
            } else {
                Arrays.fill(chunk.invalid, 0, len, 0);
            }
            int[] valid = chunk.valid;
            for (int j = 0; j < len; j++) {
                valid[j] = found[j] - chunk.invalid[j];
            }
            drawVotes(rng, gaussian, from, len);
            if (!view.election.hasValid()) {
                optionsAsValid(len);
            }
            chunk.finishTotals();
            for (NullStatistic.Accumulator a : accumulators) {
                a.add(chunk);
            }
        }
    }

    /**
     * Without a valid column the source's valid ballots are the options' sum ({@link UnitChunk}), so the twin's are
     * too: the "other valid" member drawn from ballots − invalid ({@link TwinModel}) is left out again.
     */
    private void optionsAsValid(int len) {
        int[] valid = chunk.valid;
        for (int j = 0; j < len; j++) {
            long s = 0;
            for (int k = 0; k < view.options; k++) {
                s += chunk.votes[k][j];
            }
            valid[j] = (int) s;
        }
    }

    /** The leader's votes of the valid ballots, then the others' split of the rest. */
    private void drawVotes(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, int from, int len) {
        int[] valid = chunk.valid;
        for (int k = 0; k < view.options; k++) {
            if (!drawnOption[k]) {
                Arrays.fill(chunk.votes[k], 0, len, 0);
            }
        }
        if (lead < 0) {
            return;
        }
        int[] w = chunk.votes[lead];
        int members = m.members.length;
        if (leader == null || members == 0) {
            System.arraycopy(valid, 0, w, 0, len);
            return;
        }
        proportions(leader, gaussian, from, len);
        BinomialSampler.sample(rng, valid, p, w, len);
        for (int j = 0; j < len; j++) {
            rest[j] = valid[j] - w[j];
        }
        for (int q = 0; q < members; q++) {
            double[] wq = weights[q];
            Params r = ratios[q];
            if (r == null) {
                Arrays.fill(wq, 0, len, 1);
                continue;
            }
            for (int j = 0; j < len; j++) {
                int g = groupOf(from + j);
                wq[j] = Math.exp(r.centre[g] + r.sd[g] * gaussian.sample());
            }
        }
        ConditionalMultinomial.conditional(weights, members, weights, len);
        ConditionalMultinomial.sample(rng, rest, weights, members, memberRows, len);
    }
}
