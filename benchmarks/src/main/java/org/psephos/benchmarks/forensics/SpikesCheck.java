package org.psephos.benchmarks.forensics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.psephos.forensics.spikes.MixtureFit;
import org.psephos.forensics.spikes.RozenasSpikes;
import org.psephos.forensics.spikes.SpikesEstimate;

/**
 * Times Rozenas's spikes method on a file in the R package's form (a CSV with a header and columns N, t, v) the
 * way {@code spikes(data)} runs: both mixture fits, then 1,000 resamples (no interval). Prints, per repetition, the
 * wall seconds of the fits and of the resampling, the process CPU seconds, F and the load average, so that runs on
 * a shared machine can be judged. Not a JMH benchmark: one run of Russia 2011 takes seconds, and the first run
 * includes the JIT's warm-up (reported, not hidden).
 *
 * <p>Usage: {@code java -cp target/benchmarks.jar org.psephos.benchmarks.forensics.SpikesCheck FILE.csv [threads]
 * [repeats] [seed]}; {@code benchmarks/peer/spikes_compare.sh} runs it next to the R package.
 */
public final class SpikesCheck {
    private SpikesCheck() {
    }

    /**
     * @param args the N,t,v file, threads (default 2), repetitions (default 3), seed (default 1)
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        List<String> header = List.of(lines.get(0).replace("\"", "").split(","));
        int cn = header.indexOf("N");
        int ct = header.indexOf("t");
        int cv = header.indexOf("v");
        int units = lines.size() - 1;
        int[] n = new int[units];
        int[] t = new int[units];
        int[] v = new int[units];
        for (int i = 0; i < units; i++) {
            String[] f = lines.get(i + 1).split(",");
            n[i] = Integer.parseInt(f[cn].trim());
            t[i] = Integer.parseInt(f[ct].trim());
            v[i] = Integer.parseInt(f[cv].trim());
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        RozenasSpikes m = RozenasSpikes.withDefaults().withBoots(0);
        System.out.printf(Locale.ROOT, "%s: %,d units, %d threads, %d resamples, %d starts%n", args[0], units,
                threads, m.resamples(), m.starts());
        System.out.printf(Locale.ROOT, "%-4s %9s %9s %12s %9s %9s %9s %4s %4s %12s %s%n", "run", "fit t s",
                "fit v s", "resample s", "total s", "CPU s", "F %", "Lt", "Lv", "load before",
                "log-likelihood spread over starts (t, v)");
        for (int r = 0; r < repeats; r++) {
            double load = os.getSystemLoadAverage();
            long cpu0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            MixtureFit ft = m.fit(t, n, seed, threads);
            long w1 = System.nanoTime();
            MixtureFit fv = m.fit(v, t, seed + 1, threads);
            long w2 = System.nanoTime();
            SpikesEstimate e = m.estimate(n, t, v, ft.mixture(), fv.mixture(), seed + 2, threads);
            long w3 = System.nanoTime();
            long cpu1 = os.getProcessCpuTime();
            System.out.printf(Locale.ROOT, "%-4d %9.2f %9.2f %12.2f %9.2f %9.2f %9.4f %4d %4d %12.2f %.3g, %.3g%n",
                    r + 1, (w1 - w0) / 1e9, (w2 - w1) / 1e9, (w3 - w2) / 1e9, (w3 - w0) / 1e9, (cpu1 - cpu0) / 1e9,
                    e.fraudPercent(), ft.components(), fv.components(), load, ft.chosen().logLikelihoodSpread(),
                    fv.chosen().logLikelihoodSpread());
        }
    }
}
