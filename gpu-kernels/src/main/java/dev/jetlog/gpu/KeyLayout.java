// How a row packs into one 64-bit sort key (pack_rows_u64 in radix.cu): column 0 most significant, each
// column as its value less the column's minimum, in as many bits as the column's range needs. Exists
// only where the bits of all columns together fit in 64; sorting such keys sorts the rows.
package dev.jetlog.gpu;

final class KeyLayout {
    /** Per column: minimum, shift in the key, bits; as the kernels read it. */
    final int[] triples;
    /** Bits of the key that any row uses. */
    final int bits;

    private KeyLayout(int[] triples, int bits) {
        this.triples = triples;
        this.bits = bits;
    }

    /** The layout of n rows of the given arity, or null where they need more than 64 bits. */
    static KeyLayout of(DeviceMemory memory, DeviceBuffer rows, long n, int arity) {
        int[] mins = new int[arity];
        int[] widths = new int[arity];
        int total = 0;
        for (int c = 0; c < arity; c++) {
            int[] range = RadixSort.columnRange(memory, rows, n, arity, c);
            mins[c] = range[0];
            widths[c] = 64 - Long.numberOfLeadingZeros((long) range[1] - range[0]);
            total += widths[c];
            if (total > Long.SIZE) {
                return null;
            }
        }
        int[] triples = new int[3 * arity];
        int shift = total;
        for (int c = 0; c < arity; c++) {
            shift -= widths[c];
            triples[3 * c] = mins[c];
            // a column of one value adds nothing to the key (its shift could be 64, which no shift may be)
            triples[3 * c + 1] = widths[c] == 0 ? 0 : shift;
            triples[3 * c + 2] = widths[c];
        }
        return new KeyLayout(triples, total);
    }
}
