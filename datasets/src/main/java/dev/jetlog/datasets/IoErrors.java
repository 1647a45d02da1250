// Turns an I/O failure into the reason a user can act on ("permission denied", "is a directory",
// "dangling symbolic link"), instead of a message that only repeats the path.
package dev.jetlog.datasets;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

public final class IoErrors {
    private IoErrors() {
    }

    /** Why the operation on path failed, in a few words. */
    public static String reason(IOException e, Path path) {
        if (e instanceof InterruptedIOException) {
            return "interrupted";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return path != null && Files.isSymbolicLink(path) ? "dangling symbolic link" : "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "a parent is not a directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        if (path != null && Files.isDirectory(path)) {
            return "is a directory";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank() || (path != null && message.strip().equals(path.toString()))) {
            return e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        }
        return message;
    }

    /**
     * The failure of a task run on a reading or writing thread, as the caller would have thrown it: an
     * IOException is returned for the caller to throw; an unchecked exception or error is thrown as it is.
     */
    static IOException ofTask(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }
}
