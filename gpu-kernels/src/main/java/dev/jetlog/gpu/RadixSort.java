// Stable LSD radix sort of row ids on the device (radix.cu): ids ordered by the columns of a row set in
// a given column order, 4 bits per pass, least significant column first. Each column is sorted by
// (value - column minimum) in just as many bits as its range needs, so a column of small ids costs a few
// passes and a constant column none.
package dev.jetlog.gpu;

final class RadixSort {
    static final int DIGIT_BITS = 4;
    static final int DIGITS = 1 << DIGIT_BITS;
    static final long TILE = 8L * Device.BLOCK;

    private RadixSort() {
    }

    /** The ids of the n rows (of the given arity) sorted by the columns of order (first most significant). */
    static DeviceBuffer sortedIds(DeviceMemory memory, DeviceBuffer rows, long n, int arity, int[] order) {
        Device device = memory.device();
        DeviceBuffer ids = memory.allocate(n * Integer.BYTES, "sort order");
        DeviceBuffer other = null;
        DeviceBuffer hist = null;
        DeviceBuffer offsets = null;
        try {
            device.launch("iota_u32", Grid.strided(device, n), ids, n);
            if (n <= 1) {
                return ids;
            }
            long tiles = Grid.tiles(n, TILE);
            other = memory.allocate(n * Integer.BYTES, "sort order");
            hist = memory.allocate(DIGITS * tiles * Integer.BYTES, "radix histogram");
            offsets = memory.allocate(DIGITS * tiles * Long.BYTES, "radix offsets");
            for (int i = order.length - 1; i >= 0; i--) {
                int column = order[i];
                int[] range = columnRange(memory, rows, n, arity, column);
                int bits = 64 - Long.numberOfLeadingZeros((long) range[1] - range[0]);
                for (int shift = 0; shift < bits; shift += DIGIT_BITS) {
                    device.launch("radix_histogram", tiles, rows, arity, column, range[0], shift, ids, n, hist);
                    Scan.exclusive(memory, hist, DIGITS * tiles, offsets);
                    device.launch("radix_scatter", tiles, rows, arity, column, range[0], shift, ids, n, offsets, other);
                    DeviceBuffer swap = ids;
                    ids = other;
                    other = swap;
                }
            }
            return ids;
        } catch (RuntimeException | Error e) {
            memory.free(ids);
            throw e;
        } finally {
            memory.free(other);
            memory.free(hist);
            memory.free(offsets);
        }
    }

    /** {min, max} of one column over n rows. */
    static int[] columnRange(DeviceMemory memory, DeviceBuffer rows, long n, int arity, int column) {
        Device device = memory.device();
        long groups = Grid.strided(device, n);
        DeviceBuffer out = memory.allocate(2 * groups * Integer.BYTES, "column range");
        try {
            device.launch("column_range", groups, rows, arity, column, n, out);
            int[] values = new int[(int) (2 * groups)];
            device.read(out, 0, values, 0, values.length);
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int g = 0; g < groups; g++) {
                min = Math.min(min, values[2 * g]);
                max = Math.max(max, values[2 * g + 1]);
            }
            return new int[] {min, max};
        } finally {
            memory.free(out);
        }
    }
}
