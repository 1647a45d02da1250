// A dense set of rows on the CPU: one bit per row of a box of column values, in a long array that
// worker threads set bits in atomically, so that each row is claimed by exactly one of them. A second
// bit array records the rows added since they were last taken, with a flag per block of it that any
// row touched; since a row's bit number grows with the row in canonical order, taking them is a scan
// of the flagged blocks that yields the new rows already sorted.
package dev.jetlog.cpu;

import dev.jetlog.cpu.hisa.Parallel;
import dev.jetlog.hisa.Tuples;
import dev.jetlog.seminaive.spi.DenseSet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

final class DenseBitSet implements DenseSet {
    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
    /** Words of the added bits per block flag: a flagged block is scanned whole. */
    private static final int BLOCK_WORDS_LOG = 6;

    private final int arity;
    private final int[] minimum;
    /** Per column, how many values the box holds (maximum - minimum + 1). */
    private final long[] spans;
    /** Per column, the distance between the bits of rows that differ by one in it (later columns vary fastest). */
    private final long[] strides;
    private final long[] words;
    private final long[] added;
    /** Per block of added words, nonzero if a bit in it may be set. */
    private final byte[] touched;

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
        int wordCount = (int) ((bits + 63) >>> 6);
        this.words = new long[wordCount];
        this.added = new long[wordCount];
        this.touched = new byte[(wordCount >>> BLOCK_WORDS_LOG) + 1];
    }

    /** The set over the box, or null if the box is empty or the set would take more than maxBytes. */
    static DenseBitSet create(int arity, int[] minimum, int[] maximum, long maxBytes) {
        if (arity == 0) {
            return null;
        }
        // two bit arrays: what the set holds, and what was added since last taken
        long maxBits = Math.min(maxBytes / 2, (Integer.MAX_VALUE - 16L) * Long.BYTES) * Byte.SIZE;
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
        return 2L * words.length * Long.BYTES + touched.length;
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

    /** Writes the row of the bit at out[at, at + arity). */
    private void decode(long bit, int[] out, int at) {
        for (int c = arity - 1; c >= 0; c--) {
            out[at + c] = (int) (bit % spans[c] + minimum[c]);
            bit /= spans[c];
        }
    }

    /** Sets the bit; true if this call set it (it was clear, and is now recorded as added). */
    boolean add(long bit) {
        int word = (int) (bit >>> 6);
        long mask = 1L << bit;
        if (((long) WORDS.getOpaque(words, word) & mask) != 0) {
            return false;
        }
        long before = (long) WORDS.getAndBitwiseOr(words, word, mask);
        if ((before & mask) != 0) {
            return false;
        }
        WORDS.getAndBitwiseOr(added, word, mask);
        // every writer stores the same value, and the parallel operator's end publishes it
        touched[word >>> BLOCK_WORDS_LOG] = 1;
        return true;
    }

    /** The rows added since the last call, in canonical order; clears the record (blocks in parallel). */
    Tuples takeAdded(Parallel parallel) {
        int blocks = touched.length;
        int chunks = parallel.chunksFor(blocks, 1 << 8);
        long[] counts = new long[chunks + 1];
        parallel.forEachChunk(blocks, chunks, (chunk, from, to) -> {
            long count = 0;
            for (int block = from; block < to; block++) {
                if (touched[block] != 0) {
                    int end = Math.min(added.length, (block + 1) << BLOCK_WORDS_LOG);
                    for (int w = block << BLOCK_WORDS_LOG; w < end; w++) {
                        count += Long.bitCount(added[w]);
                    }
                }
            }
            counts[chunk + 1] = count;
        });
        for (int c = 0; c < chunks; c++) {
            counts[c + 1] += counts[c];
        }
        if ((long) counts[chunks] * arity > Integer.MAX_VALUE - 16) {
            throw new OutOfMemoryError("relation exceeds 2^31 values");
        }
        int[] out = new int[(int) counts[chunks] * arity];
        int last = arity - 1;
        long lastSpan = spans[last];
        parallel.forEachChunk(blocks, chunks, (chunk, from, to) -> {
            int at = (int) counts[chunk] * arity;
            int[] first = new int[arity];
            for (int block = from; block < to; block++) {
                if (touched[block] == 0) {
                    continue;
                }
                touched[block] = 0;
                int end = Math.min(added.length, (block + 1) << BLOCK_WORDS_LOG);
                for (int w = block << BLOCK_WORDS_LOG; w < end; w++) {
                    long bits = added[w];
                    if (bits == 0) {
                        continue;
                    }
                    added[w] = 0;
                    // decode the word's first bit once; the bits after it differ in the last column only,
                    // unless they cross into the next value of the columns before it
                    long wordBit = (long) w << 6;
                    decode(wordBit, first, 0);
                    long firstLast = first[last] - (long) minimum[last];
                    while (bits != 0) {
                        int offset = Long.numberOfTrailingZeros(bits);
                        bits &= bits - 1;
                        if (firstLast + offset < lastSpan) {
                            System.arraycopy(first, 0, out, at, last);
                            out[at + last] = first[last] + offset;
                        } else {
                            decode(wordBit + offset, out, at);
                        }
                        at += arity;
                    }
                }
            }
        });
        return new Tuples(arity, out, (int) counts[chunks]);
    }
}
