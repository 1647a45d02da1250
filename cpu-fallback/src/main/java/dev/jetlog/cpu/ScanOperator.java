// Scan on the CPU: every tuple of a relation that passes the filters, projected, in parallel chunks,
// read in the order of the step's index. When the step skips repeats, a tuple is emitted only if no
// earlier tuple of its group (equal on the distinct columns, adjacent in that order) passed the filters.
package dev.jetlog.cpu;

import dev.jetlog.cpu.hisa.HisaIndex;
import dev.jetlog.cpu.hisa.Parallel;
import dev.jetlog.hisa.Tuples;
import dev.jetlog.planner.ir.ScanStep;

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
                    if (filter == null || filter.test(null, 0, data, base, 0)) {
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
                if (filter == null || filter.test(null, 0, data, base, 0)) {
                    projection.write(null, 0, data, base, 0, out);
                    lastEmitted = base;
                }
            }
        });
    }
}
