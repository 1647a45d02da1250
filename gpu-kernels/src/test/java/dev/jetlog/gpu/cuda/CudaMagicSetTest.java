// The magic-set suite on the CUDA backend; skipped, with the reason, where no CUDA device answers.
package dev.jetlog.gpu.cuda;

import dev.jetlog.seminaive.testkit.MagicSetSuite;

class CudaMagicSetTest extends MagicSetSuite {
    @Override
    protected String backend() {
        return "cuda";
    }
}
