// A facts file, output file, directory or database the user can fix: the message names the place (file,
// line, column, relation). The API turns it into a JetLogException; the I/O package does not depend on the API.
package dev.jetlog.seminaive.io;

public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
