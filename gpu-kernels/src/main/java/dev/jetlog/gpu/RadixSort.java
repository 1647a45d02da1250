// Stable LSD radix sort on the device (radix.cu), 4 bits per pass: of row ids, ordered by the columns of a
// row set in a given column order, least significant column first, each column by (value - column
// minimum) in just as many bits as its range needs, so a column of small ids costs a few passes and a
// constant column none; or of packed 64-bit row keys (KeyLayout), in as many bits as the keys use.
package dev.jetlog.gpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

final class RadixSort {
    static final int DIGIT_BITS = 4;
    static final int DIGITS = 1 << DIGIT_BITS;
    static final long TILE = 8L * Device.BLOCK;

    private RadixSort() {
    }

    /** One pass: its histogram and scatter kernels and their arguments before the items they read. */
    private record Pass(String histogram, String scatter, Object[] leading) {
    }

    /** The ids of the n rows (of the given arity) sorted by the columns of order (first most significant). */
    static DeviceBuffer sortedIds(DeviceMemory memory, DeviceBuffer rows, long n, int arity, int[] order) {
        return sortedIds(memory, rows, n, arity, order, null);
    }

    /** As above, with each column's {min, max} already measured (ranges[column]), or null to measure them. */
    static DeviceBuffer sortedIds(DeviceMemory memory, DeviceBuffer rows, long n, int arity, int[] order,
                                  int[][] ranges) {
        Device device = memory.device();
        DeviceBuffer ids = memory.allocate(n * Integer.BYTES, "sort order");
        List<Pass> passes = new ArrayList<>();
        try {
            device.launch("iota_u32", Grid.strided(device, n), ids, n);
            for (int i = order.length - 1; i >= 0 && n > 1; i--) {
                int column = order[i];
                int[] range = ranges != null ? ranges[column] : columnRange(memory, rows, n, arity, column);
                for (int shift = 0; shift < bits(range); shift += DIGIT_BITS) {
                    passes.add(new Pass("radix_histogram", "radix_scatter", new Object[] {rows, arity, column, range[0], shift}));
                }
            }
        } catch (RuntimeException | Error e) {
            memory.free(ids);
            throw e;
        }
        return run(memory, ids, n, Integer.BYTES, "sort order", passes);
    }

    /**
     * Sorts n keys of the given bits ascending; consumes keys and returns the buffer that holds them
     * sorted (the caller's to free).
     */
    static DeviceBuffer sortKeys(DeviceMemory memory, DeviceBuffer keys, long n, int bits) {
        List<Pass> passes = new ArrayList<>();
        for (int shift = 0; shift < bits && n > 1; shift += DIGIT_BITS) {
            passes.add(new Pass("radix_histogram_u64", "radix_scatter_u64", new Object[] {shift}));
        }
        return run(memory, keys, n, Long.BYTES, "sort keys", passes);
    }

    /**
     * Runs the passes over n items (ids or keys of itemBytes each), each reading one buffer and writing the
     * other; consumes items and returns the buffer that holds the result (the caller's to free).
     */
    private static DeviceBuffer run(DeviceMemory memory, DeviceBuffer items, long n, long itemBytes, String what,
                                    List<Pass> passes) {
        if (passes.isEmpty()) {
            return items;
        }
        Device device = memory.device();
        long tiles = Grid.tiles(n, TILE);
        DeviceBuffer other = null;
        DeviceBuffer hist = null;
        DeviceBuffer offsets = null;
        try {
            other = memory.allocate(n * itemBytes, what);
            hist = memory.allocate(DIGITS * tiles * Integer.BYTES, "radix histogram");
            offsets = memory.allocate(DIGITS * tiles * Long.BYTES, "radix offsets");
            for (Pass pass : passes) {
                device.launch(pass.histogram(), tiles, arguments(pass.leading(), items, n, hist));
                Scan.exclusive(memory, hist, DIGITS * tiles, offsets);
                device.launch(pass.scatter(), tiles, arguments(pass.leading(), items, n, offsets, other));
                DeviceBuffer swap = items;
                items = other;
                other = swap;
            }
            return items;
        } catch (RuntimeException | Error e) {
            memory.free(items);
            throw e;
        } finally {
            memory.free(other);
            memory.free(hist);
            memory.free(offsets);
        }
    }

    private static Object[] arguments(Object[] leading, Object... rest) {
        Object[] all = Arrays.copyOf(leading, leading.length + rest.length);
        System.arraycopy(rest, 0, all, leading.length, rest.length);
        return all;
    }

    /** Bits that (value - min) needs for every value of a column's {min, max}. */
    static int bits(int[] range) {
        return 64 - Long.numberOfLeadingZeros((long) range[1] - range[0]);
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
