// How a row packs into one 64-bit sort key (pack_rows_u64 in radix.cu): column 0 most significant, each
// column as its value less the column's minimum, in as many bits as the column's range needs. Rows fit
// where the bits of all columns together are at most 64; sorting their keys sorts the rows. The column
// ranges measured for it serve the id sort of rows that do not fit.
package dev.jetlog.gpu;

final class KeyLayout {
    /** Per column {min, max}, as RadixSort.columnRange measured them. */
    final int[][] ranges;
    /** Per column: minimum, shift in the key, bits; as the kernels read it (null where the rows do not fit). */
    final int[] triples;
    /** Bits of the key that any row uses. */
    final int bits;

    private KeyLayout(int[][] ranges, int[] triples, int bits) {
        this.ranges = ranges;
        this.triples = triples;
        this.bits = bits;
    }

    /** The layout of n rows of the given arity, measuring each column's range once. */
    static KeyLayout of(DeviceMemory memory, DeviceBuffer rows, long n, int arity) {
        int[][] ranges = new int[arity][];
        int[] widths = new int[arity];
        int total = 0;
        for (int c = 0; c < arity; c++) {
            ranges[c] = RadixSort.columnRange(memory, rows, n, arity, c);
            widths[c] = RadixSort.bits(ranges[c]);
            total += widths[c];
        }
        if (total > Long.SIZE) {
            return new KeyLayout(ranges, null, total);
        }
        int[] triples = new int[3 * arity];
        int shift = total;
        for (int c = 0; c < arity; c++) {
            shift -= widths[c];
            triples[3 * c] = ranges[c][0];
            // a column of one value adds nothing to the key (its shift could be 64, which no shift may be)
            triples[3 * c + 1] = widths[c] == 0 ? 0 : shift;
            triples[3 * c + 2] = widths[c];
        }
        return new KeyLayout(ranges, triples, total);
    }

    /** Whether the rows pack into 64-bit keys. */
    boolean fits() {
        return triples != null;
    }
}
