// Every buffer the GPU backend allocates goes through here: it keeps the bytes in use within the budget
// (a share of the device's memory unless the user set one), turns a failed allocation into one message
// with the sizes involved, and knows which buffers are live: freeing one twice is a bug that it reports as
// an exception, rather than handing the driver a released handle (PoCL then crashes the whole JVM).
package dev.jetlog.gpu;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

final class DeviceMemory {
    private static final long MIB = 1 << 20;

    private final Device device;
    private final long budget;
    private long inUse;
    private long peak;
    /** The buffers allocated here and not yet freed. */
    private final Set<DeviceBuffer> live = Collections.newSetFromMap(new IdentityHashMap<>());

    DeviceMemory(Device device, long budget) {
        this.device = device;
        this.budget = budget;
    }

    Device device() {
        return device;
    }

    /** A buffer of at least `bytes` bytes for `purpose` (named in the error when it does not fit). */
    DeviceBuffer allocate(long bytes, String purpose) {
        long size = Math.max(4, bytes);
        if (inUse + size > budget) {
            throw new DeviceMemoryException(String.format(
                    "out of device memory for %s: %.1f MiB needed, %.1f MiB of the %.1f MiB budget in use on %s",
                    purpose, size / (double) MIB, inUse / (double) MIB, budget / (double) MIB, device.name()));
        }
        DeviceBuffer buffer;
        try {
            buffer = device.allocate(size);
        } catch (DeviceMemoryException e) {
            throw new DeviceMemoryException(String.format("out of device memory for %s: %.1f MiB needed, %.1f MiB "
                    + "in use (%s)", purpose, size / (double) MIB, inUse / (double) MIB, e.getMessage()));
        }
        inUse += buffer.bytes();
        peak = Math.max(peak, inUse);
        live.add(buffer);
        return buffer;
    }

    void free(DeviceBuffer buffer) {
        if (buffer != null) {
            if (!live.remove(buffer)) {
                throw new IllegalStateException("a device buffer of " + buffer.bytes() + " bytes was freed twice");
            }
            inUse -= buffer.bytes();
            device.free(buffer);
        }
    }

    long inUse() {
        return inUse;
    }

    long peak() {
        return peak;
    }

    long budget() {
        return budget;
    }
}
