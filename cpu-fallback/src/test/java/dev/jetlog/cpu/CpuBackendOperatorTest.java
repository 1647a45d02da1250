// The engine-agnostic Backend SPI operator suite on the CPU backend.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.testkit.BackendOperatorSuite;

class CpuBackendOperatorTest extends BackendOperatorSuite {
    @Override
    protected String backend() {
        return "cpu";
    }
}
