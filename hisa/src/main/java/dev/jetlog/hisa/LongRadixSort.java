// Parallel radix sort of long keys by their low `bits` bits as an unsigned number. One MSD pass
// scatters the keys into up to 4096 buckets by their top digit (chunks of keys in parallel); then
// each bucket, small enough to stay in cache, is finished independently by LSD passes over the
// remaining bits (buckets in parallel). This keeps the scattered writes of every pass local.
package dev.jetlog.hisa;

import java.util.Arrays;

public final class LongRadixSort {
    private static final int SMALL = 1 << 12;
    private static final int TOP_BITS = 12;
    private static final int TINY_BUCKET = 48;

    private LongRadixSort() {
    }

    /**
     * Sorts keys[0, n) and returns the array that holds the result: keys itself or a new array of
     * length n. Keys must be zero above the low `bits` bits.
     */
    public static long[] sort(long[] keys, int n, int bits, Parallel parallel) {
        if (n < SMALL || bits == 0) {
            sortRange(keys, 0, n, bits);
            return keys;
        }
        int topBits = Math.min(bits, TOP_BITS);
        int lowBits = bits - topBits;
        int buckets = 1 << topBits;
        int chunks = Math.max(1, Math.min(parallel.threads(), n >>> 16));
        int[][] histogram = new int[chunks][buckets];
        parallel.forEachChunk(n, chunks, (chunk, from, to) -> {
            int[] counts = histogram[chunk];
            for (int i = from; i < to; i++) {
                counts[(int) (keys[i] >>> lowBits)]++;
            }
        });
        int[] bucketStart = new int[buckets + 1];
        int running = 0;
        for (int b = 0; b < buckets; b++) {
            bucketStart[b] = running;
            for (int c = 0; c < chunks; c++) {
                int count = histogram[c][b];
                histogram[c][b] = running;
                running += count;
            }
        }
        bucketStart[buckets] = n;
        long[] sorted = new long[Math.max(n, keys.length)];
        parallel.forEachChunk(n, chunks, (chunk, from, to) -> {
            int[] offsets = histogram[chunk];
            for (int i = from; i < to; i++) {
                long key = keys[i];
                sorted[offsets[(int) (key >>> lowBits)]++] = key;
            }
        });
        if (lowBits > 0) {
            // buckets in parallel; keys serves as scratch space for the bucket passes
            parallel.forEachChunk(buckets, parallel.chunksFor(buckets, 64), (chunk, from, to) -> {
                for (int b = from; b < to; b++) {
                    sortBucket(sorted, keys, bucketStart[b], bucketStart[b + 1], lowBits);
                }
            });
        }
        return sorted;
    }

    /** LSD passes over the low bits of a[from, to), using scratch[from, to) as the other buffer. */
    private static void sortBucket(long[] a, long[] scratch, int from, int to, int bits) {
        int size = to - from;
        if (size < 2) {
            return;
        }
        if (size < TINY_BUCKET) {
            insertionSort(a, from, to);
            return;
        }
        int passes = RadixPasses.passes(bits);
        int digitBits = RadixPasses.digitBits(bits);
        int buckets = 1 << digitBits;
        int mask = buckets - 1;
        int[] offsets = new int[buckets];
        long[] source = a;
        long[] target = scratch;
        for (int pass = 0; pass < passes; pass++) {
            int shift = pass * digitBits;
            Arrays.fill(offsets, 0);
            for (int i = from; i < to; i++) {
                offsets[(int) (source[i] >>> shift) & mask]++;
            }
            int running = from;
            boolean oneBucket = false;
            for (int b = 0; b < buckets; b++) {
                int count = offsets[b];
                oneBucket |= count == size;
                offsets[b] = running;
                running += count;
            }
            if (oneBucket) {
                continue;
            }
            for (int i = from; i < to; i++) {
                long key = source[i];
                target[offsets[(int) (key >>> shift) & mask]++] = key;
            }
            long[] swap = source;
            source = target;
            target = swap;
        }
        if (source != a) {
            System.arraycopy(source, from, a, from, size);
        }
    }

    /** Keys below 2^63 within one bucket: insertion sort on their unsigned value. */
    private static void insertionSort(long[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long key = a[i];
            int j = i - 1;
            while (j >= from && Long.compareUnsigned(a[j], key) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = key;
        }
    }

    private static void sortRange(long[] keys, int from, int to, int bits) {
        if (bits < 64) {
            Arrays.sort(keys, from, to);
            return;
        }
        for (int i = from; i < to; i++) {
            keys[i] ^= Long.MIN_VALUE;
        }
        Arrays.sort(keys, from, to);
        for (int i = from; i < to; i++) {
            keys[i] ^= Long.MIN_VALUE;
        }
    }
}
