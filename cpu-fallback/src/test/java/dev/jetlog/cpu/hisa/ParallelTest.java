// Parallel's chunk loop: every chunk runs once with its bounds, from the caller and nested inside chunks,
// and a failing chunk reaches the caller without breaking the pool for the next loop.
package dev.jetlog.cpu.hisa;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.atomic.AtomicIntegerArray;
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
}
