// The engine-agnostic Backend SPI operator suite on the CPU backend.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.testkit.BackendOperatorSuite;

class CpuBackendOperatorTest extends BackendOperatorSuite {
    @Override
    protected Backend createBackend(int threads) {
        return new CpuBackend(threads);
    }
}
