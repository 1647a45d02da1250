// A backend implementation, found at run time through java.util.ServiceLoader so that the engine
// never names a backend class. `auto` picks the provider of the highest priority that is available
// for automatic choice.
package dev.jetlog.seminaive.spi;

public interface BackendProvider {
    /** The name a user chooses it by: "cpu", "cuda", "opencl". */
    String name();

    /** Higher wins under `auto`: GPUs above the CPU. */
    int priority();

    /** Null if the backend can run here, else a one-line reason why not (no device, no driver...). */
    String unavailableReason();

    /**
     * Null if `auto` may pick this backend here, else why not. By default the same as
     * {@link #unavailableReason()}; a backend that can run but would not be the better choice (an
     * OpenCL device that is a CPU) says so here.
     */
    default String autoUnavailableReason() {
        return unavailableReason();
    }

    /** One line naming the device the backend would run on here (for messages); its name by default. */
    default String deviceDescription() {
        return name();
    }

    Backend create(BackendOptions options);
}
