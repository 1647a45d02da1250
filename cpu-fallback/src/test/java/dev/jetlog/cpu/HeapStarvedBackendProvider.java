// Registers HeapStarvedBackend by name (never under "auto"), while a test sets the system property
// jetlog.test.heapStarved to "REFUSALS:ROWS"; everywhere else it says it cannot run.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.BackendOptions;
import dev.jetlog.seminaive.spi.BackendProvider;

public final class HeapStarvedBackendProvider implements BackendProvider {
    public static final String PROPERTY = "jetlog.test.heapStarved";
    /** The backend the last create made, for tests to ask how many merges it refused. */
    static volatile HeapStarvedBackend last;

    @Override
    public String name() {
        return HeapStarvedBackend.NAME;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public String unavailableReason() {
        return System.getProperty(PROPERTY) == null ? "a test double, enabled by -D" + PROPERTY : null;
    }

    @Override
    public String autoUnavailableReason() {
        return "a test double, chosen by name only";
    }

    @Override
    public Backend create(BackendOptions options) {
        String[] setting = System.getProperty(PROPERTY).split(":");
        last = new HeapStarvedBackend(options, Integer.parseInt(setting[0]), Long.parseLong(setting[1]));
        return last;
    }
}
