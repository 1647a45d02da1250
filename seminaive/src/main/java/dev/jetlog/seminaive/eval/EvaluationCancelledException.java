// Thrown when an evaluation is cancelled between two iterations.
package dev.jetlog.seminaive.eval;

public final class EvaluationCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EvaluationCancelledException() {
        super("evaluation cancelled");
    }
}
