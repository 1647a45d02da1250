// The engine-agnostic subsumption suite on the OpenCL backend.
package dev.jetlog.gpu.opencl;

import dev.jetlog.seminaive.testkit.SubsumptionSuite;

class OpenClSubsumptionTest extends SubsumptionSuite {
    @Override
    protected String backend() {
        return "opencl";
    }
}
