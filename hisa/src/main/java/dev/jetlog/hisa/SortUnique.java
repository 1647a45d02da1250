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
        int arity = rows.arity();
        int[] data = rows.data();
        LongRadixSort.Buckets buckets = LongRadixSort.sortBuckets(rows.size(), packing.bits(),
                row -> packing.pack(data, row), true, parallel);
        int bucketCount = buckets.bucketCount();
        int[] outStart = new int[bucketCount + 1];
        for (int b = 0; b < bucketCount; b++) {
            outStart[b + 1] = outStart[b] + buckets.count(b);
        }
        int[] out = new int[outStart[bucketCount] * arity];
        long[] keys = buckets.keys();
        parallel.forEachChunk(bucketCount, parallel.chunksFor(bucketCount, 16), (chunk, from, to) -> {
            for (int b = from; b < to; b++) {
                int next = outStart[b];
                int start = buckets.start(b);
                for (int i = start; i < start + buckets.count(b); i++) {
                    packing.unpack(keys[i], out, next++);
                }
            }
        });
        return new Tuples(arity, out, outStart[bucketCount]);
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
