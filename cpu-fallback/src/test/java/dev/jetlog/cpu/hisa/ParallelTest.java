// Parallel's chunk loop: every chunk runs once with its bounds, from the caller, nested inside chunks and
// from two threads at once; a failing chunk reaches the caller without breaking the pool for the next
// loop; an interrupt during the wait is kept for the caller; a parked worker keeps nothing of the last
// loop; workers start as loops need them; closing the pool ends its workers.
package dev.jetlog.cpu.hisa;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.ref.WeakReference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelTest {
    @ParameterizedTest
    @CsvSource({"1, 1000, 7", "2, 1000, 1", "2, 1000, 2", "2, 100000, 64", "3, 10, 10", "4, 5, 3"})
    void everyChunkRunsOnceOverItsBounds(int threads, int n, int chunks) {
        try (Parallel parallel = Parallel.of(threads)) {
            for (int round = 0; round < 20; round++) {
                AtomicIntegerArray runs = new AtomicIntegerArray(chunks);
                AtomicIntegerArray covered = new AtomicIntegerArray(n);
                parallel.forEachChunk(n, chunks, (chunk, from, to) -> {
                    runs.incrementAndGet(chunk);
                    assertEquals(Parallel.bound(n, chunks, chunk), from);
                    assertEquals(Parallel.bound(n, chunks, chunk + 1), to);
                    for (int i = from; i < to; i++) {
                        covered.incrementAndGet(i);
                    }
                });
                for (int c = 0; c < chunks; c++) {
                    assertEquals(1, runs.get(c), "chunk " + c);
                }
                for (int i = 0; i < n; i++) {
                    assertEquals(1, covered.get(i), "item " + i);
                }
            }
        }
    }

    @Test
    void loopsNestedInsideChunksComplete() {
        try (Parallel parallel = Parallel.of(2)) {
            AtomicLong sum = new AtomicLong();
            parallel.forEachChunk(8, 8, (outer, from, to) ->
                    parallel.forEachChunk(1000, 4, (inner, innerFrom, innerTo) -> {
                        for (int i = innerFrom; i < innerTo; i++) {
                            sum.addAndGet(i);
                        }
                    }));
            assertEquals(8L * 999 * 1000 / 2, sum.get());
        }
    }

    @Test
    void aFailingChunkReachesTheCallerAndThePoolStillWorks() {
        try (Parallel parallel = Parallel.of(2)) {
            IllegalStateException failure = new IllegalStateException("chunk 5 fails");
            AtomicIntegerArray runs = new AtomicIntegerArray(16);
            RuntimeException thrown = assertThrows(RuntimeException.class, () ->
                    parallel.forEachChunk(1600, 16, (chunk, from, to) -> {
                        runs.incrementAndGet(chunk);
                        if (chunk == 5) {
                            throw failure;
                        }
                    }));
            // the chunk's own exception, or (rethrown from a worker) one caused by it
            assertTrue(thrown == failure || thrown.getCause() == failure, "thrown: " + thrown);
            for (int c = 0; c < 16; c++) {
                assertTrue(runs.get(c) <= 1, "chunk " + c + " ran twice");
            }
            AtomicLong after = new AtomicLong();
            parallel.forEachChunk(100, 10, (chunk, from, to) -> after.addAndGet(to - from));
            assertEquals(100, after.get());
        }
    }

    @Test
    void loopsFromTwoThreadsAtOnceBothComplete() throws Exception {
        try (Parallel parallel = Parallel.of(2)) {
            AtomicLong[] sums = {new AtomicLong(), new AtomicLong()};
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch start = new CountDownLatch(1);
            Thread[] callers = new Thread[2];
            for (int t = 0; t < 2; t++) {
                AtomicLong sum = sums[t];
                callers[t] = new Thread(() -> {
                    try {
                        start.await();
                        for (int round = 0; round < 200; round++) {
                            parallel.forEachChunk(1000, 8, (chunk, from, to) -> sum.addAndGet(to - from));
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                });
                callers[t].start();
            }
            start.countDown();
            for (Thread caller : callers) {
                caller.join();
            }
            assertEquals(null, failure.get());
            assertEquals(200L * 1000, sums[0].get());
            assertEquals(200L * 1000, sums[1].get());
        }
    }

    @Test
    void anInterruptDuringTheLoopIsKeptForTheCaller() {
        try (Parallel parallel = Parallel.of(2)) {
            Thread caller = Thread.currentThread();
            CountDownLatch workerStarted = new CountDownLatch(1);
            AtomicLong items = new AtomicLong();
            parallel.forEachChunk(400, 2, (chunk, from, to) -> {
                if (Thread.currentThread() != caller) {
                    workerStarted.countDown();
                    caller.interrupt();
                    sleepQuietly(50); // the caller waits for this chunk with its interrupt flag set
                } else {
                    awaitQuietly(workerStarted);
                }
                items.addAndGet(to - from);
            });
            assertEquals(0, workerStarted.getCount(), "no worker took a chunk");
            assertEquals(400, items.get());
            assertTrue(Thread.interrupted(), "the interrupt was lost");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aParkedWorkerDoesNotKeepTheLastLoopsData() throws Exception {
        try (Parallel parallel = Parallel.of(2)) {
            WeakReference<int[]> data = runOverData(parallel);
            assertEquals(1, parallel.workerThreads().size());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (data.get() != null && System.nanoTime() < deadline) {
                Thread.sleep(20); // the worker spins briefly, then parks
                System.gc();
            }
            assertTrue(data.get() == null, "the last loop's array is still reachable");
        }
    }

    /** Runs one loop whose body holds a large array and that a worker takes a chunk of; a weak reference to it. */
    private static WeakReference<int[]> runOverData(Parallel parallel) {
        int[] large = new int[1 << 20];
        CountDownLatch workerTook = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        parallel.forEachChunk(large.length, 2, (chunk, from, to) -> {
            if (Thread.currentThread() != caller) {
                workerTook.countDown();
            } else {
                awaitQuietly(workerTook);
            }
            for (int i = from; i < to; i++) {
                large[i] = i;
            }
        });
        assertEquals(0, workerTook.getCount(), "no worker took a chunk");
        return new WeakReference<>(large);
    }

    @Test
    void workersStartOnlyAsLoopsNeedThem() {
        try (Parallel parallel = Parallel.of(64)) {
            assertEquals(0, parallel.workerThreads().size());
            parallel.forEachChunk(10, 3, (chunk, from, to) -> { });
            assertEquals(2, parallel.workerThreads().size(), "three chunks need two helpers beside the caller");
            parallel.forEachChunk(10, 1, (chunk, from, to) -> { });
            assertEquals(2, parallel.workerThreads().size());
        }
    }

    @Test
    void closingThePoolEndsItsWorkers() throws Exception {
        Parallel parallel = Parallel.of(3);
        parallel.forEachChunk(100, 10, (chunk, from, to) -> { });
        assertEquals(2, parallel.workerThreads().size());
        parallel.close();
        for (Thread worker : parallel.workerThreads()) {
            worker.join(5_000);
            assertTrue(!worker.isAlive(), worker.getName() + " still runs after close");
        }
        parallel.close(); // a second close returns at once
        AtomicLong after = new AtomicLong();
        parallel.forEachChunk(100, 10, (chunk, from, to) -> after.addAndGet(to - from));
        assertEquals(100, after.get(), "a closed pool still runs loops, on the caller");
    }

    /** Waits without taking the interrupt: the caller's chunk must not consume it. */
    private static void awaitQuietly(CountDownLatch latch) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (latch.getCount() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
