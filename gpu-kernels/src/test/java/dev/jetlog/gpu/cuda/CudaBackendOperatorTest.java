// The engine-agnostic Backend SPI operator suite on the CUDA backend; skipped, with the reason, where no CUDA device answers.
package dev.jetlog.gpu.cuda;

import dev.jetlog.seminaive.testkit.BackendOperatorSuite;

class CudaBackendOperatorTest extends BackendOperatorSuite {
    @Override
    protected String backend() {
        return "cuda";
    }
}
