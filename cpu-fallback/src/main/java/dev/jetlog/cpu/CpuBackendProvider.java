// Registers the CPU backend with the engine (java.util.ServiceLoader); it runs everywhere.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.BackendOptions;
import dev.jetlog.seminaive.spi.BackendProvider;

public final class CpuBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    public Backend create(BackendOptions options) {
        return new CpuBackend(options.threads(), options.memoryBudget(), options.symbols());
    }
}
