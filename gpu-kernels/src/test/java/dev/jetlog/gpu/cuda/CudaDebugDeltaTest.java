// The engine-agnostic debug_delta and iteration-counter suite on the CUDA backend; skipped, with the reason, where no CUDA device answers.
package dev.jetlog.gpu.cuda;

import dev.jetlog.seminaive.testkit.DebugDeltaSuite;

class CudaDebugDeltaTest extends DebugDeltaSuite {
    @Override
    protected String backend() {
        return "cuda";
    }
}
