// The canonical order of rows: lexicographic over the columns, each compared as a signed int.
package dev.jetlog.hisa;

public final class RowOrder {
    private RowOrder() {
    }

    /** Compares row i of a with row j of b (both of the given arity). */
    public static int compare(int[] a, int i, int[] b, int j, int arity) {
        if (arity == 2) {
            return Long.compare(key2(a, i), key2(b, j));
        }
        if (arity == 1) {
            return Integer.compare(a[i], b[j]);
        }
        int ai = i * arity;
        int bj = j * arity;
        for (int c = 0; c < arity; c++) {
            int x = a[ai + c];
            int y = b[bj + c];
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return 0;
    }

    /** A binary row as one long whose signed order is the row's canonical order. */
    static long key2(int[] data, int row) {
        return ((long) data[2 * row] << 32) | ((data[2 * row + 1] ^ Integer.MIN_VALUE) & 0xFFFF_FFFFL);
    }

    /** Compares two rows in the given column order (all columns of the order). */
    public static int compare(int[] data, int rowA, int rowB, int arity, int[] order) {
        int a = rowA * arity;
        int b = rowB * arity;
        for (int column : order) {
            int x = data[a + column];
            int y = data[b + column];
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return 0;
    }

    /** The first row in [from, to) of sorted that is not less than row probe of other (lower bound). */
    public static int lowerBound(int[] sorted, int from, int to, int[] other, int probe, int arity) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(sorted, mid, other, probe, arity) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
