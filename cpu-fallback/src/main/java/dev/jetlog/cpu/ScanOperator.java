// Scan on the CPU: every tuple of a relation that passes the filters, projected, in parallel chunks,
// read in the order of the step's index. When the step skips repeats, a tuple is emitted only if no
// earlier tuple of its group (equal on the distinct columns, adjacent in that order) passed the filters.
// Without an index in that order, runDistinct reads the tuples as stored and skips repeats through a
// small hash set per chunk, then deduplicates what the chunks emitted.
package dev.jetlog.cpu;

import dev.jetlog.cpu.hisa.HisaIndex;
import dev.jetlog.cpu.hisa.Parallel;
import dev.jetlog.cpu.hisa.SortUnique;
import dev.jetlog.hisa.Hashing;
import dev.jetlog.hisa.Tuples;
import dev.jetlog.planner.ir.ScanStep;

import java.util.Arrays;

final class ScanOperator {
    private final RowFilter filter;
    private final Projection projection;
    private final boolean skipRepeats;
    private final int[] distinct;

    ScanOperator(ScanStep step, ExprCompiler compiler) {
        filter = compiler.all(step.filters());
        projection = new Projection(step.output(), compiler);
        skipRepeats = step.skipsRepeats();
        distinct = RepeatSkipping.columns(step.order().order(), 0, step.distinctColumns());
    }

    Tuples run(HisaIndex index, Parallel parallel) {
        int arity = index.rows().arity();
        int[] data = index.rows().data();
        return ChunkedOutput.run(parallel, index.size(), projection.width(), (from, to, out) -> {
            int lastEmitted = -1;
            if (skipRepeats && from > 0) {
                // the group of the chunk's first tuple may have started (and emitted) in the chunk before
                int first = index.rowAt(from) * arity;
                for (int p = from - 1; p >= 0; p--) {
                    int base = index.rowAt(p) * arity;
                    if (!RepeatSkipping.same(data, base, first, distinct)) {
                        break;
                    }
                    if (filter == null || filter.test(RowExpr.NO_ROW, 0, data, base, 0)) {
                        lastEmitted = base;
                        break;
                    }
                }
            }
            for (int position = from; position < to; position++) {
                int base = index.rowAt(position) * arity;
                if (skipRepeats && lastEmitted >= 0 && RepeatSkipping.same(data, lastEmitted, base, distinct)) {
                    continue;
                }
                if (filter == null || filter.test(RowExpr.NO_ROW, 0, data, base, 0)) {
                    projection.write(RowExpr.NO_ROW, 0, data, base, 0, out);
                    lastEmitted = base;
                }
            }
        });
    }

    /**
     * The scan's rows read from rows [first, first + count) of data as stored: each chunk keeps the rows
     * it emitted in a hash set on the distinct columns (emptied when it fills, which only lets repeats
     * through), and the rows emitted are deduplicated at the end. One row per distinct output, sorted.
     */
    Tuples runDistinct(Tuples whole, int first, int count, Parallel parallel) {
        int arity = whole.arity();
        int[] data = whole.data();
        Tuples emitted = ChunkedOutput.run(parallel, count, projection.width(), 64, count, (from, to, out) -> {
            EmittedKeys seen = new EmittedKeys(data, distinct);
            for (int row = first + from; row < first + to; row++) {
                int base = row * arity;
                if ((filter == null || filter.test(RowExpr.NO_ROW, 0, data, base, 0)) && seen.add(base)) {
                    projection.write(RowExpr.NO_ROW, 0, data, base, 0, out);
                }
            }
        });
        return SortUnique.sortUnique(emitted, parallel);
    }

    /** Bases of tuples emitted, in an open-addressing set keyed on the distinct columns; bounded in size. */
    private static final class EmittedKeys {
        private static final int CAPACITY = 1 << 14; // 64 KB of slots: stays in cache
        private final int[] data;
        private final int[] columns;
        private final int[] slots = new int[CAPACITY]; // base + 1, 0 for empty
        private int size;

        EmittedKeys(int[] data, int[] columns) {
            this.data = data;
            this.columns = columns;
        }

        /** True if no tuple equal on the columns was added since the set last filled. */
        boolean add(int base) {
            int slot = Hashing.hashRow(data, base, columns, columns.length) & (CAPACITY - 1);
            while (slots[slot] != 0) {
                if (RepeatSkipping.same(data, slots[slot] - 1, base, columns)) {
                    return false;
                }
                slot = (slot + 1) & (CAPACITY - 1);
            }
            if (size == CAPACITY / 2) {
                Arrays.fill(slots, 0);
                size = 0;
                slot = Hashing.hashRow(data, base, columns, columns.length) & (CAPACITY - 1);
            }
            slots[slot] = base + 1;
            size++;
            return true;
        }
    }
}
