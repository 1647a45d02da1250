// How a session evaluates: which backend ("auto", "cpu", ...), how many threads, and the driver's
// memory knobs.
package dev.jetlog.seminaive.api;

import dev.jetlog.seminaive.eval.EvaluationOptions;

public record EngineOptions(String backend, int threads, EvaluationOptions evaluation) {
    public EngineOptions {
        if (backend == null || backend.isBlank()) {
            throw new IllegalArgumentException("backend name must not be empty");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
    }

    /** The best available backend with one thread per processor. */
    public static EngineOptions defaults() {
        return new EngineOptions(BackendRegistry.AUTO, Runtime.getRuntime().availableProcessors(),
                EvaluationOptions.DEFAULT);
    }

    public EngineOptions withBackend(String name) {
        return new EngineOptions(name, threads, evaluation);
    }

    public EngineOptions withThreads(int count) {
        return new EngineOptions(backend, count, evaluation);
    }

    public EngineOptions withEvaluation(EvaluationOptions options) {
        return new EngineOptions(backend, threads, options);
    }
}
