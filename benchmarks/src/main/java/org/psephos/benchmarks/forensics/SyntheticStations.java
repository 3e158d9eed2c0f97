package org.psephos.benchmarks.forensics;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.RandomStreams;

/**
 * The benchmark input: clean synthetic polling stations of about the size of a Russian federal election (95,000
 * stations in 85 regions, 5 options). Registered voters are uniform on 500..2000; turnout and the leader's share
 * are normal (0.7, 0.1) and (0.6, 0.1) per station, clipped to [0.05, 0.95]; ballots, invalid ballots (1%) and
 * votes are binomial draws; the other options split the rest evenly in expectation. Seeded, so every fork sees
 * the same stations.
 */
final class SyntheticStations {
    /** Stations in the benchmark election. */
    static final int STATIONS = 95_000;
    /** Regions (groups of {@code --level region}). */
    static final int REGIONS = 85;

    private SyntheticStations() {
    }

    /**
     * @param stations number of stations
     * @param regions  number of regions (contiguous runs of stations)
     * @param seed     seed
     * @return the election, with a grouping named "region"
     */
    static Election of(int stations, int regions, long seed) {
        UniformRandomProvider rng = RandomStreams.seeded(seed).stream(1);
        int[] reg = new int[stations];
        int[] bal = new int[stations];
        int[] valid = new int[stations];
        int[] invalid = new int[stations];
        int[][] votes = new int[5][stations];
        String[] region = new String[stations];
        for (int i = 0; i < stations; i++) {
            reg[i] = 500 + rng.nextInt(1501);
            bal[i] = BinomialSampler.sample(rng, reg[i], clip(0.7 + 0.1 * gaussian(rng)));
            invalid[i] = BinomialSampler.sample(rng, bal[i], 0.01);
            valid[i] = bal[i] - invalid[i];
            int rest = valid[i];
            votes[0][i] = BinomialSampler.sample(rng, rest, clip(0.6 + 0.1 * gaussian(rng)));
            rest -= votes[0][i];
            for (int k = 1; k < 4; k++) {
                votes[k][i] = BinomialSampler.sample(rng, rest, 1.0 / (5 - k));
                rest -= votes[k][i];
            }
            votes[4][i] = rest;
            region[i] = String.format(Locale.ROOT, "R%02d", 1 + (int) ((long) i * regions / stations));
        }
        Election.Builder b = Election.builder("synthetic").registered(reg).ballots(bal).valid(valid)
                .invalid(invalid).grouping(Grouping.ofLabels("region", region));
        for (int k = 0; k < 5; k++) {
            b.option("option" + (k + 1), votes[k]);
        }
        return b.build();
    }

    private static double clip(double p) {
        return Math.max(0.05, Math.min(0.95, p));
    }

    /** Box–Muller: enough for benchmark inputs. */
    private static double gaussian(UniformRandomProvider rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
