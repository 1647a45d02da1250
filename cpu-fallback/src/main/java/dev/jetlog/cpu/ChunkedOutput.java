// Runs an operator over chunks of its input on the worker pool, each chunk appending to its own
// buffer (no locks, no shared writes), then concatenates the buffers in chunk order. Work that can
// count its output first is counted per chunk and then written in place into one array, with no
// buffers and no concatenation.
package dev.jetlog.cpu;

import dev.jetlog.cpu.hisa.Parallel;
import dev.jetlog.hisa.Tuples;

final class ChunkedOutput {
    /** The work of one chunk: input rows [from, to), appending output rows to out. */
    @FunctionalInterface
    interface ChunkWork {
        void run(int from, int to, IntBuffer out);
    }

    /** Work that counts the rows a chunk will output before writing them. */
    interface CountedWork {
        /** How many rows input rows [from, to) will output. */
        long count(int from, int to);

        /** Writes the rows of input rows [from, to), as counted, into out from int position at. */
        void write(int from, int to, int[] out, int at);
    }

    private ChunkedOutput() {
    }

    /**
     * Work (rows read or made) below which an operator runs on the caller's thread: waking the pool costs
     * more than the second thread saves, and on a 2-core machine the JIT compiler and the garbage collector
     * want that core too (the points-to benchmark, 147 iterations over small deltas, ran about 5% faster
     * with its smaller operators kept on one thread). The tests set the system property to 0, so that
     * their small inputs still go through the parallel path.
     */
    static final long MIN_PARALLEL_WORK = Long.getLong("jetlog.cpu.minParallelWork", 1 << 14);

    private static int chunks(Parallel parallel, int inputRows, long workRows) {
        return workRows < MIN_PARALLEL_WORK || inputRows < 512 || parallel.threads() == 1 ? 1
                : Math.min(parallel.threads() * 16, inputRows / 128);
    }

    static Tuples run(Parallel parallel, int inputRows, int outputWidth, ChunkWork work) {
        return run(parallel, inputRows, outputWidth, 1, inputRows, work);
    }

    /**
     * Like {@link #run(Parallel, int, int, ChunkWork)}, for work that is expected to output about one row
     * in every `sparseness` input rows (each chunk's buffer starts that much smaller; it grows as needed)
     * and to read or make about workRows rows in all (a join's matches), which decides whether it runs in
     * parallel at all.
     */
    static Tuples run(Parallel parallel, int inputRows, int outputWidth, int sparseness, long workRows,
                      ChunkWork work) {
        int chunks = chunks(parallel, inputRows, workRows);
        IntBuffer[] buffers = new IntBuffer[chunks];
        parallel.forEachChunk(inputRows, chunks, (chunk, from, to) -> {
            IntBuffer buffer = new IntBuffer((to - from) / sparseness * Math.max(1, outputWidth));
            work.run(from, to, buffer);
            buffers[chunk] = buffer;
        });
        return concat(parallel, buffers, outputWidth);
    }

    /**
     * Like {@link #run(Parallel, int, int, int, long, ChunkWork)} for work that counts its output: each
     * chunk is counted, then written at its place in one array of exactly the output's size. Writing
     * output once, in place, allocates and copies half as much as growing buffers and concatenating
     * them.
     */
    static Tuples runCounted(Parallel parallel, int inputRows, int outputWidth, long workRows, CountedWork work) {
        int chunks = chunks(parallel, inputRows, workRows);
        long[] rowStart = new long[chunks + 1];
        parallel.forEachChunk(inputRows, chunks, (chunk, from, to) -> rowStart[chunk + 1] = work.count(from, to));
        for (int c = 0; c < chunks; c++) {
            rowStart[c + 1] += rowStart[c];
        }
        long totalRows = rowStart[chunks];
        if (totalRows * Math.max(1, outputWidth) > Integer.MAX_VALUE - 16) {
            throw new OutOfMemoryError("intermediate result exceeds 2^31 values");
        }
        int[] data = new int[(int) totalRows * outputWidth];
        parallel.forEachChunk(inputRows, chunks,
                (chunk, from, to) -> work.write(from, to, data, (int) rowStart[chunk] * outputWidth));
        return new Tuples(outputWidth, data, (int) totalRows);
    }

    /** The rows of the buffers, in order, in one array (the single block itself when there is just one). */
    private static Tuples concat(Parallel parallel, IntBuffer[] buffers, int outputWidth) {
        int chunks = buffers.length;
        if (chunks == 1 && buffers[0].single() != null) {
            return new Tuples(outputWidth, buffers[0].single(), buffers[0].rows());
        }
        long totalRows = 0;
        int[] rowStart = new int[chunks + 1];
        for (int c = 0; c < chunks; c++) {
            totalRows += buffers[c].rows();
            if (totalRows * outputWidth > Integer.MAX_VALUE - 16) {
                throw new OutOfMemoryError("intermediate result exceeds 2^31 values");
            }
            rowStart[c + 1] = (int) totalRows;
        }
        int[] data = new int[(int) totalRows * outputWidth];
        parallel.forEachChunk(chunks, chunks, (chunk, from, to) -> {
            for (int c = from; c < to; c++) {
                buffers[c].copyTo(data, rowStart[c] * outputWidth);
            }
        });
        return new Tuples(outputWidth, data, (int) totalRows);
    }
}
