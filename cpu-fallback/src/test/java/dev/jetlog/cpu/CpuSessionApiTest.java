// The engine-agnostic Java API suite on the CPU backend.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.testkit.SessionApiSuite;

class CpuSessionApiTest extends SessionApiSuite {
    @Override
    protected String backend() {
        return "cpu";
    }
}
