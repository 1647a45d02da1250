// A fixed number of threads (the caller and threads - 1 workers of its own) and the one pattern the
// operators need from them: run a body over contiguous chunks of a range, in parallel, and wait.
package dev.jetlog.cpu.hisa;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * An evaluation runs thousands of short parallel loops (a few per operator, per iteration). Each worker
 * therefore spins for a short while after a loop, watching for the next, before it parks; the caller
 * likewise spins before it parks waiting for the workers' last chunks. A loop that follows another
 * closely costs no futex wake-up (on a virtual machine, a wake-up is an inter-processor interrupt and
 * costs tens of microseconds). One loop runs at a time: a loop started while another runs (from inside a
 * chunk, or from a second thread) runs its chunks on the calling thread alone.
 */
public final class Parallel implements AutoCloseable {
    /** Work on one chunk [from, to) of a range; chunk is its number, 0-based, in range order. */
    @FunctionalInterface
    public interface ChunkBody {
        void run(int chunk, int from, int to);
    }

    /** How long a worker watches for the next loop, and the caller for the last chunks, before parking. */
    private static final long SPIN_NANOS = 50_000;

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    /** The caller's thread alone: for work that already runs inside a chunk of a parallel loop. */
    public static final Parallel SEQUENTIAL = new Parallel(1);

    private final int threads;
    /** This pool's number, in its workers' names. */
    private final int number;
    private final Worker[] workers;
    /** Held by the thread whose loop the workers are on. */
    private final AtomicBoolean looping = new AtomicBoolean();
    /** The loop running now, or null; its number tells a worker whether it has seen it. */
    private volatile Loop current;
    /** The number of the latest loop; read and written only while holding looping. */
    private long loops;
    /** How many workers have been started (the first ones, as loops first needed them); under looping too. */
    private int started;
    private volatile boolean closed;

    private Parallel(int threads) {
        this.threads = threads;
        this.number = POOL_NUMBER.incrementAndGet();
        this.workers = new Worker[threads - 1]; // made and started by the first loop that has chunks for them
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
        int parts = Math.max(1, chunks);
        if (parts == 1 || workers.length == 0 || closed || !looping.compareAndSet(false, true)) {
            for (int c = 0; c < parts; c++) {
                body.run(c, bound(n, parts, c), bound(n, parts, c + 1));
            }
            return;
        }
        try {
            // the caller takes a chunk too: more helpers than chunks - 1 would find nothing left
            int helpers = Math.min(workers.length, parts - 1);
            for (; started < helpers; started++) {
                workers[started] = new Worker("jetlog-" + number + "-worker-" + (started + 1));
                workers[started].thread.start();
            }
            Loop loop = new Loop(++loops, n, parts, body, Thread.currentThread());
            current = loop;
            for (int w = 0; w < helpers; w++) {
                if (workers[w].parked) {
                    LockSupport.unpark(workers[w].thread);
                }
            }
            loop.takeChunks();
            loop.awaitChunks();
            loop.rethrowFailure();
        } finally {
            current = null;
            looping.set(false);
        }
    }

    /** One call of forEachChunk: its chunks go to whichever thread claims them first. */
    private static final class Loop {
        final long number;
        final int n;
        final int chunks;
        final ChunkBody body;
        final Thread caller;
        final AtomicInteger nextChunk = new AtomicInteger();
        final AtomicInteger finishedChunks = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile boolean callerParked;

        Loop(long number, int n, int chunks, ChunkBody body, Thread caller) {
            this.number = number;
            this.n = n;
            this.chunks = chunks;
            this.body = body;
            this.caller = caller;
        }

        /** Claims and runs chunks until none is left; after a failure, claimed chunks are skipped. */
        void takeChunks() {
            for (int c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        body.run(c, bound(n, chunks, c), bound(n, chunks, c + 1));
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    if (finishedChunks.incrementAndGet() == chunks && callerParked) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }

        /** On the caller: waits until every chunk has finished, spinning first, then parked. */
        void awaitChunks() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (finishedChunks.get() < chunks && System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            }
            boolean interrupted = false;
            if (finishedChunks.get() < chunks) {
                callerParked = true;
                while (finishedChunks.get() < chunks) {
                    LockSupport.park(this);
                    // an interrupt is for the evaluation's next check, not for this wait: keep it for later
                    interrupted |= Thread.interrupted();
                }
                callerParked = false;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void rethrowFailure() {
            Throwable t = failure.get();
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** A thread that takes chunks of each new loop, spinning between loops before it parks. */
    private final class Worker implements Runnable {
        final Thread thread;
        volatile boolean parked;

        Worker(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            while (seen >= 0) {
                seen = takeChunksOfNextLoop(seen);
            }
        }

        /**
         * Waits for the loop numbered after seen and takes chunks of it; returns its number, or -1 once the
         * pool is closed. The loop is referenced only in this frame: a parked worker must not keep what
         * the last loop's body holds (its arrays may be large) from the collector.
         */
        private long takeChunksOfNextLoop(long seen) {
            Loop loop = awaitLoopAfter(seen);
            if (loop == null) {
                return -1;
            }
            loop.takeChunks();
            return loop.number;
        }

        /** The first loop numbered after seen, or null once the pool is closed. */
        private Loop awaitLoopAfter(long seen) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (true) {
                Loop loop = loopAfter(seen);
                if (loop != null) {
                    return loop;
                }
                if (closed) {
                    return null;
                }
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (loopAfter(seen) == null && !closed) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
            }
        }

        /** The running loop if it is numbered after seen, else null. */
        private Loop loopAfter(long seen) {
            Loop loop = current;
            return loop != null && loop.number != seen ? loop : null;
        }
    }

    /** The worker threads (not the callers): for tests. */
    List<Thread> workerThreads() {
        return Arrays.stream(workers).filter(Objects::nonNull).map(worker -> worker.thread).toList();
    }

    /** The start of chunk c of `chunks` equal chunks of [0, n). */
    public static int bound(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }

    /**
     * Ends the workers once the loop running now (if any) is done; loops started later run on their caller.
     * Not to be called from inside a chunk.
     */
    @Override
    public void close() {
        // held for good from here: no loop starts workers again (a second close finds closed set)
        while (!looping.compareAndSet(false, true)) {
            if (closed) {
                return;
            }
            Thread.onSpinWait();
        }
        closed = true;
        for (Worker worker : workers) {
            if (worker != null) {
                LockSupport.unpark(worker.thread);
            }
        }
    }
}
