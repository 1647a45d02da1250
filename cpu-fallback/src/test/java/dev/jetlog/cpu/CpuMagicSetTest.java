// The magic-set suite (outputs as bottom-up, work as the query needs) on the CPU backend.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.testkit.MagicSetSuite;

class CpuMagicSetTest extends MagicSetSuite {
    @Override
    protected String backend() {
        return "cpu";
    }
}
