// Exclusive prefix sums on the device (scan.cu): counts or flags (u32) in, offsets (u64) out, and the
// total back on the host, the one value the next allocation needs. Tiles of 512 values are scanned in
// work-group memory; their totals are scanned the same way, level by level, and added back.
package dev.jetlog.gpu;

final class Scan {
    static final long TILE = 2L * Device.BLOCK;

    private Scan() {
    }

    /** offsets[i] = counts[0] + ... + counts[i - 1] for i in [0, n); returns the sum of all n counts. */
    static long exclusive(DeviceMemory memory, DeviceBuffer counts, long n, DeviceBuffer offsets) {
        return n == 0 ? 0 : level(memory, offsets, n, "scan_tiles_u32", counts, n, offsets);
    }

    /**
     * Scans n values tile by tile with the given kernel (its arguments, then the tile totals), scans the
     * totals in place, adds them back to data, and returns the sum of all values.
     */
    private static long level(DeviceMemory memory, DeviceBuffer data, long n, String kernel, Object... args) {
        Device device = memory.device();
        long tiles = Grid.tiles(n, TILE);
        DeviceBuffer sums = memory.allocate(tiles * Long.BYTES, "prefix sums");
        try {
            Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
            all[args.length] = sums;
            device.launch(kernel, tiles, all);
            if (tiles == 1) {
                long[] total = new long[1];
                device.read(sums, 0, total, 0, 1);
                return total[0];
            }
            long total = level(memory, sums, tiles, "scan_tiles_u64", sums, tiles);
            device.launch("scan_add", tiles, data, n, sums);
            return total;
        } finally {
            memory.free(sums);
        }
    }
}
