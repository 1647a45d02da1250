// The engine-agnostic subsumption suite on the Cuda backend.
package dev.jetlog.gpu.cuda;

import dev.jetlog.seminaive.testkit.SubsumptionSuite;

class CudaSubsumptionTest extends SubsumptionSuite {
    @Override
    protected String backend() {
        return "cuda";
    }
}
