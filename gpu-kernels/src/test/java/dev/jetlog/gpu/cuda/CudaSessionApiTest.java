// The engine-agnostic Java API suite on the CUDA backend; skipped, with the reason, where no CUDA device answers.
package dev.jetlog.gpu.cuda;

import dev.jetlog.seminaive.testkit.SessionApiSuite;

class CudaSessionApiTest extends SessionApiSuite {
    @Override
    protected String backend() {
        return "cuda";
    }
}
