// The engine-agnostic semantics suite on the CPU backend.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.testkit.EngineSemanticsSuite;

class CpuEngineSemanticsTest extends EngineSemanticsSuite {
    @Override
    protected String backend() {
        return "cpu";
    }
}
