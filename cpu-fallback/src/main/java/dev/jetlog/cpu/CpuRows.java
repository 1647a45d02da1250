// Rows of the CPU backend: HISA tuples in a JVM array (which may have headroom past the last row, so
// that a merge into a consumed full version can happen in place), or a view of a range of another row
// set's rows (a slice): a join reads the range where it lies; any other operator gets a copy, made once.
package dev.jetlog.cpu;

import dev.jetlog.hisa.Tuples;
import dev.jetlog.seminaive.spi.Rows;

import java.util.Arrays;

final class CpuRows implements Rows {
    /** The rows these lie in: all of them, or for a view, a larger set. */
    private final Tuples whole;
    /** The first of whole's rows that these are. */
    private final int first;
    private final int count;
    /** These rows as tuples of their own: whole itself, or for a view its copy, once one was asked for. */
    private Tuples own;

    CpuRows(Tuples tuples) {
        this.whole = tuples;
        this.first = 0;
        this.count = tuples.size();
        this.own = tuples;
    }

    private CpuRows(Tuples whole, int first, int count) {
        this.whole = whole;
        this.first = first;
        this.count = count;
    }

    /** Rows [from, to) of these, sharing their array. */
    CpuRows slice(long from, long to) {
        if (from < 0 || to < from || to > count) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of " + count);
        }
        return new CpuRows(whole, first + (int) from, (int) (to - from));
    }

    /** These rows as tuples of their own (a view's are copied out of the shared array on first use). */
    Tuples tuples() {
        if (own == null) {
            int arity = whole.arity();
            own = new Tuples(arity, Arrays.copyOfRange(whole.data(), first * arity, (first + count) * arity), count);
        }
        return own;
    }

    /** Bytes of the array these rows hold (headroom included); a view counts its rows, held by another. */
    long bytes() {
        return own != null ? (long) own.data().length * Integer.BYTES : (long) count * whole.arity() * Integer.BYTES;
    }

    /** The row set these rows lie in; they are its rows [first(), first() + size()). */
    Tuples whole() {
        return whole;
    }

    int first() {
        return first;
    }

    @Override
    public int arity() {
        return whole.arity();
    }

    @Override
    public long size() {
        return count;
    }
}
