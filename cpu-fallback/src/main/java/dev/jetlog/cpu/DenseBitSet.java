// A dense set of rows on the CPU: one bit per row of a box of column values, in a long array that
// worker threads set bits in atomically, so that each row is claimed by exactly one of them. A column
// takes either its whole value range, or, where its values are sparse in that range, only the values
// it held when the set was made (numbered in order through a dictionary array over the range). A second
// bit array records the rows added since they were last taken, with a flag per block of it that any
// row touched; since a row's bit number grows with the row in canonical order, taking them is a scan
// of the flagged blocks that yields the new rows already sorted.
package dev.jetlog.cpu;

import dev.jetlog.cpu.hisa.ColumnRanges;
import dev.jetlog.cpu.hisa.Parallel;
import dev.jetlog.hisa.Tuples;
import dev.jetlog.seminaive.spi.DenseSet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

final class DenseBitSet implements DenseSet {
    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
    /** Words of the added bits per block flag: a flagged block is scanned whole. */
    private static final int BLOCK_WORDS_LOG = 6;
    /** Rows sampled to tell early that no dictionary can make the box fit. */
    private static final long SAMPLE_ROWS = 1 << 16;

    private final int arity;
    private final int[] minimum;
    /** Per column, the size of its value range (maximum - minimum + 1). */
    private final long[] ranges;
    /** Per column, value - minimum to its digit (-1: not in the set's box), or null where the digit is that offset. */
    private final int[][] digitOf;
    /** Per column with a dictionary, digit to value. */
    private final int[][] valueOf;
    /** Per column, how many digits it has: the box's extent in that column. */
    private final long[] sizes;
    /** Per column, the distance between the bits of rows that differ by one digit in it (later columns vary fastest). */
    private final long[] strides;
    private final long[] words;
    private final long[] added;
    /** Per block of added words, nonzero if a bit in it may be set. */
    private final byte[] touched;

    private DenseBitSet(int[] minimum, long[] ranges, int[][] digitOf, int[][] valueOf, long[] sizes, long bits) {
        this.arity = minimum.length;
        this.minimum = minimum;
        this.ranges = ranges;
        this.digitOf = digitOf;
        this.valueOf = valueOf;
        this.sizes = sizes;
        this.strides = new long[arity];
        long stride = 1;
        for (int c = arity - 1; c >= 0; c--) {
            strides[c] = stride;
            stride *= sizes[c];
        }
        int wordCount = (int) ((bits + 63) >>> 6);
        this.words = new long[wordCount];
        this.added = new long[wordCount];
        this.touched = new byte[(wordCount >>> BLOCK_WORDS_LOG) + 1];
    }

    /**
     * The set over the values the rows' columns take, holding the rows (with nothing recorded as added), or
     * null if it would take more than maxBytes. Each column spans its value range; where that box does not
     * fit, a column whose distinct values fill less than half its range takes only those values (through
     * a dictionary, if that fits too). Where domains gives a column's sorted distinct values (the values it
     * can take at all; null, or a null column, where they are not known ahead), the box spans them too, so
     * that rows derived later are inside it; where that box does not fit, it spans the rows' values alone.
     */
    static DenseBitSet create(List<Tuples> rows, int[][] domains, long maxBytes, Parallel parallel) {
        if (domains != null && domainsMayFit(domains, maxBytes)) {
            DenseBitSet set = createOver(rows, domains, maxBytes, parallel);
            if (set != null) {
                return set;
            }
        }
        return createOver(rows, new int[rows.get(0).arity()][], maxBytes, parallel);
    }

    /** False where the known domains alone make a box too big for the budget (nothing to look at rows for). */
    private static boolean domainsMayFit(int[][] domains, long maxBytes) {
        long[] sizes = new long[domains.length];
        for (int c = 0; c < domains.length; c++) {
            sizes[c] = domains[c] == null ? 1 : Math.max(1, domains[c].length);
        }
        return bitsWithin(sizes, maxBytes / 2 * Byte.SIZE);
    }

    private static DenseBitSet createOver(List<Tuples> rows, int[][] domains, long maxBytes, Parallel parallel) {
        int arity = rows.get(0).arity();
        if (arity == 0) {
            return null;
        }
        int[] identity = new int[arity];
        java.util.Arrays.setAll(identity, c -> c);
        int[] minimum = new int[arity];
        int[] maximum = new int[arity];
        java.util.Arrays.fill(minimum, Integer.MAX_VALUE);
        java.util.Arrays.fill(maximum, Integer.MIN_VALUE);
        for (Tuples part : rows) {
            int[][] range = ColumnRanges.ranges(part, identity, parallel);
            for (int c = 0; c < arity; c++) {
                minimum[c] = Math.min(minimum[c], range[0][c]);
                maximum[c] = Math.max(maximum[c], range[1][c]);
            }
        }
        for (int c = 0; c < arity; c++) {
            if (domains[c] != null && domains[c].length > 0) {
                minimum[c] = Math.min(minimum[c], domains[c][0]);
                maximum[c] = Math.max(maximum[c], domains[c][domains[c].length - 1]);
            }
        }
        long budget = maxBytes;
        long[] ranges = new long[arity];
        long[] sizes = new long[arity];
        int[][] digitOf = new int[arity][];
        int[][] valueOf = new int[arity][];
        for (int c = 0; c < arity; c++) {
            ranges[c] = (long) maximum[c] - minimum[c] + 1;
            if (ranges[c] <= 0) {
                return null;
            }
            sizes[c] = ranges[c];
        }
        // whole ranges where they fit: values first derived later, inside the ranges, are inside the box too
        boolean rangesFit = bitsWithin(sizes, maxBytes / 2 * Byte.SIZE);
        if (!rangesFit && !bitsWithin(fewestDistinct(rows, domains, minimum, ranges, maxBytes), maxBytes / 2 * Byte.SIZE)) {
            return null; // even the values a sample of the rows takes make too big a box: no dictionary can help
        }
        for (int c = 0; c < arity; c++) {
            // a column whose domain is known takes only its values even where the range fits: nothing
            // derived later lies outside them
            if ((!rangesFit || domains[c] != null) && dictionaryAllowed(ranges[c], maxBytes)) {
                int[] digits = dictionary(rows, domains[c], c, minimum[c], (int) ranges[c]);
                int distinct = 0;
                for (int digit : digits) {
                    distinct = Math.max(distinct, digit + 1);
                }
                if (2L * distinct < ranges[c]) {
                    digitOf[c] = digits;
                    valueOf[c] = new int[distinct];
                    for (int offset = 0; offset < digits.length; offset++) {
                        if (digits[offset] >= 0) {
                            valueOf[c][digits[offset]] = minimum[c] + offset;
                        }
                    }
                    sizes[c] = distinct;
                    budget -= (long) (digits.length + distinct) * Integer.BYTES;
                }
            }
        }
        // two bit arrays: what the set holds, and what was added since last taken
        if (!bitsWithin(sizes, Math.min(budget / 2, (Integer.MAX_VALUE - 16L) * Long.BYTES) * Byte.SIZE)) {
            return null;
        }
        long bits = 1;
        for (long size : sizes) {
            bits *= size;
        }
        DenseBitSet set = new DenseBitSet(minimum, ranges, digitOf, valueOf, sizes, bits);
        for (Tuples part : rows) {
            int[] data = part.data();
            parallel.forEachChunk(part.size(), parallel.chunksFor(part.size(), 1 << 14), (chunk, from, to) -> {
                for (int row = from; row < to; row++) {
                    long bit = set.bitOf(data, row * arity);
                    WORDS.getAndBitwiseOr(set.words, (int) (bit >>> 6), 1L << bit);
                }
            });
        }
        return set;
    }

    /**
     * Per column, a lower bound on the box's size along it: the whole range where no dictionary may be made
     * (the test below), else the distinct values among up to SAMPLE_ROWS rows spread evenly over the rows.
     */
    private static long[] fewestDistinct(List<Tuples> rows, int[][] domains, int[] minimum, long[] ranges,
                                         long maxBytes) {
        long total = 0;
        for (Tuples part : rows) {
            total += part.size();
        }
        long step = Math.max(1, total / SAMPLE_ROWS);
        long[] bounds = ranges.clone();
        for (int c = 0; c < ranges.length; c++) {
            if (!dictionaryAllowed(ranges[c], maxBytes)) {
                continue; // the box spans the whole range
            }
            long[] seen = new long[(int) ((ranges[c] + 63) >>> 6)];
            long distinct = 0;
            long next = 0; // the next sampled row, counted over all parts
            long base = 0; // the first row of this part, counted likewise
            for (Tuples part : rows) {
                int[] data = part.data();
                int arity = part.arity();
                for (; next < base + part.size(); next += step) {
                    int offset = data[(int) (next - base) * arity + c] - minimum[c];
                    long bit = 1L << offset;
                    if ((seen[offset >>> 6] & bit) == 0) {
                        seen[offset >>> 6] |= bit;
                        distinct++;
                    }
                }
                base += part.size();
            }
            bounds[c] = Math.max(1, Math.max(distinct, domains[c] == null ? 0 : domains[c].length));
        }
        return bounds;
    }

    /** A dictionary costs two ints per value of the column's range: allowed where that fits in a quarter of the budget. */
    private static boolean dictionaryAllowed(long range, long maxBytes) {
        return range * 2 * Integer.BYTES <= maxBytes / 4 && range < Integer.MAX_VALUE;
    }

    /** True if a box of these sizes has at most maxBits bits. */
    private static boolean bitsWithin(long[] sizes, long maxBits) {
        long bits = 1;
        for (long size : sizes) {
            if (bits > maxBits / size) {
                return false;
            }
            bits *= size;
        }
        return true;
    }

    /**
     * Per value offset of column c in the rows and its domain (if any), its digit: the rank of the value among
     * the column's distinct values; -1 for absent ones.
     */
    private static int[] dictionary(List<Tuples> rows, int[] domain, int column, int minimum, int range) {
        int[] digits = new int[range];
        java.util.Arrays.fill(digits, -1);
        if (domain != null) {
            for (int value : domain) {
                digits[value - minimum] = 0;
            }
        }
        for (Tuples part : rows) {
            int[] data = part.data();
            int arity = part.arity();
            for (int row = 0; row < part.size(); row++) {
                digits[data[row * arity + column] - minimum] = 0;
            }
        }
        int next = 0;
        for (int offset = 0; offset < range; offset++) {
            if (digits[offset] == 0) {
                digits[offset] = next++;
            }
        }
        return digits;
    }

    @Override
    public int arity() {
        return arity;
    }

    /** The digit of a value in column c, or -1 if the value lies outside the set's box. */
    long digit(int column, int value) {
        long offset = (long) value - minimum[column];
        if (offset < 0 || offset >= ranges[column]) {
            return -1;
        }
        int[] dictionary = digitOf[column];
        return dictionary == null ? offset : dictionary[(int) offset];
    }

    int minimum(int column) {
        return minimum[column];
    }

    /** The size of the column's value range. */
    long range(int column) {
        return ranges[column];
    }

    /** The column's dictionary (value - minimum to digit, -1 outside the box), or null if digits are offsets. */
    int[] dictionary(int column) {
        return digitOf[column];
    }

    long stride(int column) {
        return strides[column];
    }

    long bytes() {
        long bytes = 2L * words.length * Long.BYTES + touched.length;
        for (int c = 0; c < arity; c++) {
            if (digitOf[c] != null) {
                bytes += (long) (digitOf[c].length + valueOf[c].length) * Integer.BYTES;
            }
        }
        return bytes;
    }

    /** The bit of the row at data[base, base + arity), or -1 if the row lies outside the box. */
    long bitOf(int[] data, int base) {
        long bit = 0;
        for (int c = 0; c < arity; c++) {
            long digit = digit(c, data[base + c]);
            if (digit < 0) {
                return -1;
            }
            bit += digit * strides[c];
        }
        return bit;
    }

    /** Writes the row of the bit at out[at, at + arity), and its digits into digits. */
    private void decode(long bit, long[] digits, int[] out, int at) {
        for (int c = arity - 1; c >= 0; c--) {
            long digit = bit % sizes[c];
            bit /= sizes[c];
            digits[c] = digit;
            out[at + c] = valueOf[c] == null ? (int) (digit + minimum[c]) : valueOf[c][(int) digit];
        }
    }

    /** Sets the bit; true if this call set it (it was clear, and is now recorded as added). */
    boolean add(long bit) {
        int word = (int) (bit >>> 6);
        long mask = 1L << bit;
        if (((long) WORDS.getOpaque(words, word) & mask) != 0) {
            return false;
        }
        // recorded as added before it is held, so that a reader who sees it held sees it added too
        // (heldBefore); a thread that loses the race below has recorded the same bit, which is harmless
        WORDS.getAndBitwiseOr(added, word, mask);
        long before = (long) WORDS.getAndBitwiseOr(words, word, mask);
        if ((before & mask) != 0) {
            return false;
        }
        // every writer stores the same value, and the parallel operator's end publishes it
        touched[word >>> BLOCK_WORDS_LOG] = 1;
        return true;
    }

    /**
     * True if the set held the bit's row before the rows added since the last takeAdded: exactly the
     * relation's full version inside the box, whatever other threads add meanwhile.
     */
    boolean heldBefore(long bit) {
        int word = (int) (bit >>> 6);
        long mask = 1L << bit;
        if (((long) WORDS.getAcquire(words, word) & mask) == 0) {
            return false;
        }
        return ((long) WORDS.getAcquire(added, word) & mask) == 0;
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
        long lastSize = sizes[last];
        int[] lastValues = valueOf[last];
        parallel.forEachChunk(blocks, chunks, (chunk, from, to) -> {
            int at = (int) counts[chunk] * arity;
            int[] first = new int[arity];
            long[] digits = new long[arity];
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
                    decode(wordBit, digits, first, 0);
                    long firstLast = digits[last];
                    while (bits != 0) {
                        int offset = Long.numberOfTrailingZeros(bits);
                        bits &= bits - 1;
                        long lastDigit = firstLast + offset;
                        if (lastDigit < lastSize) {
                            System.arraycopy(first, 0, out, at, last);
                            out[at + last] = lastValues == null ? (int) (lastDigit + minimum[last]) : lastValues[(int) lastDigit];
                        } else {
                            decode(wordBit + offset, digits, out, at);
                        }
                        at += arity;
                    }
                }
            }
        });
        return new Tuples(arity, out, (int) counts[chunks]);
    }
}
