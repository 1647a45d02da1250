// How a session evaluates: which backend ("auto", "cpu", "opencl", "cuda"), how many threads, which
// device (for a GPU backend; -1 lets it choose), the memory budget, the driver's memory knobs, and the
// implementations of the program's user-defined functors.
package dev.jetlog.seminaive.api;

import dev.jetlog.seminaive.eval.EvaluationOptions;
import dev.jetlog.seminaive.spi.BackendOptions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a {@link Session} evaluates: the backend ({@code "auto"}, {@code "cpu"}, {@code "opencl"},
 * {@code "cuda"}), the worker threads, the device of a GPU backend, the memory budget, the driver's memory
 * knobs and the implementations of user-defined functors. Immutable: each {@code with...} method returns a
 * copy; start from {@link #defaults()}.
 */
public record EngineOptions(String backend, int threads, int device, long memoryLimit, EvaluationOptions evaluation,
                            Map<String, Functor> functors) {
    /** The most worker threads a session may have. */
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
        functors = Map.copyOf(functors);
    }

    /** The best available backend with one thread per processor, on the device it chooses. */
    public static EngineOptions defaults() {
        return new EngineOptions(BackendRegistry.AUTO, Runtime.getRuntime().availableProcessors(),
                BackendOptions.ANY_DEVICE, 0, EvaluationOptions.DEFAULT, Map.of());
    }

    public EngineOptions withBackend(String name) {
        return new EngineOptions(name, threads, device, memoryLimit, evaluation, functors);
    }

    public EngineOptions withThreads(int count) {
        return new EngineOptions(backend, count, device, memoryLimit, evaluation, functors);
    }

    /** The device index among those the backend sees (GPU backends). */
    public EngineOptions withDevice(int index) {
        return new EngineOptions(backend, threads, index, memoryLimit, evaluation, functors);
    }

    /**
     * The bytes that relations, indexes and pending candidates may hold (in the JVM's heap for the CPU
     * backend, on the device for a GPU); 0 for the default: 60% of the maximum heap, or 90% of the
     * device's memory. A run that would exceed it stops with a JetLogException naming the stratum, the
     * largest relations and the sizes reached.
     */
    public EngineOptions withMemoryLimit(long bytes) {
        return new EngineOptions(backend, threads, device, bytes, evaluation, functors);
    }

    public EngineOptions withEvaluation(EvaluationOptions options) {
        return new EngineOptions(backend, threads, device, memoryLimit, options, functors);
    }

    /**
     * The implementation of the user-defined functor {@code name} (declared {@code .functor name(...): type},
     * called {@code @name(...)}); it replaces an earlier one of that name.
     */
    public EngineOptions withFunctor(String name, Functor implementation) {
        if (name == null || name.isEmpty() || implementation == null) {
            throw new IllegalArgumentException("a functor needs a name and an implementation");
        }
        Map<String, Functor> all = new LinkedHashMap<>(functors);
        all.put(name.startsWith("@") ? name.substring(1) : name, implementation);
        return new EngineOptions(backend, threads, device, memoryLimit, evaluation, all);
    }

    BackendOptions backendOptions() {
        return new BackendOptions(threads, device, memoryLimit);
    }
}
