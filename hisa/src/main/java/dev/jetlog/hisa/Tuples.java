// Rows of one arity stored row-major in an int array: rows [0, size) are valid; the array may be
// longer (headroom). Instances are immutable by convention: operators return new ones.
package dev.jetlog.hisa;

public final class Tuples {
    private final int arity;
    private final int[] data;
    private final int size;

    public Tuples(int arity, int[] data, int size) {
        if (arity < 0 || size < 0 || (long) arity * size > data.length) {
            throw new IllegalArgumentException("arity " + arity + ", " + size + " rows, array of " + data.length);
        }
        this.arity = arity;
        this.data = data;
        this.size = size;
    }

    public static Tuples empty(int arity) {
        return new Tuples(arity, new int[0], 0);
    }

    public int arity() {
        return arity;
    }

    /** The backing array; row r occupies [r * arity, (r + 1) * arity). */
    public int[] data() {
        return data;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int get(int row, int column) {
        return data[row * arity + column];
    }

    /** A copy of the valid part of the data. */
    public int[] toArray() {
        return java.util.Arrays.copyOf(data, size * arity);
    }
}
