// The small interface the host orchestration needs from a GPU API: memory, copies, kernel launches.
// The JCuda and JOCL drivers implement it; no type of either API appears outside its driver package.
// Launches run in order on one queue; reads wait for the work queued before them.
package dev.jetlog.gpu;

public interface Device extends AutoCloseable {
    /** Work-items per work-group (thread block) of every launch; JL_BLOCK in the kernels. */
    int BLOCK = 256;

    /** The device's name, as its driver reports it. */
    String name();

    /** Global memory in bytes. */
    long totalMemory();

    /** How many work-groups keep the device busy in a grid-stride loop. */
    int preferredGroups();

    /**
     * A buffer of at least the given number of bytes (at least 4).
     * @throws DeviceMemoryException when the device cannot provide it
     */
    DeviceBuffer allocate(long bytes);

    void free(DeviceBuffer buffer);

    /** Copies count ints from src[from...] into the buffer at a byte offset. */
    void write(DeviceBuffer buffer, long byteOffset, int[] src, int from, int count);

    /** Copies count ints from the buffer at a byte offset into dst[from...]. */
    void read(DeviceBuffer buffer, long byteOffset, int[] dst, int from, int count);

    /** Copies count longs from the buffer at a byte offset into dst[from...]. */
    void read(DeviceBuffer buffer, long byteOffset, long[] dst, int from, int count);

    /** Copies bytes between (or within, not overlapping) buffers on the device. */
    void copy(DeviceBuffer src, long srcOffset, DeviceBuffer dst, long dstOffset, long bytes);

    /**
     * Launches a kernel of the JetLog program on groups work-groups of BLOCK work-items. Arguments are
     * DeviceBuffer (a pointer), Integer (a 32-bit value) or Long (a 64-bit value), in kernel order.
     */
    void launch(String kernel, long groups, Object... args);

    /** Waits until everything queued has run. */
    void synchronize();

    @Override
    void close();
}
