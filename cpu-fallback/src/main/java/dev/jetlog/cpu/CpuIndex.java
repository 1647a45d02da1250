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
    /** Fewer rows than this are indexed in full at once: their build costs less than a lookup's bookkeeping. */
    static final int MIN_ROWS_FOR_SOME = 1 << 12;

    private final IndexSpec spec;
    private final CpuRows rows;
    private final Parallel parallel;
    /** The full index once built; read without the lock on the path of every lookup. */
    private volatile HisaIndex full;
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
    HisaIndex hisa() {
        HisaIndex built = full;
        return built != null ? built : build();
    }

    private synchronized HisaIndex build() {
        if (full == null) {
            full = HisaIndex.build(rows.tuples(), spec.order(), spec.keyLength(), parallel);
        }
        return full;
    }

    /** True once the full index exists. */
    boolean built() {
        return full != null;
    }

    /** Bytes the index holds now (none before it is built: an index over some rows lives for one join). */
    long bytes() {
        HisaIndex built = full;
        return built == null ? 0 : built.bytes();
    }

    /** True if a join of inputRows rows would read an index over just the rows its keys match. */
    boolean takesSomeRows(long inputRows, int keyLength) {
        if (full != null || rows.size() < MIN_ROWS_FOR_SOME || keyLength != 1 || spec.keyLength() != 1
                || inputRows > rows.size() / ROWS_PER_INPUT_ROW || !HisaIndex.sortsOnFirstColumn(spec.order())) {
            return false;
        }
        synchronized (this) {
            return passes < PASSES_BEFORE_BUILD;
        }
    }

    /**
     * What the join of input rows [first, first + count) reads: the index over just the rows its keys
     * match where {@link #takesSomeRows} says so, else the full index.
     */
    RunLookup lookupFor(JoinOperator join, Tuples input, int first, int count) {
        HisaIndex built = full;
        if (built != null) {
            return built;
        }
        synchronized (this) {
            if (!takesSomeRows(count, join.keyLength())) {
                return hisa();
            }
            passes++;
        }
        return HisaIndex.buildForKeys(rows.tuples(), spec.order(), join.lookedUpKeys(input, first, count), parallel);
    }
}
