// The engine-agnostic record and ADT suite on the Cpu backend.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.testkit.RecordSuite;

class CpuRecordTest extends RecordSuite {
    @Override
    protected String backend() {
        return "cpu";
    }
}
