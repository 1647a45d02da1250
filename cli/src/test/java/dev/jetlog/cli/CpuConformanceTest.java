// The conformance cases through the CLI on the CPU backend.
package dev.jetlog.cli;

class CpuConformanceTest extends ConformanceTest {
    @Override
    protected String backend() {
        return "cpu";
    }
}
