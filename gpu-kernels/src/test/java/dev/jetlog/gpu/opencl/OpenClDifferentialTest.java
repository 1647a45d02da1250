// The engine-agnostic differential test against the naive reference evaluator on the OpenCL backend (PoCL in CI).
package dev.jetlog.gpu.opencl;

import dev.jetlog.seminaive.testkit.DifferentialSuite;

class OpenClDifferentialTest extends DifferentialSuite {
    @Override
    protected String backend() {
        return "opencl";
    }
}
