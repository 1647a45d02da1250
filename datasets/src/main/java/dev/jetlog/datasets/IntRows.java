// Growable row-major int buffer of fixed arity: the in-memory form of a relation being built.
package dev.jetlog.datasets;

import java.util.Arrays;
import java.util.List;

/**
 * A growable, row-major buffer of int rows of a fixed arity. Row {@code r}, column {@code c} lives
 * at {@code data()[r * arity + c]}. With arity 0 the buffer holds no values and only counts rows
 * (a nullary relation is either empty or holds the single empty tuple, but readers may count
 * duplicates). Capacity grows by 1.5x and is capped at the largest {@code int[]} the JVM can
 * allocate; adding beyond that throws {@link IllegalStateException}. Not thread-safe.
 */
public final class IntRows {

    /** Largest array length that is safe to request on common JVMs. */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private static final int DEFAULT_ROWS = 16;
    private static final int[] EMPTY = new int[0];

    private final int arity;
    private final int maxRows;
    private int[] data;
    private int size;

    /** An empty buffer of the given arity. */
    public IntRows(int arity) {
        this(arity, DEFAULT_ROWS);
    }

    /** An empty buffer of the given arity with room for {@code initialRows} rows. */
    public IntRows(int arity, int initialRows) {
        if (arity < 0) {
            throw new IllegalArgumentException("arity must be >= 0, was " + arity);
        }
        if (initialRows < 0) {
            throw new IllegalArgumentException("initialRows must be >= 0, was " + initialRows);
        }
        this.arity = arity;
        this.maxRows = arity == 0 ? Integer.MAX_VALUE : MAX_ARRAY_LENGTH / arity;
        if (initialRows > maxRows) {
            throw new IllegalStateException(tooMany(initialRows));
        }
        this.data = arity == 0 ? EMPTY : new int[initialRows * arity];
    }

    public int arity() {
        return arity;
    }

    /** Number of rows. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Appends one row; {@code row.length} must equal the arity. */
    public void add(int... row) {
        if (row.length != arity) {
            throw new IllegalArgumentException("row has " + row.length + " values, arity is " + arity);
        }
        int at = reserveRow();
        if (arity > 0) {
            System.arraycopy(row, 0, data, at, arity);
        }
    }

    /** Appends a row of arity 1 without allocating. */
    public void add1(int a) {
        checkArity(1);
        int at = reserveRow();
        data[at] = a;
    }

    /** Appends a row of arity 2 without allocating (the hot path for edge lists). */
    public void add2(int a, int b) {
        checkArity(2);
        int at = reserveRow();
        data[at] = a;
        data[at + 1] = b;
    }

    /** Appends the row of {@code arity} values starting at {@code src[offset]}. */
    public void addFrom(int[] src, int offset) {
        int at = reserveRow();
        System.arraycopy(src, offset, data, at, arity);
    }

    /** Value at {@code row}, {@code col}. */
    public int get(int row, int col) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " out of range [0, " + size + ")");
        }
        if (col < 0 || col >= arity) {
            throw new IndexOutOfBoundsException("column " + col + " out of range [0, " + arity + ")");
        }
        return data[row * arity + col];
    }

    /**
     * The backing array, row-major. It may be longer than {@code size() * arity()}; values past
     * that are unspecified. The array is replaced when the buffer grows.
     */
    public int[] data() {
        return data;
    }

    /** A copy of exactly {@code size() * arity()} values. */
    public int[] toArray() {
        return Arrays.copyOf(data, size * arity);
    }

    /** The rows of the parts, in order, in one buffer of exactly their size. */
    public static IntRows concat(List<IntRows> parts, int arity) {
        long rows = 0;
        for (IntRows part : parts) {
            if (part.arity != arity) {
                throw new IllegalArgumentException("a part has arity " + part.arity + ", not " + arity);
            }
            rows += part.size;
        }
        IntRows all = new IntRows(arity, 0);
        if (rows > all.maxRows) {
            throw new IllegalStateException(all.tooMany(rows));
        }
        all.data = arity == 0 ? EMPTY : new int[(int) rows * arity];
        for (IntRows part : parts) {
            System.arraycopy(part.data, 0, all.data, all.size * arity, part.size * arity);
            all.size += part.size;
        }
        return all;
    }

    /** Removes all rows, keeping the capacity. */
    public void clear() {
        size = 0;
    }

    @Override
    public String toString() {
        return "IntRows[arity=" + arity + ", size=" + size + "]";
    }

    private void checkArity(int expected) {
        if (arity != expected) {
            throw new IllegalArgumentException("row has " + expected + " values, arity is " + arity);
        }
    }

    /** Makes room for one more row and returns the offset it starts at. */
    private int reserveRow() {
        if (size == maxRows) {
            throw new IllegalStateException(tooMany((long) size + 1));
        }
        int at = size * arity;
        if (at + arity > data.length) {
            grow();
        }
        size++;
        return at;
    }

    private void grow() {
        long capacityRows = data.length / arity;
        long wanted = Math.max(DEFAULT_ROWS, capacityRows + (capacityRows >> 1));
        int rows = (int) Math.min(wanted, maxRows);
        data = Arrays.copyOf(data, rows * arity);
    }

    private String tooMany(long rows) {
        return "IntRows of arity " + arity + " cannot hold " + rows + " rows: the limit is "
                + maxRows + " rows (" + MAX_ARRAY_LENGTH + " ints, the largest int[])";
    }
}
