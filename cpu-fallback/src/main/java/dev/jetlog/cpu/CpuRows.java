// Rows of the CPU backend: HISA tuples in a JVM array. A merged full version also remembers the
// array of the version it replaced (softly, so the GC may take it), to merge into next time
// instead of allocating and zeroing a new one every iteration.
package dev.jetlog.cpu;

import dev.jetlog.hisa.Tuples;
import dev.jetlog.seminaive.spi.Rows;

import java.lang.ref.SoftReference;

final class CpuRows implements Rows {
    final Tuples tuples;
    private final SoftReference<int[]> spare;

    CpuRows(Tuples tuples) {
        this(tuples, null);
    }

    CpuRows(Tuples tuples, int[] spare) {
        this.tuples = tuples;
        this.spare = spare == null ? null : new SoftReference<>(spare);
    }

    /** The spare array if it is still there and holds at least the given number of ints. */
    int[] spare(long ints) {
        int[] array = spare == null ? null : spare.get();
        return array != null && array.length >= ints ? array : null;
    }

    @Override
    public int arity() {
        return tuples.arity();
    }

    @Override
    public long size() {
        return tuples.size();
    }
}
