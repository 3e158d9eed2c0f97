package org.psephos.benchmarks.simulation;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.Progress;
import org.psephos.simulation.SimulationModel;

/**
 * A cross-check of the JMH figures that holds on a shared machine: runs the benchmark model (as
 * {@link MonteCarloEnginePerformance}) and the RNG floor (as {@link RngFloorPerformance}) and prints, per unit, the
 * CPU time of the process and the wall time, best of several repetitions after warm-up. Other processes on the same
 * cores inflate wall time, not (much) CPU time; with T threads, CPU time per unit / T is the wall time an idle
 * machine with T free cores would reach if the threads never waited. Not a JMH benchmark.
 *
 * <p>Usage: {@code java -cp target/benchmarks.jar org.psephos.benchmarks.simulation.CpuTimeCheck [repeats]}
 */
public final class CpuTimeCheck {
    private CpuTimeCheck() {
    }

    /**
     * @param args optional number of measured repetitions (default 5)
     */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int units = MonteCarloEnginePerformance.UNITS;
        int perRun = 10; // replicates (or floor passes) per measurement: 10 million units, so the coarse process
                         // CPU clock (often 10 ms) costs at most 1%
        SimulationModel model = BenchmarkModel.of(units);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        RngFloorPerformance floor = new RngFloorPerformance();
        for (String what : new String[] {"java 1 thread", "java 2 threads", "RNG floor", "variates floor"}) {
            double bestCpu = Double.MAX_VALUE;
            double bestWall = Double.MAX_VALUE;
            double sink = 0;
            for (int r = 0; r < repeats + 3; r++) {
                long cpu0 = os.getProcessCpuTime();
                long wall0 = System.nanoTime();
                if (what.startsWith("RNG")) {
                    for (int k = 0; k < perRun; k++) {
                        sink += floor.floor();
                    }
                } else if (what.startsWith("variates")) {
                    for (int k = 0; k < perRun; k++) {
                        sink += floor.variates();
                    }
                } else {
                    int threads = what.contains("2") ? 2 : 1;
                    sink += MonteCarloEngine.run(model, r, threads, perRun, Progress.NONE).summary().turnout().mean();
                }
                long wall = System.nanoTime() - wall0;
                long cpu = os.getProcessCpuTime() - cpu0;
                if (r >= 3) {
                    bestCpu = Math.min(bestCpu, (double) cpu / ((long) units * perRun));
                    bestWall = Math.min(bestWall, (double) wall / ((long) units * perRun));
                }
            }
            System.out.printf(Locale.ROOT, "%s cpu_ns_per_unit=%.1f wall_ns_per_unit=%.1f (%s)%n",
                    what.replace(' ', '_'), bestCpu, bestWall, sink > 0 ? "ok" : "?");
        }
    }
}
