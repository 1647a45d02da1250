// The conformance cases through the CLI on the OpenCL backend (PoCL in CI).
package dev.jetlog.cli;

class OpenClConformanceTest extends ConformanceTest {
    @Override
    protected String backend() {
        return "opencl";
    }
}
