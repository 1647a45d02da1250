// The engine-agnostic program semantics suite on the CUDA backend; skipped, with the reason, where no CUDA device answers.
package dev.jetlog.gpu.cuda;

import dev.jetlog.seminaive.testkit.EngineSemanticsSuite;

class CudaEngineSemanticsTest extends EngineSemanticsSuite {
    @Override
    protected String backend() {
        return "cuda";
    }
}
