// One error or warning about a program, at its place: what the compiler says, in the API's own terms.
package dev.jetlog.seminaive.api;

/**
 * An error or a warning about a program: the file (as named when compiled), the 1-based line and column
 * (0 when the problem has no place in the text) and the message. {@link #toString()} gives the
 * one-line form {@code file:line:col: error: message}; {@link ProgramException#render()} shows the source
 * lines with carets.
 */
public record Problem(boolean isError, String file, int line, int column, String message) {
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column + ": " : file + ": ";
        return where + (isError ? "error" : "warning") + ": " + message;
    }
}
