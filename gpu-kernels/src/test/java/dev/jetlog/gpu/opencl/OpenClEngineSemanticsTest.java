// The engine-agnostic program semantics suite on the OpenCL backend (PoCL in CI).
package dev.jetlog.gpu.opencl;

import dev.jetlog.seminaive.testkit.EngineSemanticsSuite;

class OpenClEngineSemanticsTest extends EngineSemanticsSuite {
    @Override
    protected String backend() {
        return "opencl";
    }
}
