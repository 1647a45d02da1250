// The engine-agnostic Backend SPI operator suite on the OpenCL backend (PoCL in CI).
package dev.jetlog.gpu.opencl;

import dev.jetlog.seminaive.testkit.BackendOperatorSuite;

class OpenClBackendOperatorTest extends BackendOperatorSuite {
    @Override
    protected String backend() {
        return "opencl";
    }
}
