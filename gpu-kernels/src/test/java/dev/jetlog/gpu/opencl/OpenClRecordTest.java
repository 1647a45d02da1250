// The engine-agnostic record and ADT suite on the OpenCL backend.
package dev.jetlog.gpu.opencl;

import dev.jetlog.seminaive.testkit.RecordSuite;

class OpenClRecordTest extends RecordSuite {
    @Override
    protected String backend() {
        return "opencl";
    }
}
