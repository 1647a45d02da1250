// Parallel, stable LSD radix sort of long keys by their low `bits` bits as an unsigned number.
// Passes whose digit is the same for every key are skipped.
package dev.jetlog.hisa;

import java.util.Arrays;

public final class LongRadixSort {
    private static final int SMALL = 1 << 12;

    private LongRadixSort() {
    }

    /**
     * Sorts keys[0, n) and returns the array that holds the result: keys itself or a scratch array of
     * the same length. Keys must be zero above the low `bits` bits.
     */
    public static long[] sort(long[] keys, int n, int bits, Parallel parallel) {
        if (n < SMALL) {
            sortSmall(keys, n, bits);
            return keys;
        }
        int digitBits = RadixPasses.digitBits(bits);
        int passes = RadixPasses.passes(bits);
        int buckets = 1 << digitBits;
        int mask = buckets - 1;
        int chunks = parallel.chunksFor(n, 1 << 16);
        int[][] histogram = new int[chunks][buckets];
        long[] source = keys;
        long[] target = null;
        for (int pass = 0; pass < passes; pass++) {
            int shift = pass * digitBits;
            long[] from = source;
            parallel.forEachChunk(n, chunks, (chunk, lo, hi) -> {
                int[] counts = histogram[chunk];
                Arrays.fill(counts, 0);
                for (int i = lo; i < hi; i++) {
                    counts[(int) (from[i] >>> shift) & mask]++;
                }
            });
            if (!RadixPasses.toOffsets(histogram, buckets, n)) {
                continue;
            }
            if (target == null) {
                target = new long[keys.length];
            }
            long[] to = target;
            parallel.forEachChunk(n, chunks, (chunk, lo, hi) -> {
                int[] offsets = histogram[chunk];
                for (int i = lo; i < hi; i++) {
                    long key = from[i];
                    to[offsets[(int) (key >>> shift) & mask]++] = key;
                }
            });
            target = source;
            source = to;
        }
        return source;
    }

    private static void sortSmall(long[] keys, int n, int bits) {
        if (bits < 64) {
            Arrays.sort(keys, 0, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            keys[i] ^= Long.MIN_VALUE;
        }
        Arrays.sort(keys, 0, n);
        for (int i = 0; i < n; i++) {
            keys[i] ^= Long.MIN_VALUE;
        }
    }
}
