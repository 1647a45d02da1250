// A set of int keys asked, once per row of a pass, whether it holds a value: a bitmap over the keys'
// range where that is narrow, else the sorted distinct keys searched by bisection.
package dev.jetlog.cpu.hisa;

import java.util.Arrays;

final class KeySet {
    /** The widest range a bitmap spans: 2^26 bits, 8 MB. */
    private static final long MAX_BITMAP_RANGE = 1L << 26;

    private final int minimum;
    private final int maximum;
    /** Bit (value - minimum) set for each key; null where the range is too wide. */
    private final long[] bits;
    /** The sorted distinct keys where there is no bitmap. */
    private final int[] sorted;

    private KeySet(int minimum, int maximum, long[] bits, int[] sorted) {
        this.minimum = minimum;
        this.maximum = maximum;
        this.bits = bits;
        this.sorted = sorted;
    }

    static KeySet of(int[] keys) {
        if (keys.length == 0) {
            return new KeySet(1, 0, null, new int[0]);
        }
        int minimum = Integer.MAX_VALUE;
        int maximum = Integer.MIN_VALUE;
        for (int key : keys) {
            minimum = Math.min(minimum, key);
            maximum = Math.max(maximum, key);
        }
        long range = (long) maximum - minimum + 1;
        if (range <= MAX_BITMAP_RANGE) {
            long[] bits = new long[(int) ((range + 63) >>> 6)];
            for (int key : keys) {
                int offset = key - minimum;
                bits[offset >>> 6] |= 1L << offset;
            }
            return new KeySet(minimum, maximum, bits, null);
        }
        int[] sorted = keys.clone();
        Arrays.sort(sorted);
        return new KeySet(minimum, maximum, null, sorted);
    }

    boolean contains(int value) {
        if (value < minimum || value > maximum) {
            return false;
        }
        if (bits != null) {
            int offset = value - minimum;
            return (bits[offset >>> 6] & 1L << offset) != 0;
        }
        return Arrays.binarySearch(sorted, value) >= 0;
    }
}
