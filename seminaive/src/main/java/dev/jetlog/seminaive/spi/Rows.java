// A bag or set of rows of one arity living in a backend's memory (JVM arrays, device buffers).
// Handles are opaque to the engine: it only asks their shape and hands them back to the backend.
package dev.jetlog.seminaive.spi;

public interface Rows {
    int arity();

    /** Number of rows. */
    long size();

    default boolean isEmpty() {
        return size() == 0;
    }
}
