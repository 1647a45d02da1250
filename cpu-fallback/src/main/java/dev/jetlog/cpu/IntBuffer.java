// A growable int array that output rows are appended to, one per worker chunk; it counts rows
// separately so that rows of width 0 count too.
package dev.jetlog.cpu;

import java.util.Arrays;

final class IntBuffer {
    private int[] data;
    private int size;
    private int rows;

    IntBuffer(int initialCapacity) {
        data = new int[Math.max(16, initialCapacity)];
    }

    /** Adds a row of n ints and returns the array to write it into, at [size() - n, size()). */
    int[] addRow(int n) {
        return addRows(1, n);
    }

    /** Adds count rows of n ints each; they are to be written at [size() - count * n, size()). */
    int[] addRows(int count, int n) {
        rows += count;
        int needed = size + count * n;
        if (needed > data.length) {
            if (needed < 0 || needed > Integer.MAX_VALUE - 16) {
                throw new OutOfMemoryError("intermediate result exceeds 2^31 values");
            }
            data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, data.length * 3L / 2)));
        }
        size = needed;
        return data;
    }

    int size() {
        return size;
    }

    int rows() {
        return rows;
    }

    int[] data() {
        return data;
    }
}
