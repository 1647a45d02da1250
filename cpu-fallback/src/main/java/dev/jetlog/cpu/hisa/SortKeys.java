// The input of LongRadixSort: keys in segments, each segment a range of a long array or rows of an int
// array packed into keys on the fly. One final class rather than a key-supplying lambda per caller, so
// that the sort's loops call one method: a call site that saw one lambda and then another sent the
// compiled loops back to the interpreter (the JIT had hoisted the receiver's type check out of them).
package dev.jetlog.cpu.hisa;

import dev.jetlog.hisa.KeyPacking;

import java.util.Arrays;

public final class SortKeys {
    private final int[] sizes;
    /** Per segment: its keys, from offsets[s] on; null where the segment is packed rows. */
    private final long[][] keys;
    /** Per segment: its rows, from row offsets[s] on; null where the segment is keys. */
    private final int[][] rows;
    private final int[] offsets;
    private final KeyPacking packing;

    private SortKeys(int[] sizes, long[][] keys, int[][] rows, int[] offsets, KeyPacking packing) {
        this.sizes = sizes;
        this.keys = keys;
        this.rows = rows;
        this.offsets = offsets;
        this.packing = packing;
    }

    /** keys[0, n), cut into the given number of nearly equal segments. */
    public static SortKeys ofArray(long[] keys, int n, int segments) {
        long[][] arrays = new long[segments][];
        Arrays.fill(arrays, keys);
        return new SortKeys(sizes(n, segments), arrays, new int[segments][], starts(n, segments), null);
    }

    /** Rows [0, n) of data packed by packing, cut into the given number of nearly equal segments. */
    public static SortKeys ofRows(int[] data, int n, int segments, KeyPacking packing) {
        int[][] arrays = new int[segments][];
        Arrays.fill(arrays, data);
        return new SortKeys(sizes(n, segments), new long[segments][], arrays, starts(n, segments), packing);
    }

    /** Segment s is rows [0, sizes[s]) of data[s], packed by packing. */
    public static SortKeys ofRows(int[][] data, int[] sizes, KeyPacking packing) {
        return new SortKeys(sizes.clone(), new long[data.length][], data.clone(), new int[data.length], packing);
    }

    private static int[] sizes(int n, int segments) {
        int[] sizes = new int[segments];
        for (int s = 0; s < segments; s++) {
            sizes[s] = Parallel.bound(n, segments, s + 1) - Parallel.bound(n, segments, s);
        }
        return sizes;
    }

    private static int[] starts(int n, int segments) {
        int[] starts = new int[segments];
        for (int s = 0; s < segments; s++) {
            starts[s] = Parallel.bound(n, segments, s);
        }
        return starts;
    }

    int segments() {
        return sizes.length;
    }

    int size(int segment) {
        return sizes[segment];
    }

    /** The number of keys in all segments. */
    long total() {
        long total = 0;
        for (int size : sizes) {
            total += size;
        }
        return total;
    }

    /** Copies the keys of the segment to out[at, at + size). */
    void copy(int segment, long[] out, int at) {
        int size = sizes[segment];
        int offset = offsets[segment];
        long[] segmentKeys = keys[segment];
        if (segmentKeys != null) {
            System.arraycopy(segmentKeys, offset, out, at, size);
            return;
        }
        int[] data = rows[segment];
        for (int i = 0; i < size; i++) {
            out[at + i] = packing.pack(data, offset + i);
        }
    }

    /** Counts the keys of the segment by their bits above lowBits, into counts. */
    void countTopDigits(int segment, int lowBits, int[] counts) {
        int size = sizes[segment];
        int offset = offsets[segment];
        long[] segmentKeys = keys[segment];
        if (segmentKeys != null) {
            for (int i = offset; i < offset + size; i++) {
                counts[(int) (segmentKeys[i] >>> lowBits)]++;
            }
            return;
        }
        int[] data = rows[segment];
        for (int i = offset; i < offset + size; i++) {
            counts[(int) (packing.pack(data, i) >>> lowBits)]++;
        }
    }

    /**
     * Writes each key of the segment to out at the next position of its top digit's bucket (positions
     * holds, per digit, where its next key goes, and is advanced).
     */
    void scatter(int segment, int lowBits, int[] positions, long[] out) {
        int size = sizes[segment];
        int offset = offsets[segment];
        long[] segmentKeys = keys[segment];
        if (segmentKeys != null) {
            for (int i = offset; i < offset + size; i++) {
                long key = segmentKeys[i];
                out[positions[(int) (key >>> lowBits)]++] = key;
            }
            return;
        }
        int[] data = rows[segment];
        for (int i = offset; i < offset + size; i++) {
            long key = packing.pack(data, i);
            out[positions[(int) (key >>> lowBits)]++] = key;
        }
    }
}
