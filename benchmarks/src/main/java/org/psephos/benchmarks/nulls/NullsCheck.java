package org.psephos.benchmarks.nulls;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.psephos.data.Election;
import org.psephos.forensics.nulls.NullRunner;
import org.psephos.forensics.nulls.NullStatistic;
import org.psephos.forensics.nulls.ReplicateSource;
import org.psephos.simulation.Progress;

/**
 * The null engines in process CPU time and wall time per unit and replicate (best of several runs after warm-up),
 * the cross-check of {@link NullsBenchmark} that holds on a shared machine, and the figure the side-by-side script
 * {@code benchmarks/peer/nulls_compare.sh} prints next to numpy. With {@code -Dpsephos.nulls.file=PATH} it runs
 * on a real Russian file (see {@link NullInputs}). Not a JMH benchmark.
 *
 * <p>Usage: {@code java -cp target/benchmarks.jar org.psephos.benchmarks.nulls.NullsCheck [replicates [repeats]]}
 */
public final class NullsCheck {
    private NullsCheck() {
    }

    /** @param args replicates per run (default 100) and measured runs (default 3) */
    public static void main(String[] args) {
        int replicates = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Election e = NullInputs.election();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "units=%d options=%d replicates=%d%n", e.size(), e.optionCount(), replicates);
        long f0 = System.nanoTime();
        long c0 = os.getProcessCpuTime();
        ReplicateSource twins = NullsBenchmark.source("twins", e);
        System.out.printf(Locale.ROOT, "twin_fit wall_s=%.2f cpu_s=%.2f%n", (System.nanoTime() - f0) / 1e9,
                (os.getProcessCpuTime() - c0) / 1e9);
        for (String source : new String[] {"resampling", "betaBinomial", "twins"}) {
            ReplicateSource s = source.equals("twins") ? twins : NullsBenchmark.source(source, e);
            for (String stats : new String[] {"none", "counts"}) {
                List<NullStatistic> st = NullsBenchmark.statistics(stats, e.optionCount());
                for (int threads : new int[] {1, 2}) {
                    double bestCpu = Double.MAX_VALUE;
                    double bestWall = Double.MAX_VALUE;
                    for (int r = 0; r < repeats + 1; r++) {
                        long cpu0 = os.getProcessCpuTime();
                        long wall0 = System.nanoTime();
                        NullRunner.run(s, st, replicates, r, threads, Progress.NONE);
                        double per = (double) e.size() * replicates;
                        if (r >= 1) {
                            bestCpu = Math.min(bestCpu, (os.getProcessCpuTime() - cpu0) / per);
                            bestWall = Math.min(bestWall, (System.nanoTime() - wall0) / per);
                        }
                    }
                    System.out.printf(Locale.ROOT, "%s stats=%s threads=%d cpu_ns_per_unit_replicate=%.1f "
                            + "wall_ns_per_unit_replicate=%.1f wall_s_per_1000_replicates=%.2f%n", source, stats,
                            threads, bestCpu, bestWall, bestWall * e.size() * 1000 / 1e9);
                }
            }
        }
    }
}
