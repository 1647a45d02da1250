// Tuning knobs of the driver: how much input the last step of a pipeline takes at once, and how
// many candidate rows a relation may accumulate before they are deduplicated.
package dev.jetlog.seminaive.eval;

public record EvaluationOptions(long chunkRows, long candidateBudgetRows) {
    public static final EvaluationOptions DEFAULT = new EvaluationOptions(1L << 22, 1L << 24);

    public EvaluationOptions {
        if (chunkRows < 1 || candidateBudgetRows < 1) {
            throw new IllegalArgumentException("chunk and budget must be positive");
        }
    }
}
