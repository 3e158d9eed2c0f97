package org.psephos.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Runs independent blocks of work on a fixed number of threads and returns their results in block order, so that
 * any reduction over them is the same whatever the thread count. Blocks must take their randomness from
 * {@link RandomStreams} keyed by the block index, never from shared state.
 *
 * @since 0.1
 */
public final class Parallel {
    private Parallel() {
    }

    /** @return the default thread count: the number of available processors */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param blocks   number of blocks
     * @param threads  threads to use, the calling thread among them (1 runs everything in the calling thread)
     * @param task     computes block {@code b}'s result
     * @param progress told after each block, with a count that only grows (two threads finishing together report
     *                 once, in order)
     * @param <R>      result type
     * @return the results, indexed by block
     * @throws IllegalArgumentException if blocks is negative or threads is not positive
     */
    public static <R> List<R> map(int blocks, int threads, IntFunction<R> task, Progress progress) {
        if (blocks < 0) {
            throw new IllegalArgumentException("block count is negative: " + blocks);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("thread count is not positive: " + threads);
        }
        List<R> out = new ArrayList<>(blocks);
        if (threads == 1 || blocks <= 1) {
            for (int b = 0; b < blocks; b++) {
                out.add(task.apply(b));
                progress.update(b + 1L, blocks);
            }
            return out;
        }
        Object[] results = new Object[blocks];
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        long[] reported = new long[1];
        int workers = Math.min(threads, blocks);
        // The calling thread is one of the workers: one thread fewer to start, and its per-thread scratch stays warm
        // from one call to the next.
        ExecutorService pool = Executors.newFixedThreadPool(workers - 1, r -> {
            Thread t = new Thread(r, "psephos-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            Runnable work = () -> {
                try {
                    for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                        results[b] = task.apply(b);
                        long d = done.incrementAndGet();
                        synchronized (reported) {
                            if (d > reported[0]) { // a thread that finished earlier but reports later stays silent
                                reported[0] = d;
                                progress.update(d, blocks);
                            }
                        }
                    }
                } catch (RuntimeException | Error e) {
                    next.set(blocks); // a failure on any thread: the others stop after their current block
                    throw e;
                }
            };
            List<Future<?>> futures = new ArrayList<>(workers - 1);
            for (int w = 1; w < workers; w++) {
                futures.add(pool.submit(work));
            }
            work.run();
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
        for (Object r : results) {
            @SuppressWarnings("unchecked")
            R cast = (R) r;
            out.add(cast);
        }
        return out;
    }
}
