// The magic-set suite (outputs as bottom-up, work as the query needs) on the OpenCL backend (PoCL in CI).
package dev.jetlog.gpu.opencl;

import dev.jetlog.seminaive.testkit.MagicSetSuite;

class OpenClMagicSetTest extends MagicSetSuite {
    @Override
    protected String backend() {
        return "opencl";
    }
}
