package org.psephos.benchmarks.nulls;

import java.nio.file.Path;
import org.psephos.data.ColumnMapping;
import org.psephos.data.Election;
import org.psephos.data.ElectionCsv;
import org.psephos.data.UnitFilter;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.Heterogeneity;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.Progress;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;

/**
 * The input of the null benchmarks: an election of the size and shape of Russia 2012 (95,415 stations in 85
 * regions, 5 candidates, about 1.2% invalid ballots and a few issued ballots not found in the boxes), simulated by
 * the engine (log-normal sizes, logit-normal turnout and support with regional centres of logit sd 0.4, small
 * stations voting more), or, with {@code -Dpsephos.nulls.file=PATH}, a file through the standard filter: a zipped
 * Russian protocol file with the mapping of docs/loading.md ({@code #4}, {@code #6+#7+#8}, {@code #13},
 * {@code #12}, {@code #22..#26}, level {@code region}), any other file (e.g. {@code psephos simulate --out}) with
 * the recognised column names.
 */
final class NullInputs {
    /** Stations of Russia 2012. */
    static final int STATIONS = 95_415;

    private NullInputs() {
    }

    /** @return the benchmark election */
    static Election election() {
        String file = System.getProperty("psephos.nulls.file");
        if (file != null) {
            ColumnMapping m = !file.endsWith(".zip") ? ColumnMapping.recognise()
                    : ColumnMapping.builder().registered("#4").ballots("#6+#7+#8").valid("#13")
                    .invalid("#12").candidate("#22..#26").level("region").id("uik").build();
            return UnitFilter.standard().apply(ElectionCsv.load(Path.of(file), m).election()).election();
        }
        ElectorateModel e = new ElectorateModel(STATIONS, new SizeDistribution.LogNormal(6.9, 0.6), 85, 0.4, 0.4,
                new ProportionDistribution(ProportionDistribution.Shape.LOGIT_NORMAL, 0.65, 0.4),
                new ProportionDistribution(ProportionDistribution.Shape.LOGIT_NORMAL, 0.62, 0.4), 5, 10, 0.012,
                Heterogeneity.NONE.withSizeEffect(-0.2, 0.1));
        Election clean = MonteCarloEngine.run(SimulationModel.clean(e), 2012, 2, 1,
                MonteCarloEngine.UnitOutput.FIRST_REPLICATE, Progress.NONE).units().orElseThrow();
        // Issued ballots not found in the boxes: about 0.2% of the ballots, as in the Russian protocols.
        int[] ballots = clean.ballotsColumn();
        var rng = RandomStreams.seeded(2012).stream(99);
        for (int i = 0; i < ballots.length; i++) {
            int extra = BinomialSampler.sample(rng, ballots[i], 0.002);
            ballots[i] = Math.min(clean.registered(i), ballots[i] + extra);
        }
        return clean.toBuilder().ballots(ballots).build();
    }
}
