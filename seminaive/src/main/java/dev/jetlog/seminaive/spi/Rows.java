// A bag or set of rows of one arity living in a backend's memory (JVM arrays, device buffers).
// Handles are opaque to the engine: it only asks their shape and hands them back to the backend.
package dev.jetlog.seminaive.spi;

public interface Rows {
    int arity();

    /**
     * Number of rows. A device backend may have to wait for queued work to learn it, so the driver asks
     * only where it decides something (an empty input ends a pipeline, a large one is sliced).
     */
    long size();

    default boolean isEmpty() {
        return size() == 0;
    }
}
