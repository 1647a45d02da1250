// The engine-agnostic debug_delta and iteration-counter suite on the OpenCL backend (PoCL in CI).
package dev.jetlog.gpu.opencl;

import dev.jetlog.seminaive.testkit.DebugDeltaSuite;

class OpenClDebugDeltaTest extends DebugDeltaSuite {
    @Override
    protected String backend() {
        return "opencl";
    }
}
