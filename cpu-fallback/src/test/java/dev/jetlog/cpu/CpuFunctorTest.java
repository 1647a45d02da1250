// The engine-agnostic operator and functor suite on the CPU backend.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.testkit.FunctorSuite;

class CpuFunctorTest extends FunctorSuite {
    @Override
    protected String backend() {
        return "cpu";
    }
}
