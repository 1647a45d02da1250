// The engine-agnostic subsumption suite on the Cpu backend.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.testkit.SubsumptionSuite;

class CpuSubsumptionTest extends SubsumptionSuite {
    @Override
    protected String backend() {
        return "cpu";
    }
}
