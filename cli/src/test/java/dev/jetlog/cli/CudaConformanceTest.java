// The conformance cases through the CLI on the CUDA backend; skipped, with the reason, where no CUDA device answers.
package dev.jetlog.cli;

class CudaConformanceTest extends ConformanceTest {
    @Override
    protected String backend() {
        return "cuda";
    }
}
