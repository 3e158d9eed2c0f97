package org.psephos.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.psephos.simulation.Progress;

/**
 * The one progress bar of the command line (Monte Carlo replicates, the battery's bootstrap, fits): a single line on
 * standard error, {@code label [#####-----]  42%  420/1,000  ETA 0:12}, redrawn at most ten times a second, and
 * wiped when the work is done or the bar is closed so that the terminal is left clean. {@link #of} returns
 * {@link Progress#NONE} unless standard error is a terminal ({@code System.console() != null}) and {@code --quiet}
 * was not given, so pipes, files and scripts never see it. Thread-safe: blocks finish on several threads.
 */
final class ProgressBar implements Progress, AutoCloseable {
    /** At most ten redraws a second. */
    static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final String label;
    private final LongSupplier clock;
    private final long start;
    private long lastDraw;
    private int drawnLength;

    /**
     * @param err   where to draw
     * @param label what is being done ("simulating")
     * @param clock nanosecond clock (tests pass a fake one)
     */
    ProgressBar(PrintWriter err, String label, LongSupplier clock) {
        this.err = err;
        this.label = label;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastDraw = start - REDRAW_NANOS;
    }

    /**
     * @param err   standard error
     * @param label what is being done
     * @param quiet whether {@code --quiet} was given
     * @return a bar when standard error is a terminal and not quiet, else {@link Progress#NONE}
     */
    static Progress of(PrintWriter err, String label, boolean quiet) {
        return quiet || System.console() == null ? Progress.NONE : new ProgressBar(err, label, System::nanoTime);
    }

    /** @param p a progress from {@link #of}; wipes the bar's line if it is a bar */
    static void close(Progress p) {
        if (p instanceof ProgressBar b) {
            b.close();
        }
    }

    @Override
    public synchronized void update(long done, long total) {
        long now = clock.getAsLong();
        if (done >= total) {
            close();
            return;
        }
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        String line = line(done, total, now - start);
        StringBuilder b = new StringBuilder("\r").append(line);
        if (line.length() < drawnLength) {
            b.append(" ".repeat(drawnLength - line.length()));
        }
        drawnLength = line.length();
        err.print(b);
        err.flush();
    }

    /** @return the bar's text for the given state */
    String line(long done, long total, long elapsedNanos) {
        double f = total <= 0 ? 1 : Math.min(1, Math.max(0, (double) done / total));
        int filled = (int) Math.round(f * WIDTH);
        String eta = done <= 0 ? "--:--" : clockTime((long) (elapsedNanos / 1e9 * (total - done) / done));
        return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %,d/%,d  ETA %s", label, "#".repeat(filled),
                "-".repeat(WIDTH - filled), (int) Math.floor(100 * f), done, total, eta);
    }

    private static String clockTime(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    /** Wipes the bar's line (if anything was drawn) so the next output starts on a clean line. */
    @Override
    public synchronized void close() {
        if (drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
            drawnLength = 0;
        }
    }
}
