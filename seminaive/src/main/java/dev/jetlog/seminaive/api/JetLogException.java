// A failure the user can act on (a missing or malformed input file, an unwritable output, a backend
// that cannot run here), with a one-line message that names the place.
package dev.jetlog.seminaive.api;

/**
 * A failure the user can act on: a missing or malformed input file, an unwritable output, a backend that
 * cannot run here, a memory budget exceeded, a functor that failed. Its message is one line naming the place
 * (file and line, relation, rule).
 */
public class JetLogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JetLogException(String message) {
        super(message);
    }

    public JetLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
