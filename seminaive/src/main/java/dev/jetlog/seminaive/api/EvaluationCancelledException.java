// Session.run() was cancelled (the calling thread was interrupted, or a time limit ran out): the message
// says where the evaluation stood. The session keeps its facts and no results; run() may be called again.
package dev.jetlog.seminaive.api;

/**
 * Thrown by {@link Session#run()} when the run was cancelled ({@link Session#cancel()}, a time limit, or an
 * interrupt of the calling thread). The message says where the evaluation stood; the session keeps its facts,
 * holds no results, and may run again.
 */
public final class EvaluationCancelledException extends JetLogException {
    private static final long serialVersionUID = 1L;

    public EvaluationCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
