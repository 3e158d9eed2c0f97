package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.psephos.simulation.Progress;

class ProgressBarTest {
    @Test
    void showsPercentCountAndEtaThrottledAndCleansItsLine() {
        StringWriter out = new StringWriter();
        AtomicLong now = new AtomicLong(0);
        ProgressBar bar = new ProgressBar(new PrintWriter(out), "simulating", now::get);
        now.set(2_000_000_000L);
        bar.update(250, 1000);
        String first = out.toString();
        assertTrue(first.startsWith("\rsimulating [######------------------]  25%  250/1,000  ETA 0:06"), first);
        now.addAndGet(ProgressBar.REDRAW_NANOS / 2);
        bar.update(300, 1000);
        assertEquals(first, out.toString(), "no redraw within a tenth of a second");
        now.addAndGet(ProgressBar.REDRAW_NANOS);
        bar.update(500, 1000);
        assertTrue(out.toString().endsWith("50%  500/1,000  ETA 0:02"), out.toString());
        bar.update(1000, 1000);
        String all = out.toString();
        String wipe = all.substring(all.lastIndexOf("ETA 0:02") + "ETA 0:02".length());
        assertTrue(wipe.matches("\r +\r"), "the line is wiped at the end: '" + wipe + "'");
        bar.close();
        assertEquals(all, out.toString(), "closing twice draws nothing");
    }

    @Test
    void quietOrNotATerminalDrawsNothing() {
        PrintWriter err = new PrintWriter(new StringWriter());
        assertEquals(Progress.NONE, ProgressBar.of(err, "x", true));
        if (System.console() == null) {
            assertEquals(Progress.NONE, ProgressBar.of(err, "x", false));
        }
        assertFalse(ProgressBar.of(err, "x", true) instanceof ProgressBar);
    }

    @Test
    void quietRunHandsTheBarToTheWorkAndPassesItsResultAndFailureThrough() {
        QuietOption q = new QuietOption();
        q.quiet = true;
        PrintWriter err = new PrintWriter(new StringWriter());
        assertEquals("done", q.run(err, "x", p -> {
            assertSame(Progress.NONE, p, "--quiet gives the work no bar");
            return "done";
        }));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> q.run(err, "x", p -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals("boom", e.getMessage());
    }
}
