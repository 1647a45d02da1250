// Output rows of one worker chunk, appended to a list of int blocks: growing never copies what is
// already written, and a run of rows reserved at once is contiguous in one block. Rows are counted
// separately so that rows of width 0 count too. Nothing is allocated before the first row: most chunks
// of a long loop's one-row deltas write none.
package dev.jetlog.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

final class IntBuffer {
    private static final int MAX_BLOCK = 1 << 20;

    private static final int[] NO_INTS = new int[0];
    /**
     * The first block's least size. A chunk whose output spans more than one block is copied once more
     * when the chunks are joined: with 16, points-to 300 took 10% longer (its joins' chunks write tens of rows).
     */
    private static final int MIN_FIRST_BLOCK = 64;

    /** The blocks filled before current, or null while there are none. */
    private List<int[]> full;
    /** The ints written in each block of full (no boxing: this grows as blocks fill, on the join's path). */
    private int[] fullUsed;
    /** The block being written: none (an empty array) before the first row. */
    private int[] current = NO_INTS;
    private final int firstCapacity;
    private int used;
    private long ints;
    private int rows;

    IntBuffer(int initialCapacity) {
        firstCapacity = Math.max(MIN_FIRST_BLOCK, initialCapacity);
    }

    /**
     * Reserves count rows of width ints each, contiguous in {@link #current()}, and returns the offset
     * of the first one there.
     */
    int reserve(int count, int width) {
        int needed = count * width;
        if (needed < 0) {
            throw new OutOfMemoryError("intermediate result exceeds 2^31 values");
        }
        if (used + needed > current.length) {
            if (current == NO_INTS) {
                current = new int[Math.max(needed, firstCapacity)];
            } else {
                if (full == null) {
                    full = new ArrayList<>();
                    fullUsed = new int[8];
                } else if (full.size() == fullUsed.length) {
                    fullUsed = Arrays.copyOf(fullUsed, fullUsed.length * 2);
                }
                fullUsed[full.size()] = used;
                full.add(current);
                current = new int[Math.max(needed, (int) Math.min(MAX_BLOCK, current.length * 2L))];
                used = 0;
            }
        }
        int offset = used;
        used += needed;
        ints += needed;
        rows += count;
        if (ints > Integer.MAX_VALUE - 16) {
            throw new OutOfMemoryError("intermediate result exceeds 2^31 values");
        }
        return offset;
    }

    /** The block the last reservation lies in. */
    int[] current() {
        return current;
    }

    int rows() {
        return rows;
    }

    /** Total ints written. */
    int size() {
        return (int) ints;
    }

    /** If everything lies in one block, that block (possibly longer than size()); else null. */
    int[] single() {
        return full == null ? current : null;
    }

    /** Copies every written int, in order, to dest from position at. */
    void copyTo(int[] dest, int at) {
        if (full != null) {
            for (int i = 0; i < full.size(); i++) {
                int length = fullUsed[i];
                System.arraycopy(full.get(i), 0, dest, at, length);
                at += length;
            }
        }
        System.arraycopy(current, 0, dest, at, used);
    }
}
