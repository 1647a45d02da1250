// Registers FaultyDeviceBackend, above the CPU backend under "auto", but only while a test sets the system
// property jetlog.test.faultyDevice (the join that fails); everywhere else it says it cannot run.
// jetlog.test.faultyDevice.sliceRows, if set, is the slice size it asks the driver for.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.BackendOptions;
import dev.jetlog.seminaive.spi.BackendProvider;

public final class FaultyDeviceBackendProvider implements BackendProvider {
    /** Set to the number of the join that fails to enable the backend (the CLI's tests use it too). */
    public static final String PROPERTY = "jetlog.test.faultyDevice";
    /** Set to the slice size (Backend.sliceRows) the backend asks for; unset for the SPI's default. */
    public static final String SLICE_PROPERTY = "jetlog.test.faultyDevice.sliceRows";

    @Override
    public String name() {
        return FaultyDeviceBackend.NAME;
    }

    @Override
    public int priority() {
        return 1_000;
    }

    @Override
    public String unavailableReason() {
        return System.getProperty(PROPERTY) == null ? "a test double, enabled by -D" + PROPERTY : null;
    }

    @Override
    public Backend create(BackendOptions options) {
        return new FaultyDeviceBackend(options, Integer.parseInt(System.getProperty(PROPERTY)),
                Long.getLong(SLICE_PROPERTY, 0));
    }
}
