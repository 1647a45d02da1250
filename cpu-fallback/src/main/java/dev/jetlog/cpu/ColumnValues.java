// The sorted distinct values of one column of row sets: the value domain a dense set's box may span.
package dev.jetlog.cpu;

import dev.jetlog.hisa.Tuples;

import java.util.Arrays;
import java.util.List;

final class ColumnValues {
    /** Value ranges up to this many values are marked in a bitmap (at most 16 MB); wider ones are sorted. */
    private static final long BITMAP_RANGE = 1L << 27;
    /** Rows up to this many are copied to be sorted (at most 16 MB); a wider, longer column is left unknown. */
    static final long MAX_SORTED_ROWS = 1L << 22;

    private ColumnValues() {
    }

    /**
     * The sorted distinct values of the column, or null where finding them would copy more than
     * MAX_SORTED_ROWS values (a wide range of values in a long relation: too many for a dense set's box in
     * any case, and the copy would cost more memory than the set may take).
     */
    static int[] distinct(List<Tuples> parts, int column) {
        return distinct(parts, column, MAX_SORTED_ROWS);
    }

    static int[] distinct(List<Tuples> parts, int column, long maxSortedRows) {
        long rows = 0;
        int minimum = Integer.MAX_VALUE;
        int maximum = Integer.MIN_VALUE;
        for (Tuples part : parts) {
            int[] data = part.data();
            int arity = part.arity();
            for (int row = 0; row < part.size(); row++) {
                int value = data[row * arity + column];
                minimum = Math.min(minimum, value);
                maximum = Math.max(maximum, value);
            }
            rows += part.size();
        }
        if (rows == 0) {
            return new int[0];
        }
        long range = (long) maximum - minimum + 1;
        if (range <= BITMAP_RANGE) {
            return byBitmap(parts, column, minimum, (int) range);
        }
        return rows <= maxSortedRows ? bySorting(parts, column, rows) : null;
    }

    private static int[] byBitmap(List<Tuples> parts, int column, int minimum, int range) {
        long[] seen = new long[(range + 63) >>> 6];
        for (Tuples part : parts) {
            int[] data = part.data();
            int arity = part.arity();
            for (int row = 0; row < part.size(); row++) {
                int offset = data[row * arity + column] - minimum;
                seen[offset >>> 6] |= 1L << offset;
            }
        }
        int count = 0;
        for (long word : seen) {
            count += Long.bitCount(word);
        }
        int[] values = new int[count];
        int next = 0;
        for (int word = 0; word < seen.length; word++) {
            for (long bits = seen[word]; bits != 0; bits &= bits - 1) {
                values[next++] = minimum + (word << 6) + Long.numberOfTrailingZeros(bits);
            }
        }
        return values;
    }

    private static int[] bySorting(List<Tuples> parts, int column, long rows) {
        int[] values = new int[Math.toIntExact(rows)];
        int next = 0;
        for (Tuples part : parts) {
            int[] data = part.data();
            int arity = part.arity();
            for (int row = 0; row < part.size(); row++) {
                values[next++] = data[row * arity + column];
            }
        }
        Arrays.sort(values);
        int distinct = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                values[distinct++] = values[i];
            }
        }
        return Arrays.copyOf(values, distinct);
    }
}
