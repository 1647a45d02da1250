// A problem with the command line itself (a bad flag value); exits with status 2.
package dev.jetlog.cli;

final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message);
    }
}
