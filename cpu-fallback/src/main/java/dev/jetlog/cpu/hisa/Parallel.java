// A fixed number of threads (the caller and a ForkJoinPool of one fewer workers) and the one pattern the
// operators need from them: run a body over contiguous chunks of a range, in parallel, and wait.
package dev.jetlog.cpu.hisa;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;

public final class Parallel implements AutoCloseable {
    /** Work on one chunk [from, to) of a range; chunk is its number, 0-based, in range order. */
    @FunctionalInterface
    public interface ChunkBody {
        void run(int chunk, int from, int to);
    }

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    /** The caller's thread alone: for work that already runs inside a chunk of a parallel loop. */
    public static final Parallel SEQUENTIAL = new Parallel(1);

    private final int threads;
    private final ForkJoinPool pool;

    private Parallel(int threads) {
        this.threads = threads;
        int number = POOL_NUMBER.incrementAndGet();
        AtomicInteger worker = new AtomicInteger();
        // the caller runs chunks too (forEachChunk), so the pool needs one thread fewer
        this.pool = threads == 1 ? null : new ForkJoinPool(threads - 1, p -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            thread.setName("jetlog-" + number + "-worker-" + worker.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, null, false);
    }

    /** A pool of the given number of threads (at least 1); 1 runs everything on the caller's thread. */
    public static Parallel of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        return new Parallel(threads);
    }

    public int threads() {
        return threads;
    }

    /** How many chunks to cut n items into so that every thread gets a few and each has at least grain items. */
    public int chunksFor(long n, int grain) {
        if (threads == 1 || n <= grain) {
            return 1;
        }
        long chunks = Math.min((long) threads * 4, (n + grain - 1) / grain);
        return (int) Math.max(1, chunks);
    }

    /** Runs body over `chunks` contiguous, nearly equal chunks of [0, n), in parallel, and waits. */
    public void forEachChunk(int n, int chunks, ChunkBody body) {
        if (chunks <= 1 || pool == null) {
            int parts = Math.max(1, chunks);
            for (int c = 0; c < parts; c++) {
                body.run(c, bound(n, parts, c), bound(n, parts, c + 1));
            }
            return;
        }
        List<RecursiveAction> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int chunk = c;
            int from = bound(n, chunks, c);
            int to = bound(n, chunks, c + 1);
            tasks.add(new RecursiveAction() {
                private static final long serialVersionUID = 1L;

                @Override
                protected void compute() {
                    body.run(chunk, from, to);
                }
            });
        }
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
            ForkJoinTask.invokeAll(tasks);
        } else {
            runWithCaller(tasks);
        }
    }

    /**
     * From a thread outside the pool: the workers and the caller take the chunks in turn until none is left, so
     * the caller works instead of sleeping until the pool is done (no park and wake-up of it per loop). Chunks a
     * worker did not start are run here (joining an unstarted task from outside runs it).
     */
    private void runWithCaller(List<RecursiveAction> tasks) {
        AtomicInteger next = new AtomicInteger();
        int helpers = Math.min(threads - 1, tasks.size() - 1);
        List<ForkJoinTask<?>> started = new ArrayList<>(helpers);
        Runnable takeChunks = () -> {
            for (int c = next.getAndIncrement(); c < tasks.size(); c = next.getAndIncrement()) {
                tasks.get(c).invoke();
            }
        };
        for (int h = 0; h < helpers; h++) {
            started.add(pool.submit(takeChunks));
        }
        try {
            takeChunks.run();
        } catch (RuntimeException | Error e) {
            next.set(tasks.size()); // the helpers take no further chunk
            joinQuietly(started);
            throw e;
        }
        for (ForkJoinTask<?> helper : started) {
            helper.join();
        }
    }

    private static void joinQuietly(List<ForkJoinTask<?>> tasks) {
        for (ForkJoinTask<?> task : tasks) {
            task.quietlyJoin();
        }
    }

    /** The start of chunk c of `chunks` equal chunks of [0, n). */
    public static int bound(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
