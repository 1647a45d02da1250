// Parallel, stable LSD radix sort of row ids by the rows' columns in a given order (each column as a
// signed int, in 16-bit digits). The general path for rows whose packed key needs more than 64 bits.
package dev.jetlog.cpu.hisa;

import dev.jetlog.hisa.Tuples;

import java.util.Arrays;

public final class PermutationRadixSort {
    private static final int DIGIT_BITS = 16;
    private static final int BUCKETS = 1 << DIGIT_BITS;

    private PermutationRadixSort() {
    }

    /** Row ids 0..n-1 of rows, sorted by the columns of order (the first column most significant). */
    public static int[] sortedRowIds(Tuples rows, int[] order, Parallel parallel) {
        int n = rows.size();
        int arity = rows.arity();
        int[] data = rows.data();
        int[] source = new int[n];
        for (int i = 0; i < n; i++) {
            source[i] = i;
        }
        int[] target = new int[n];
        int chunks = parallel.chunksFor(n, 1 << 16);
        int[][] histogram = new int[chunks][BUCKETS];
        for (int position = order.length - 1; position >= 0; position--) {
            int column = order[position];
            for (int half = 0; half < 2; half++) {
                int shift = half * DIGIT_BITS;
                int[] from = source;
                parallel.forEachChunk(n, chunks, (chunk, lo, hi) -> {
                    int[] counts = histogram[chunk];
                    Arrays.fill(counts, 0);
                    for (int i = lo; i < hi; i++) {
                        counts[digit(data[from[i] * arity + column], shift)]++;
                    }
                });
                if (!RadixPasses.toOffsets(histogram, BUCKETS, n)) {
                    continue;
                }
                int[] to = target;
                parallel.forEachChunk(n, chunks, (chunk, lo, hi) -> {
                    int[] offsets = histogram[chunk];
                    for (int i = lo; i < hi; i++) {
                        int row = from[i];
                        to[offsets[digit(data[row * arity + column], shift)]++] = row;
                    }
                });
                target = source;
                source = to;
            }
        }
        return source;
    }

    private static int digit(int value, int shift) {
        return ((value ^ Integer.MIN_VALUE) >>> shift) & (BUCKETS - 1);
    }
}
