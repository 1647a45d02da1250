// The engine-agnostic operator and functor suite on the OpenCL backend (PoCL in CI).
package dev.jetlog.gpu.opencl;

import dev.jetlog.seminaive.testkit.FunctorSuite;

class OpenClFunctorTest extends FunctorSuite {
    @Override
    protected String backend() {
        return "opencl";
    }
}
