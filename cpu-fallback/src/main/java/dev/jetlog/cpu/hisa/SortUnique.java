// Sorts rows into the canonical order and drops duplicates: packs each row into a long when the
// column ranges allow (radix sort of longs), else radix-sorts row ids column by column.
package dev.jetlog.cpu.hisa;

import dev.jetlog.hisa.Tuples;
import dev.jetlog.hisa.KeyPacking;
import dev.jetlog.hisa.RowOrder;

import java.util.ArrayList;
import java.util.List;

public final class SortUnique {
    /** Parts of fewer rows are joined with their neighbours before a sort that reads parts where they lie. */
    private static final int SEGMENT_ROWS = 1 << 15;

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
        int[] identity = identity(arity);
        KeyPacking packing = ColumnRanges.measure(rows, identity, parallel);
        if (packing.fits(0)) {
            return viaPackedKeys(rows, packing, parallel);
        }
        return viaRowIds(rows, PermutationRadixSort.sortedRowIds(rows, identity, parallel), parallel);
    }

    /**
     * The distinct rows of the input that known lacks, in canonical order: sort-unique and difference
     * in one go. known must be sorted and duplicate-free. Each in-cache bucket of sorted candidates is
     * compared with its contiguous range of known before anything is unpacked, which saves a pass
     * over the candidates and writes only the new rows.
     */
    public static Tuples sortUniqueMinus(Tuples rows, Tuples known, Parallel parallel) {
        return sortUniqueMinus(List.of(rows), known, parallel);
    }

    /**
     * The distinct rows of all parts (of one arity) that known (sorted and duplicate-free; null for none)
     * lacks, in canonical order. Rows that pack into a long are read from the parts where they lie; only
     * rows that do not are first copied into one array.
     */
    public static Tuples sortUniqueMinus(List<Tuples> parts, Tuples known, Parallel parallel) {
        int arity = parts.get(0).arity();
        long total = 0;
        for (Tuples part : parts) {
            total += part.size();
        }
        boolean noneKnown = known == null || known.isEmpty();
        if (arity == 0 || total <= 1) {
            Tuples unique = sortUnique(concat(parts, parallel), parallel);
            return noneKnown ? unique : SetOperations.difference(unique, known, parallel);
        }
        KeyPacking packing = ColumnRanges.measure(parts, identity(arity), parallel);
        if (!packing.fits(0)) {
            Tuples all = concat(parts, parallel);
            Tuples unique = viaRowIds(all, PermutationRadixSort.sortedRowIds(all, identity(arity), parallel), parallel);
            return noneKnown ? unique : SetOperations.difference(unique, known, parallel);
        }
        List<Tuples> segments = coalesce(parts, parallel);
        int[] sizes = new int[segments.size()];
        int[][] data = new int[segments.size()][];
        for (int p = 0; p < sizes.length; p++) {
            sizes[p] = segments.get(p).size();
            data[p] = segments.get(p).data();
        }
        LongRadixSort.Buckets buckets = LongRadixSort.sortBuckets(SortKeys.ofRows(data, sizes, packing),
                packing.bits(), true, parallel);
        if (!noneKnown) {
            dropKnown(buckets, packing, arity, known, parallel);
        }
        return unpack(buckets, packing, arity, parallel);
    }

    /** Drops from each bucket of sorted keys those whose rows known holds (buckets in parallel). */
    private static void dropKnown(LongRadixSort.Buckets buckets, KeyPacking packing, int arity, Tuples known,
                                  Parallel parallel) {
        long[] keys = buckets.keys();
        int[] counts = buckets.counts();
        int[] knownData = known.data();
        int knownSize = known.size();
        int bucketCount = buckets.bucketCount();
        parallel.forEachChunk(bucketCount, parallel.chunksFor(bucketCount, 16), (chunk, from, to) -> {
            int[] row = new int[arity];
            int position = -1;
            for (int b = from; b < to; b++) {
                int start = buckets.start(b);
                int end = start + counts[b];
                int write = start;
                for (int i = start; i < end; i++) {
                    packing.unpack(keys[i], row, 0);
                    position = position < 0
                            ? RowOrder.lowerBound(knownData, 0, knownSize, row, 0, arity)
                            : SetOperations.gallop(knownData, position, knownSize, row, 0, arity);
                    if (position == knownSize || RowOrder.compare(knownData, position, row, 0, arity) != 0) {
                        keys[write++] = keys[i];
                    }
                }
                counts[b] = write - start;
            }
        });
    }

    /** The rows of the parts in one array: the part itself when there is one. */
    private static Tuples concat(List<Tuples> parts, Parallel parallel) {
        return parts.size() == 1 ? parts.get(0) : SetOperations.concat(parts, parallel);
    }

    /**
     * The parts with each run of consecutive small ones joined into one: every segment of the sort costs a
     * histogram over all buckets, which a part of a few rows must not pay.
     */
    private static List<Tuples> coalesce(List<Tuples> parts, Parallel parallel) {
        List<Tuples> segments = new ArrayList<>();
        List<Tuples> small = new ArrayList<>();
        long smallRows = 0;
        for (Tuples part : parts) {
            if (part.size() >= SEGMENT_ROWS) {
                segments.add(part);
                continue;
            }
            small.add(part);
            smallRows += part.size();
            if (smallRows >= SEGMENT_ROWS) {
                segments.add(concat(small, parallel));
                small.clear();
                smallRows = 0;
            }
        }
        if (!small.isEmpty()) {
            segments.add(concat(small, parallel));
        }
        return segments;
    }


    private static int[] identity(int arity) {
        int[] order = new int[arity];
        for (int c = 0; c < arity; c++) {
            order[c] = c;
        }
        return order;
    }

    private static Tuples viaPackedKeys(Tuples rows, KeyPacking packing, Parallel parallel) {
        int[] data = rows.data();
        int n = rows.size();
        LongRadixSort.Buckets buckets = LongRadixSort.sortBuckets(
                SortKeys.ofRows(data, n, LongRadixSort.segmentsFor(n, parallel), packing), packing.bits(), true, parallel);
        return unpack(buckets, packing, rows.arity(), parallel);
    }

    /** The keys of all buckets, unpacked into rows in bucket order (buckets in parallel). */
    private static Tuples unpack(LongRadixSort.Buckets buckets, KeyPacking packing, int arity, Parallel parallel) {
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
