// Measures the value range of each column of a row set, in parallel: to choose its key packing, or the
// box of a dense set.
package dev.jetlog.cpu.hisa;

import dev.jetlog.hisa.KeyPacking;
import dev.jetlog.hisa.Tuples;

import java.util.List;

public final class ColumnRanges {
    private ColumnRanges() {
    }

    /** The packing of the rows' columns in the given order, measured over all rows. */
    public static KeyPacking measure(Tuples rows, int[] order, Parallel parallel) {
        int[][] ranges = ranges(rows, order, parallel);
        return KeyPacking.ofRanges(rows.arity(), order, ranges[0], ranges[1]);
    }

    /**
     * The packing of the columns, in the given order, of rows given in parts (of one arity), measured over
     * all: the parts are measured in parallel, each on one thread, in one pass of the pool.
     */
    public static KeyPacking measure(List<Tuples> parts, int[] order, Parallel parallel) {
        int count = parts.size();
        int[][] partMinimum = new int[count][];
        int[][] partMaximum = new int[count][];
        parallel.forEachChunk(count, count, (chunk, from, to) -> {
            for (int p = from; p < to; p++) {
                int[][] ranges = ranges(parts.get(p), order, Parallel.SEQUENTIAL);
                partMinimum[p] = ranges[0];
                partMaximum[p] = ranges[1];
            }
        });
        int[][] ranges = combine(partMinimum, partMaximum, order.length);
        return KeyPacking.ofRanges(parts.get(0).arity(), order, ranges[0], ranges[1]);
    }

    /**
     * Per column of the order, the smallest and largest value over all rows: {minimum, maximum} (a
     * minimum above its maximum when there are no rows).
     */
    public static int[][] ranges(Tuples rows, int[] order, Parallel parallel) {
        int arity = rows.arity();
        int[] data = rows.data();
        int n = rows.size();
        int chunks = parallel.chunksFor(n, 1 << 16);
        int[][] min = new int[chunks][];
        int[][] max = new int[chunks][];
        parallel.forEachChunk(n, chunks, (chunk, from, to) -> {
            int[] lo = new int[order.length];
            int[] hi = new int[order.length];
            java.util.Arrays.fill(lo, Integer.MAX_VALUE);
            java.util.Arrays.fill(hi, Integer.MIN_VALUE);
            if (order.length == 2) {
                int firstColumn = order[0];
                int secondColumn = order[1];
                int xMin = Integer.MAX_VALUE;
                int xMax = Integer.MIN_VALUE;
                int yMin = Integer.MAX_VALUE;
                int yMax = Integer.MIN_VALUE;
                for (int row = from; row < to; row++) {
                    int base = row * arity;
                    int x = data[base + firstColumn];
                    int y = data[base + secondColumn];
                    xMin = Math.min(xMin, x);
                    xMax = Math.max(xMax, x);
                    yMin = Math.min(yMin, y);
                    yMax = Math.max(yMax, y);
                }
                lo[0] = xMin;
                hi[0] = xMax;
                lo[1] = yMin;
                hi[1] = yMax;
                min[chunk] = lo;
                max[chunk] = hi;
                return;
            }
            for (int row = from; row < to; row++) {
                int base = row * arity;
                for (int i = 0; i < order.length; i++) {
                    int v = data[base + order[i]];
                    if (v < lo[i]) {
                        lo[i] = v;
                    }
                    if (v > hi[i]) {
                        hi[i] = v;
                    }
                }
            }
            min[chunk] = lo;
            max[chunk] = hi;
        });
        return combine(min, max, order.length);
    }

    /** {minimum, maximum} per column over the pieces' own minima and maxima (one row of each per piece). */
    private static int[][] combine(int[][] min, int[][] max, int columns) {
        int[] minimum = new int[columns];
        int[] maximum = new int[columns];
        for (int i = 0; i < columns; i++) {
            minimum[i] = Integer.MAX_VALUE;
            maximum[i] = Integer.MIN_VALUE;
            for (int c = 0; c < min.length; c++) {
                minimum[i] = Math.min(minimum[i], min[c][i]);
                maximum[i] = Math.max(maximum[i], max[c][i]);
            }
        }
        return new int[][] {minimum, maximum};
    }
}
