// Settings a backend is created with: worker threads (CPU work), the device to use (an index among
// the devices the backend sees; -1 lets it choose), and the memory it may hold (bytes; 0 lets it choose
// from what the JVM or the device has), and the symbol functions bound to the session's symbol table.
package dev.jetlog.seminaive.spi;

import java.util.Objects;

public record BackendOptions(int threads, int device, long memoryBudget, HostFunctions symbols) {
    public static final int ANY_DEVICE = -1;

    /** Options without a symbol table (programs without string functors). */
    public BackendOptions(int threads, int device, long memoryBudget) {
        this(threads, device, memoryBudget, HostFunctions.NONE);
    }

    public BackendOptions {
        Objects.requireNonNull(symbols, "symbols");
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        if (device < ANY_DEVICE) {
            throw new IllegalArgumentException("device index must be at least 0, got " + device);
        }
        if (memoryBudget < 0) {
            throw new IllegalArgumentException("memory budget must not be negative, got " + memoryBudget);
        }
    }

    /** The given thread count, any device, the backend's own memory budget. */
    public static BackendOptions threads(int threads) {
        return new BackendOptions(threads, ANY_DEVICE, 0);
    }

    /** The same options with symbol functions bound to a session's symbol table. */
    public BackendOptions withSymbols(HostFunctions functions) {
        return new BackendOptions(threads, device, memoryBudget, functions);
    }
}
