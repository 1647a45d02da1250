// Rows of the CPU backend: HISA tuples in a JVM array (which may have headroom past the last row, so
// that a merge into a consumed full version can happen in place).
package dev.jetlog.cpu;

import dev.jetlog.hisa.Tuples;
import dev.jetlog.seminaive.spi.Rows;

final class CpuRows implements Rows {
    final Tuples tuples;

    CpuRows(Tuples tuples) {
        this.tuples = tuples;
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
