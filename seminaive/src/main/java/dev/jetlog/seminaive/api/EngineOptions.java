// How a session evaluates: which backend ("auto", "cpu", "opencl", "cuda"), how many threads, which
// device (for a GPU backend; -1 lets it choose), the memory budget, and the driver's memory knobs.
package dev.jetlog.seminaive.api;

import dev.jetlog.seminaive.eval.EvaluationOptions;
import dev.jetlog.seminaive.spi.BackendOptions;

public record EngineOptions(String backend, int threads, int device, long memoryLimit, EvaluationOptions evaluation) {
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
        if (memoryLimit < 0) {
            throw new IllegalArgumentException("memory limit must not be negative, got " + memoryLimit);
        }
    }

    /** The best available backend with one thread per processor, on the device it chooses. */
    public static EngineOptions defaults() {
        return new EngineOptions(BackendRegistry.AUTO, Runtime.getRuntime().availableProcessors(),
                BackendOptions.ANY_DEVICE, 0, EvaluationOptions.DEFAULT);
    }

    public EngineOptions withBackend(String name) {
        return new EngineOptions(name, threads, device, memoryLimit, evaluation);
    }

    public EngineOptions withThreads(int count) {
        return new EngineOptions(backend, count, device, memoryLimit, evaluation);
    }

    /** The device index among those the backend sees (GPU backends). */
    public EngineOptions withDevice(int index) {
        return new EngineOptions(backend, threads, index, memoryLimit, evaluation);
    }

    /**
     * The bytes that relations, indexes and pending candidates may hold (in the JVM's heap for the CPU
     * backend, on the device for a GPU); 0 for the default: 60% of the maximum heap, or 90% of the
     * device's memory. A run that would exceed it stops with a JetLogException naming the stratum, the
     * largest relations and the sizes reached.
     */
    public EngineOptions withMemoryLimit(long bytes) {
        return new EngineOptions(backend, threads, device, bytes, evaluation);
    }

    public EngineOptions withEvaluation(EvaluationOptions options) {
        return new EngineOptions(backend, threads, device, memoryLimit, options);
    }

    BackendOptions backendOptions() {
        return new BackendOptions(threads, device, memoryLimit);
    }
}
