// Helpers for steps that skip repeats: the columns (beyond the key) that tell two tuples' output rows
// apart, and the comparison of two tuples on them.
package dev.jetlog.cpu;

import java.util.Arrays;

final class RepeatSkipping {
    private RepeatSkipping() {
    }

    /** The relation columns at positions [from, to) of the order. */
    static int[] columns(int[] order, int from, int to) {
        return Arrays.copyOfRange(order, from, to);
    }

    /** True if the tuples at bases a and b of data agree on every given column. */
    static boolean same(int[] data, int a, int b, int[] columns) {
        for (int column : columns) {
            if (data[a + column] != data[b + column]) {
                return false;
            }
        }
        return true;
    }
}
