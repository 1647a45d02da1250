// How a session evaluates: which backend ("auto", "cpu", "opencl", "cuda"), how many threads, which
// device (for a GPU backend; -1 lets it choose), and the driver's memory knobs.
package dev.jetlog.seminaive.api;

import dev.jetlog.seminaive.eval.EvaluationOptions;
import dev.jetlog.seminaive.spi.BackendOptions;

public record EngineOptions(String backend, int threads, int device, EvaluationOptions evaluation) {
    /** The most worker threads a session may have (a ForkJoinPool's limit). */
    public static final int MAX_THREADS = 32767;

    public EngineOptions {
        if (backend == null || backend.isBlank()) {
            throw new IllegalArgumentException("backend name must not be empty");
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("thread count must be from 1 to " + MAX_THREADS + ", got " + threads);
        }
        if (device < BackendOptions.ANY_DEVICE) {
            throw new IllegalArgumentException("device index must be at least 0, got " + device);
        }
    }

    /** The best available backend with one thread per processor, on the device it chooses. */
    public static EngineOptions defaults() {
        return new EngineOptions(BackendRegistry.AUTO, Runtime.getRuntime().availableProcessors(),
                BackendOptions.ANY_DEVICE, EvaluationOptions.DEFAULT);
    }

    public EngineOptions withBackend(String name) {
        return new EngineOptions(name, threads, device, evaluation);
    }

    public EngineOptions withThreads(int count) {
        return new EngineOptions(backend, count, device, evaluation);
    }

    /** The device index among those the backend sees (GPU backends). */
    public EngineOptions withDevice(int index) {
        return new EngineOptions(backend, threads, index, evaluation);
    }

    public EngineOptions withEvaluation(EvaluationOptions options) {
        return new EngineOptions(backend, threads, device, options);
    }

    BackendOptions backendOptions() {
        return new BackendOptions(threads, device, 0);
    }
}
