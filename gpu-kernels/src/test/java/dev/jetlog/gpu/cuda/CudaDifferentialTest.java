// The engine-agnostic differential test against the naive reference evaluator on the CUDA backend; skipped, with the reason, where no CUDA device answers.
package dev.jetlog.gpu.cuda;

import dev.jetlog.seminaive.testkit.DifferentialSuite;

class CudaDifferentialTest extends DifferentialSuite {
    @Override
    protected String backend() {
        return "cuda";
    }
}
