// Thrown at a cancellation point of the evaluation (each stratum, iteration and rule) once the
// evaluator's cancellation condition holds, saying where the evaluation stood.
package dev.jetlog.seminaive.eval;

public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CancelledException(String where) {
        super("cancelled " + where);
    }
}
