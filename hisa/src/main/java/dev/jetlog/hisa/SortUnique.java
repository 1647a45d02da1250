// Sorts rows into the canonical order and drops duplicates: packs each row into a long when the
// column ranges allow (radix sort of longs), else radix-sorts row ids column by column.
package dev.jetlog.hisa;

public final class SortUnique {
    private SortUnique() {
    }

    /** The distinct rows of the input in canonical order, in a new array of exactly that size. */
    public static Tuples sortUnique(Tuples rows, Parallel parallel) {
        int n = rows.size();
        int arity = rows.arity();
        if (arity == 0) {
            return new Tuples(0, new int[0], Math.min(n, 1));
        }
        if (n <= 1) {
            return new Tuples(arity, rows.toArray(), n);
        }
        int[] identity = new int[arity];
        for (int c = 0; c < arity; c++) {
            identity[c] = c;
        }
        KeyPacking packing = KeyPacking.of(rows, identity, parallel);
        if (packing.fits(0)) {
            return viaPackedKeys(rows, packing, parallel);
        }
        return viaRowIds(rows, PermutationRadixSort.sortedRowIds(rows, identity, parallel), parallel);
    }

    private static Tuples viaPackedKeys(Tuples rows, KeyPacking packing, Parallel parallel) {
        int n = rows.size();
        int arity = rows.arity();
        int[] data = rows.data();
        long[] keys = new long[n];
        int chunks = parallel.chunksFor(n, 1 << 16);
        parallel.forEachChunk(n, chunks, (chunk, from, to) -> {
            for (int row = from; row < to; row++) {
                keys[row] = packing.pack(data, row);
            }
        });
        long[] sorted = LongRadixSort.sort(keys, n, packing.bits(), parallel);
        int[] starts = new int[chunks + 1];
        parallel.forEachChunk(n, chunks, (chunk, from, to) -> {
            int distinct = 0;
            for (int i = from; i < to; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    distinct++;
                }
            }
            starts[chunk + 1] = distinct;
        });
        for (int c = 0; c < chunks; c++) {
            starts[c + 1] += starts[c];
        }
        int[] out = new int[starts[chunks] * arity];
        parallel.forEachChunk(n, chunks, (chunk, from, to) -> {
            int next = starts[chunk];
            for (int i = from; i < to; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    packing.unpack(sorted[i], out, next++);
                }
            }
        });
        return new Tuples(arity, out, starts[chunks]);
    }

    /** Gathers the rows in the order of sortedIds, keeping the first of each run of equal rows. */
    static Tuples viaRowIds(Tuples rows, int[] sortedIds, Parallel parallel) {
        int n = rows.size();
        int arity = rows.arity();
        int[] data = rows.data();
        int chunks = parallel.chunksFor(n, 1 << 16);
        int[] starts = new int[chunks + 1];
        parallel.forEachChunk(n, chunks, (chunk, from, to) -> {
            int distinct = 0;
            for (int i = from; i < to; i++) {
                if (i == 0 || RowOrder.compare(data, sortedIds[i], data, sortedIds[i - 1], arity) != 0) {
                    distinct++;
                }
            }
            starts[chunk + 1] = distinct;
        });
        for (int c = 0; c < chunks; c++) {
            starts[c + 1] += starts[c];
        }
        int[] out = new int[starts[chunks] * arity];
        parallel.forEachChunk(n, chunks, (chunk, from, to) -> {
            int next = starts[chunk];
            for (int i = from; i < to; i++) {
                if (i == 0 || RowOrder.compare(data, sortedIds[i], data, sortedIds[i - 1], arity) != 0) {
                    System.arraycopy(data, sortedIds[i] * arity, out, (next++) * arity, arity);
                }
            }
        });
        return new Tuples(arity, out, starts[chunks]);
    }
}
