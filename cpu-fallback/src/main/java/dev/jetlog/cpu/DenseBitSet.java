// A dense set of rows on the CPU: one bit per row of a box of column values, in a long array that
// worker threads set bits in atomically, so that each row is claimed by exactly one of them.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.spi.DenseSet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

final class DenseBitSet implements DenseSet {
    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    private final int arity;
    private final int[] minimum;
    /** Per column, how many values the box holds (maximum - minimum + 1). */
    private final long[] spans;
    /** Per column, the distance between the bits of rows that differ by one in it (later columns vary fastest). */
    private final long[] strides;
    private final long[] words;

    private DenseBitSet(int arity, int[] minimum, long[] spans, long bits) {
        this.arity = arity;
        this.minimum = minimum.clone();
        this.spans = spans;
        this.strides = new long[arity];
        long stride = 1;
        for (int c = arity - 1; c >= 0; c--) {
            strides[c] = stride;
            stride *= spans[c];
        }
        this.words = new long[(int) ((bits + 63) >>> 6)];
    }

    /** The set over the box, or null if the box is empty or its bits would take more than maxBytes. */
    static DenseBitSet create(int arity, int[] minimum, int[] maximum, long maxBytes) {
        if (arity == 0) {
            return null;
        }
        long maxBits = Math.min(maxBytes, (Integer.MAX_VALUE - 16L) * Long.BYTES) * Byte.SIZE;
        long bits = 1;
        long[] spans = new long[arity];
        for (int c = 0; c < arity; c++) {
            long span = (long) maximum[c] - minimum[c] + 1;
            if (span <= 0 || bits > maxBits / span) {
                return null;
            }
            spans[c] = span;
            bits *= span;
        }
        return new DenseBitSet(arity, minimum, spans, bits);
    }

    @Override
    public int arity() {
        return arity;
    }

    int minimum(int column) {
        return minimum[column];
    }

    long span(int column) {
        return spans[column];
    }

    long stride(int column) {
        return strides[column];
    }

    long bytes() {
        return (long) words.length * Long.BYTES;
    }

    /** The bit of the row at data[base, base + arity), or -1 if the row lies outside the box. */
    long bitOf(int[] data, int base) {
        long bit = 0;
        for (int c = 0; c < arity; c++) {
            long offset = (long) data[base + c] - minimum[c];
            long span = spans[c];
            if (offset < 0 || offset >= span) {
                return -1;
            }
            bit = bit * span + offset;
        }
        return bit;
    }

    /** Sets the bit; true if this call set it (it was clear), false if it was set already. */
    boolean add(long bit) {
        int word = (int) (bit >>> 6);
        long mask = 1L << bit;
        if (((long) WORDS.getOpaque(words, word) & mask) != 0) {
            return false;
        }
        long before = (long) WORDS.getAndBitwiseOr(words, word, mask);
        return (before & mask) == 0;
    }
}
