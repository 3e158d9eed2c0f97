package org.psephos.cli;

import java.io.PrintWriter;
import org.psephos.simulation.Progress;

/**
 * A one-line progress bar on standard error for long runs: silent for the first two seconds, then redrawn at most
 * five times a second. Used only when a console is attached. Thread-safe.
 */
final class ConsoleProgress implements Progress {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    ConsoleProgress(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    /** @return a bar if a console is attached and not quiet, else {@link Progress#NONE} */
    static Progress forConsole(PrintWriter err, String label, boolean quiet) {
        return quiet || System.console() == null ? Progress.NONE : new ConsoleProgress(err, label);
    }

    @Override
    public synchronized void update(long done, long total) {
        long now = System.nanoTime();
        if (now - start < QUIET_NANOS || (now - lastDraw < REDRAW_NANOS && done < total)) {
            return;
        }
        lastDraw = now;
        drawn = true;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        StringBuilder bar = new StringBuilder("\r").append(label).append(" [");
        for (int i = 0; i < WIDTH; i++) {
            bar.append(i < filled ? '#' : ' ');
        }
        bar.append("] ").append(total == 0 ? 100 : 100 * done / total).append('%');
        err.print(bar);
        err.flush();
    }

    /** Ends the bar's line if one was drawn. */
    synchronized void finish() {
        if (drawn) {
            err.println();
        }
    }

    /**
     * @param p a progress from {@link #forConsole}
     */
    static void finish(Progress p) {
        if (p instanceof ConsoleProgress c) {
            c.finish();
        }
    }
}
