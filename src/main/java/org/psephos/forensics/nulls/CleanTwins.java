package org.psephos.forensics.nulls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.simulation.RandomStreams;

/**
 * The clean-twin null of the distribution-shape tests and the estimators: replicate elections that keep every
 * unit's registered voters and group, with turnout, invalid ballots and votes drawn from the no-fraud model fitted
 * to the election ({@link TwinModel}), including each unit's binomial counting noise. A shape statistic (skewness,
 * kurtosis, dip, turnout–support correlation, Sobyanin's slope, a fraud estimate) computed on the data is compared
 * with its distribution over the twins, so that what regional, urban–rural or size heterogeneity does to it on a
 * clean election is part of the null, and only what the clean model cannot produce (the anomalous high-turnout
 * tail, a whole region stuffed) stands out.
 *
 * <p>Sources: the clean model of Klimek, Yegorov, Hanel and Thurner (2012), PNAS 109(41),
 * doi:10.1073/pnas.1210722109, fitted from the clean peak as Kobak, Shpilkin and Pshenichnikov (2016), Ann. Appl.
 * Stat. 10(1), doi:10.1214/16-AOAS904, read it; the resampling of counts at each unit's own size as in Rozenas
 * (2017), Political Analysis 25(1), doi:10.1017/pan.2016.9.
 *
 * <p>Each replicate is drawn chunk by chunk into reused buffers (per chunk: normals, logistic transforms, block
 * binomials for ballots, unfound, invalid and leader votes, a conditional multinomial for the others) and fed to
 * the statistics ({@link NullStatistic}); replicates run in blocks keyed by (seed, block) ({@link NullRunner}), so
 * the twins are identical for any thread count, and {@link #election(long, int)} materialises replicate r exactly
 * as the runner draws it. Twins have no missing cells; a unit with missing or no registered voters has 0 ballots.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class CleanTwins implements ReplicateSource {
    private static final long KEY = 0x4E756C6C5477696EL; // "NullTwin"

    private final TwinModel model;
    private final ElectionView view;
    /** [chunk][unit]: registered voters, 0 where missing: the ballots' trials. */
    private final int[][] trials;

    private CleanTwins(TwinModel model, ElectionView view) {
        this.model = model;
        this.view = view;
        trials = new int[view.chunks()][];
        for (int c = 0; c < view.chunks(); c++) {
            trials[c] = new int[view.length(c)];
            for (int j = 0; j < trials[c].length; j++) {
                trials[c][j] = Math.max(0, view.registered[view.start(c) + j]);
            }
        }
    }

    /**
     * @param election the units
     * @param level    the grouping the model is fitted per group and the twins keep, or null
     * @param options  the fit's knobs
     * @return the twins of that election
     * @throws IllegalArgumentException if the level names no grouping
     */
    public static CleanTwins of(Election election, String level, TwinOptions options) {
        ElectionView v = new ElectionView(election, level);
        return new CleanTwins(TwinModel.fit(election, level, options), v);
    }

    /** @return the fitted model */
    public TwinModel model() {
        return model;
    }

    @Override
    public int units() {
        return view.units;
    }

    @Override
    public long streamKey() {
        return KEY;
    }

    @Override
    public void observe(NullStatistic.Accumulator[] accumulators) {
        view.observe(accumulators);
    }

    @Override
    public ReplicateSource.Drawer drawer() {
        return new TwinDrawer(model, view, trials);
    }

    /**
     * Replicate r of the twins drawn with this seed, as an election: the units' ids, groupings, option names,
     * leader and share base are the observed election's. Draws the replicates of r's block up to r.
     *
     * @param seed      the run seed
     * @param replicate r, at least 0
     * @return the twin
     */
    public Election election(long seed, int replicate) {
        if (replicate < 0) {
            throw new IllegalArgumentException("replicate is negative: " + replicate);
        }
        int block = replicate / NullRunner.BLOCK;
        List<Election> drawn = elections(seed, block, replicate - block * NullRunner.BLOCK + 1);
        return drawn.get(drawn.size() - 1);
    }

    /**
     * The first {@code count} replicates of one block of the twins drawn with this seed, as elections, exactly as
     * {@link NullRunner} draws them (replicate r is in block r / {@value NullRunner#BLOCK}): for the estimators,
     * which are refitted on whole elections.
     *
     * @param seed  the run seed
     * @param block the block, at least 0
     * @param count how many of its replicates, 1 to {@value NullRunner#BLOCK}
     * @return replicates {@code block·8} to {@code block·8 + count − 1}
     */
    public List<Election> elections(long seed, int block, int count) {
        if (block < 0 || count < 1 || count > NullRunner.BLOCK) {
            throw new IllegalArgumentException("block " + block + " with " + count + " replicates");
        }
        UniformRandomProvider rng = RandomStreams.seeded(seed).stream(KEY, block);
        NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        ReplicateSource.Drawer d = drawer();
        List<Election> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            Capture capture = new Capture(view.units, view.options);
            d.draw(rng, gaussian, new NullStatistic.Accumulator[] {capture});
            out.add(build(capture, "clean twin " + (block * NullRunner.BLOCK + k) + " of "
                    + view.election.name() + ", seed " + seed));
        }
        return out;
    }

    private Election build(Capture capture, String name) {
        Election e = view.election;
        Election.Builder b = Election.builder(name)
                .registered(view.registered).ballots(capture.ballots).shareBase(e.shareBase());
        if (e.hasValid()) {
            b.valid(capture.valid);
        }
        if (e.hasInvalid()) {
            b.invalid(capture.invalid);
        }
        for (int k = 0; k < view.options; k++) {
            b.option(e.options().get(k), capture.votes[k]);
        }
        for (Grouping g : e.groupings()) {
            b.grouping(g);
        }
        if (e.hasUnitIds()) {
            String[] ids = new String[view.units];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = e.unitId(i);
            }
            b.unitIds(ids);
        }
        return b.leader(e.leader()).build();
    }

    /** Copies every chunk of the last replicate into whole columns. */
    private static final class Capture implements NullStatistic.Accumulator {
        final int[] ballots;
        final int[] valid;
        final int[] invalid;
        final int[][] votes;

        Capture(int units, int options) {
            ballots = new int[units];
            valid = new int[units];
            invalid = new int[units];
            votes = new int[options][units];
        }

        @Override
        public void start() {
            Arrays.fill(ballots, 0);
        }

        @Override
        public void add(UnitChunk c) {
            int from = c.first();
            int len = c.length();
            System.arraycopy(c.ballots(), 0, ballots, from, len);
            System.arraycopy(c.valid(), 0, valid, from, len);
            System.arraycopy(c.invalid(), 0, invalid, from, len);
            for (int k = 0; k < votes.length; k++) {
                System.arraycopy(c.votes(k), 0, votes[k], from, len);
            }
        }

        @Override
        public void finish(double[] out, int offset) {
            // Nothing to report: the columns are the result.
        }
    }
}
