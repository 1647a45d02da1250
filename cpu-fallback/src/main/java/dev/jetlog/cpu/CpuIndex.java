// An index of the CPU backend: a HISA index over a row set, built in full when first needed. A join
// whose few input rows look up one-column keys in many rows (a late iteration's delta against a merged
// tier) gets instead, a few times, an index over just the rows its keys match, found by one pass over
// the key column: a full build sorts every row for what may be a hundred lookups.
package dev.jetlog.cpu;

import dev.jetlog.cpu.hisa.HisaIndex;
import dev.jetlog.cpu.hisa.Parallel;
import dev.jetlog.cpu.hisa.RunLookup;
import dev.jetlog.hisa.Tuples;
import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.seminaive.spi.Index;
import dev.jetlog.seminaive.spi.Rows;

final class CpuIndex implements Index {
    /** A join takes an index over some rows only where the rows are this many times its input rows. */
    static final int ROWS_PER_INPUT_ROW = 16;
    /**
     * How many passes over the rows such joins may make in all before the index is built in full: a pass
     * costs a fraction of the full build's sort, so a few of them never cost much more than the build.
     */
    static final int PASSES_BEFORE_BUILD = 4;

    private final IndexSpec spec;
    private final CpuRows rows;
    private final Parallel parallel;
    private HisaIndex full;
    private int passes;

    CpuIndex(IndexSpec spec, CpuRows rows, Parallel parallel) {
        this.spec = spec;
        this.rows = rows;
        this.parallel = parallel;
    }

    @Override
    public IndexSpec spec() {
        return spec;
    }

    @Override
    public Rows rows() {
        return rows;
    }

    /** The full index, built now if it was not yet. */
    synchronized HisaIndex hisa() {
        if (full == null) {
            full = HisaIndex.build(rows.tuples(), spec.order(), spec.keyLength(), parallel);
        }
        return full;
    }

    /** True once the full index exists. */
    synchronized boolean built() {
        return full != null;
    }

    /** Bytes the index holds now (none before it is built: an index over some rows lives for one join). */
    synchronized long bytes() {
        return full == null ? 0 : full.bytes();
    }

    /** True if a join of inputRows rows would read an index over just the rows its keys match. */
    synchronized boolean takesSomeRows(long inputRows, int keyLength) {
        return full == null && keyLength == 1 && spec.keyLength() == 1 && passes < PASSES_BEFORE_BUILD
                && HisaIndex.sortsOnFirstColumn(spec.order())
                && inputRows <= rows.size() / ROWS_PER_INPUT_ROW;
    }

    /**
     * What the join of input rows [first, first + count) reads: the index over just the rows its keys
     * match where {@link #takesSomeRows} says so, else the full index.
     */
    RunLookup lookupFor(JoinOperator join, Tuples input, int first, int count) {
        synchronized (this) {
            if (!takesSomeRows(count, join.keyLength())) {
                return hisa();
            }
            passes++;
        }
        return HisaIndex.buildForKeys(rows.tuples(), spec.order(), join.lookedUpKeys(input, first, count), parallel);
    }
}
