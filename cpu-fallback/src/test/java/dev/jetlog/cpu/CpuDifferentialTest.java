// The differential suite (random programs against the naive reference evaluator) on the CPU backend.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.testkit.DifferentialSuite;

class CpuDifferentialTest extends DifferentialSuite {
    @Override
    protected String backend() {
        return "cpu";
    }
}
