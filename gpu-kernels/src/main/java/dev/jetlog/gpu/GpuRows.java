// Rows of the GPU backend: count rows of one arity, row-major in a device buffer that may have room for
// more (headroom for a growing full version). A share points at another handle's buffer and never frees
// it. A merged full version keeps the buffer of the version it replaced, to merge into next time.
package dev.jetlog.gpu;

import dev.jetlog.seminaive.spi.Rows;

final class GpuRows implements Rows {
    final DeviceBuffer buffer;
    final int arity;
    final long count;
    final boolean shared;
    /** The previous full version's buffer, reused as the next merge target; null if none. */
    DeviceBuffer spare;

    GpuRows(DeviceBuffer buffer, int arity, long count, boolean shared) {
        this.buffer = buffer;
        this.arity = arity;
        this.count = count;
        this.shared = shared;
    }

    @Override
    public int arity() {
        return arity;
    }

    @Override
    public long size() {
        return count;
    }

    long bytes() {
        return count * arity * Integer.BYTES;
    }
}
