// The engine-agnostic record and ADT suite on the Cuda backend.
package dev.jetlog.gpu.cuda;

import dev.jetlog.seminaive.testkit.RecordSuite;

class CudaRecordTest extends RecordSuite {
    @Override
    protected String backend() {
        return "cuda";
    }
}
