// Scan on the CPU: every tuple of a relation that passes the filters, projected, in parallel chunks.
package dev.jetlog.cpu;

import dev.jetlog.hisa.Parallel;
import dev.jetlog.hisa.Tuples;
import dev.jetlog.planner.ir.ScanStep;

final class ScanOperator {
    private ScanOperator() {
    }

    static Tuples run(ScanStep step, Tuples relation, Parallel parallel) {
        RowFilter filter = ExprCompiler.all(step.filters());
        Projection projection = new Projection(step.output());
        int arity = relation.arity();
        int[] data = relation.data();
        return ChunkedOutput.run(parallel, relation.size(), projection.width(), (from, to, out) -> {
            for (int row = from; row < to; row++) {
                int base = row * arity;
                if (filter == null || filter.test(null, 0, data, base, 0)) {
                    projection.write(null, 0, data, base, 0, out);
                }
            }
        });
    }
}
