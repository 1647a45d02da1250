// The engine-agnostic operator and functor suite on the CUDA backend; skipped, with the reason, where no CUDA device answers.
package dev.jetlog.gpu.cuda;

import dev.jetlog.seminaive.testkit.FunctorSuite;

class CudaFunctorTest extends FunctorSuite {
    @Override
    protected String backend() {
        return "cuda";
    }
}
