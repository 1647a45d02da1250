// A buffer in device memory, opaque to everything but the driver that allocated it.
package dev.jetlog.gpu;

public interface DeviceBuffer {
    /** Its size in bytes. */
    long bytes();
}
