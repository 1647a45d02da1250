// LongRadixSort against Arrays.sort: keys from an array (one or several segments) and rows packed on the
// fly (one array cut into segments, or separate pieces), with and without dropping repeats, for inputs
// below and above the small-input cut-off and on one and two threads.
package dev.jetlog.cpu.hisa;

import dev.jetlog.hisa.KeyPacking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class LongRadixSortTest {
    @ParameterizedTest
    @CsvSource({"1, 0, 10", "1, 100, 20", "2, 5000, 12", "2, 200000, 40", "1, 150000, 63", "2, 300000, 7"})
    void sortsKeysOfAnArrayAsArraysSortDoes(int threads, int n, int bits) {
        Random random = new Random(n * 31L + bits);
        long[] keys = new long[n + 5]; // longer than n: only the first n are sorted
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong() & mask;
        }
        long[] expected = Arrays.copyOf(keys, n);
        Arrays.sort(expected);
        try (Parallel parallel = Parallel.of(threads)) {
            long[] sorted = LongRadixSort.sort(keys.clone(), n, bits, parallel);
            assertArrayEquals(expected, Arrays.copyOf(sorted, n));
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 3000, 50", "2, 3000, 50", "2, 200000, 1000", "2, 200000, 70000", "1, 140000, 300"})
    void sortsPackedRowsAndDropsRepeats(int threads, int rows, int range) {
        Random random = new Random(rows * 7L + range);
        int[] data = new int[rows * 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextInt(range) - range / 3;
        }
        KeyPacking packing = KeyPacking.ofRanges(2, new int[] {0, 1}, new int[] {-range / 3, -range / 3},
                new int[] {range - range / 3, range - range / 3});
        long[] expected = new long[rows];
        for (int r = 0; r < rows; r++) {
            expected[r] = packing.pack(data, r);
        }
        Arrays.sort(expected);
        long[] distinct = Arrays.stream(expected).distinct().toArray();
        try (Parallel parallel = Parallel.of(threads)) {
            SortKeys whole = SortKeys.ofRows(data, rows, LongRadixSort.segmentsFor(rows, parallel), packing);
            assertArrayEquals(distinct, keysOf(LongRadixSort.sortBuckets(whole, packing.bits(), true, parallel)));
            assertArrayEquals(expected, keysOf(LongRadixSort.sortBuckets(whole, packing.bits(), false, parallel)));
            // the same rows in three separate pieces of uneven size
            int cut1 = rows / 5;
            int cut2 = rows / 2;
            int[][] pieces = {Arrays.copyOfRange(data, 0, cut1 * 2), Arrays.copyOfRange(data, cut1 * 2, cut2 * 2),
                    Arrays.copyOfRange(data, cut2 * 2, rows * 2)};
            SortKeys split = SortKeys.ofRows(pieces, new int[] {cut1, cut2 - cut1, rows - cut2}, packing);
            assertArrayEquals(distinct, keysOf(LongRadixSort.sortBuckets(split, packing.bits(), true, parallel)));
        }
    }

    /** The keys of all buckets, in bucket order. */
    private static long[] keysOf(LongRadixSort.Buckets buckets) {
        long[] all = new long[buckets.total()];
        int at = 0;
        for (int b = 0; b < buckets.bucketCount(); b++) {
            System.arraycopy(buckets.keys(), buckets.start(b), all, at, buckets.count(b));
            at += buckets.count(b);
        }
        return all;
    }
}
