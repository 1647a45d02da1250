// The engine-agnostic Java API suite on the OpenCL backend (PoCL in CI).
package dev.jetlog.gpu.opencl;

import dev.jetlog.seminaive.testkit.SessionApiSuite;

class OpenClSessionApiTest extends SessionApiSuite {
    @Override
    protected String backend() {
        return "opencl";
    }
}
