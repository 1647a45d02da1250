// The engine-agnostic debug_delta and iteration-counter suite on the CPU backend.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.testkit.DebugDeltaSuite;

class CpuDebugDeltaTest extends DebugDeltaSuite {
    @Override
    protected String backend() {
        return "cpu";
    }
}
