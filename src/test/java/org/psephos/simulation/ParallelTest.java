package org.psephos.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Parallel#map}: results in index order, and a failure on any thread stops the others. */
class ParallelTest {
    @Test
    void resultsAreInIndexOrderForAnyThreadCount() {
        for (int threads = 1; threads <= 3; threads++) {
            List<Integer> r = Parallel.map(100, threads, b -> b * b, Progress.NONE);
            for (int b = 0; b < 100; b++) {
                assertEquals(b * b, r.get(b));
            }
        }
    }

    /**
     * A pool worker (not the calling thread) fails on the first block it takes: the calling thread must stop too
     * instead of computing the remaining 1,000 blocks (each sleeps 1 ms) before the error is reported.
     */
    @Test
    void aFailingWorkerStopsTheCallingThread() {
        AtomicInteger ran = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.map(1_000, 2, b -> {
            if (Thread.currentThread().getName().equals("psephos-worker")) {
                throw new IllegalStateException("worker failed at block " + b);
            }
            ran.incrementAndGet();
            try {
                Thread.sleep(1);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            return b;
        }, Progress.NONE));
        assertTrue(e.getMessage().startsWith("worker failed"), e.getMessage());
        assertTrue(ran.get() < 100, "the calling thread ran " + ran.get() + " blocks after the worker failed");
    }
}
