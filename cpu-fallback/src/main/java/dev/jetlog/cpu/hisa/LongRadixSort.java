// Parallel radix sort of long keys by their low `bits` bits as an unsigned number. One MSD pass
// scatters the keys, read from any source (an array, or rows packed on the fly, in one piece or in
// several), into buckets
// (about 256 keys each, at most 4096) by their top digit (chunks of the input in parallel); then each bucket, small enough to
// stay in cache, is finished independently by LSD passes over the remaining bits and, if asked,
// deduplicated in place (buckets in parallel). Every pass thus writes to few, local places.
package dev.jetlog.cpu.hisa;

import java.util.Arrays;

public final class LongRadixSort {
    private static final int SMALL = 1 << 12;
    private static final int TOP_BITS = 12;
    private static final int TINY_BUCKET = 32;

    /**
     * Sorted keys in buckets: bucket b holds keys[start(b), start(b) + count(b)) in order, buckets in
     * order. Without deduplication the buckets are contiguous and keys[0, n) is sorted.
     */
    public record Buckets(long[] keys, int[] starts, int[] counts) {
        public int bucketCount() {
            return counts.length;
        }

        public int start(int bucket) {
            return starts[bucket];
        }

        public int count(int bucket) {
            return counts[bucket];
        }

        /** The number of keys over all buckets. */
        public int total() {
            int total = 0;
            for (int count : counts) {
                total += count;
            }
            return total;
        }
    }

    private LongRadixSort() {
    }

    /** Sorts keys[0, n) and returns an array whose first n keys are those keys in order. */
    public static long[] sort(long[] keys, int n, int bits, Parallel parallel) {
        if (n < SMALL) {
            sortRange(keys, 0, n, bits);
            return keys;
        }
        return sortBuckets(SortKeys.ofArray(keys, n, segmentsFor(n, parallel)), bits, false, parallel).keys();
    }

    /** How many segments to cut an input of n keys into: one per thread for large inputs. */
    public static int segmentsFor(int n, Parallel parallel) {
        return n < SMALL ? 1 : Math.max(1, Math.min(parallel.threads(), n >>> 16));
    }

    /**
     * Sorts the keys of every segment of the source (keys must be zero above the low `bits` bits) into
     * buckets, as one input, dropping repeated keys when unique is set: an input made in pieces is sorted
     * where it lies, without first being copied into one array. Segments are scattered in parallel.
     */
    public static Buckets sortBuckets(SortKeys source, int bits, boolean unique, Parallel parallel) {
        int segments = source.segments();
        long total = source.total();
        if (total > Integer.MAX_VALUE - 16) {
            throw new OutOfMemoryError("sort input exceeds 2^31 keys");
        }
        int n = (int) total;
        if (n < SMALL || bits == 0) {
            long[] keys = new long[n];
            int at = 0;
            for (int s = 0; s < segments; s++) {
                source.copy(s, keys, at);
                at += source.size(s);
            }
            sortRange(keys, 0, n, bits);
            int count = unique ? dedupe(keys, 0, n) : n;
            return new Buckets(keys, new int[] {0}, new int[] {count});
        }
        // about 256 keys per bucket: small inputs get few buckets, large ones at most 2^TOP_BITS
        int topBits = Math.min(bits, Math.max(1, Math.min(TOP_BITS, log2(n) - 8)));
        int lowBits = bits - topBits;
        int buckets = 1 << topBits;
        int[][] histogram = new int[segments][buckets];
        // chunk 0 allocates the output (the JVM zeroes it, and its pages are touched for the first time)
        // while the other chunks count, one per segment, instead of the caller doing it alone afterwards
        long[][] output = new long[1][];
        parallel.forEachChunk(segments + 1, segments + 1, (chunk, from, to) -> {
            if (chunk == 0) {
                output[0] = new long[n];
            } else {
                source.countTopDigits(chunk - 1, lowBits, histogram[chunk - 1]);
            }
        });
        int[] starts = new int[buckets];
        int[] counts = new int[buckets];
        int running = 0;
        for (int b = 0; b < buckets; b++) {
            starts[b] = running;
            for (int s = 0; s < segments; s++) {
                int count = histogram[s][b];
                histogram[s][b] = running;
                running += count;
            }
            counts[b] = running - starts[b];
        }
        long[] keys = output[0];
        parallel.forEachChunk(segments, segments, (chunk, from, to) -> {
            for (int s = from; s < to; s++) {
                source.scatter(s, lowBits, histogram[s], keys);
            }
        });
        if (lowBits > 0 || unique) {
            parallel.forEachChunk(buckets, parallel.chunksFor(buckets, 64), (chunk, from, to) -> {
                long[] scratch = new long[largest(counts, from, to)];
                for (int b = from; b < to; b++) {
                    int start = starts[b];
                    int end = start + counts[b];
                    if (lowBits > 0) {
                        sortBucket(keys, scratch, start, end, lowBits);
                    }
                    if (unique) {
                        counts[b] = dedupe(keys, start, end);
                    }
                }
            });
        }
        return new Buckets(keys, starts, counts);
    }

    private static int largest(int[] counts, int from, int to) {
        int largest = 0;
        for (int b = from; b < to; b++) {
            largest = Math.max(largest, counts[b]);
        }
        return largest;
    }

    /** Moves the distinct keys of sorted a[from, to) to its front; returns how many there are. */
    private static int dedupe(long[] a, int from, int to) {
        if (to - from < 2) {
            return to - from;
        }
        int write = from + 1;
        for (int i = from + 1; i < to; i++) {
            if (a[i] != a[write - 1]) {
                a[write++] = a[i];
            }
        }
        return write - from;
    }

    /** LSD passes over the low bits of a[from, to); scratch[0, to - from) is the other buffer. */
    private static void sortBucket(long[] a, long[] scratch, int from, int to, int bits) {
        int size = to - from;
        if (size < 2) {
            return;
        }
        if (size < TINY_BUCKET) {
            insertionSort(a, from, to);
            return;
        }
        // digits no wider than the bucket is large, so clearing counters never outweighs moving keys
        int widest = Math.max(3, Math.min(RadixPasses.MAX_DIGIT_BITS, log2(size) - 1));
        int passes = (bits + widest - 1) / widest;
        int digitBits = (bits + passes - 1) / passes;
        int buckets = 1 << digitBits;
        int mask = buckets - 1;
        int[] offsets = new int[buckets];
        long[] source = a;
        int sourceBase = from;
        long[] target = scratch;
        int targetBase = 0;
        for (int pass = 0; pass < passes; pass++) {
            int shift = pass * digitBits;
            Arrays.fill(offsets, 0);
            for (int i = 0; i < size; i++) {
                offsets[(int) (source[sourceBase + i] >>> shift) & mask]++;
            }
            int running = targetBase;
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
            for (int i = 0; i < size; i++) {
                long key = source[sourceBase + i];
                target[offsets[(int) (key >>> shift) & mask]++] = key;
            }
            long[] swapArray = source;
            source = target;
            target = swapArray;
            int swapBase = sourceBase;
            sourceBase = targetBase;
            targetBase = swapBase;
        }
        if (source != a) {
            System.arraycopy(source, sourceBase, a, from, size);
        }
    }

    private static int log2(int n) {
        return 31 - Integer.numberOfLeadingZeros(n);
    }

    /** Keys of one bucket: insertion sort on their unsigned value. */
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
