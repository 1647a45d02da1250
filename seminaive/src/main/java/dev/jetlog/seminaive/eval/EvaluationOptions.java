// Tuning knobs of the driver: how much output one slice of a step's input may come to (or the backend's
// own size, Backend.sliceRows), how many candidate rows a relation may accumulate before they are
// deduplicated, how many rows must take the sort path before a relation gets a dense set between
// iterations, and whether the time of each backend call is measured (the per-operation split of the
// statistics, asked for by --stats).
package dev.jetlog.seminaive.eval;

public record EvaluationOptions(long chunkRows, long candidateBudgetRows, long lazyDenseSetRows,
                                boolean timeOperations) {
    /** chunkRows meaning "the backend's Backend.sliceRows()". */
    public static final long BACKEND_SLICE = 0;

    /**
     * Pieces of the backend's size: 256 K rows on the CPU, where intermediates of narrow rows stay
     * ordinary young-generation allocations that the JVM reclaims cheaply (4 M-row pieces made SG on
     * ego-Facebook peak at 1.9 GB RSS instead of 1.2 GB, at the same speed), and 17 M rows on an H200,
     * where each piece costs kernel launches and reads of sizes (256 K-row pieces made SG on
     * ego-Facebook launch 48,726 join kernels on an H200). A dense set is made between iterations after
     * 32 K rows took the sort path.
     * Backend calls are not timed one by one: two clock reads per call were 13% of a run of two million
     * one-row iterations.
     */
    public static final EvaluationOptions DEFAULT = new EvaluationOptions(BACKEND_SLICE, 1L << 24, 1L << 15, false);

    public EvaluationOptions {
        if (chunkRows < 0 || candidateBudgetRows < 1 || lazyDenseSetRows < 1) {
            throw new IllegalArgumentException(
                    "chunk (0 for the backend's), budget and dense set threshold must be positive");
        }
    }

    /** These sizes and threshold, without timing each backend call. */
    public EvaluationOptions(long chunkRows, long candidateBudgetRows, long lazyDenseSetRows) {
        this(chunkRows, candidateBudgetRows, lazyDenseSetRows, false);
    }

    /** These chunk and budget sizes, with the default dense set threshold. */
    public EvaluationOptions(long chunkRows, long candidateBudgetRows) {
        this(chunkRows, candidateBudgetRows, DEFAULT.lazyDenseSetRows());
    }

    /**
     * These options, measuring (or not) the time of each backend call, so that the statistics split each
     * stratum's time into join, deduplication, merge, index and transfer.
     */
    public EvaluationOptions withOperationTimes(boolean measured) {
        return new EvaluationOptions(chunkRows, candidateBudgetRows, lazyDenseSetRows, measured);
    }
}
