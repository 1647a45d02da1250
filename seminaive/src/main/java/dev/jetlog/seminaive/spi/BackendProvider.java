// A backend implementation, found at run time through java.util.ServiceLoader so that the engine
// never names a backend class. `auto` picks the available provider of the highest priority.
package dev.jetlog.seminaive.spi;

public interface BackendProvider {
    /** The name a user chooses it by: "cpu", "cuda", "opencl". */
    String name();

    /** Higher wins under `auto`: GPUs above the CPU. */
    int priority();

    /** Null if the backend can run here, else a one-line reason why not (no device, no driver...). */
    String unavailableReason();

    Backend create(BackendOptions options);
}
