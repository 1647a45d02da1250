// Settings a backend is created with.
package dev.jetlog.seminaive.spi;

public record BackendOptions(int threads) {
    public BackendOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
    }
}
