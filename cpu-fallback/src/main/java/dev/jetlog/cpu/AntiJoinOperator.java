// Anti-join on the CPU: keeps the input rows whose key has no match in the HISA index.
package dev.jetlog.cpu;

import dev.jetlog.cpu.hisa.HisaIndex;
import dev.jetlog.cpu.hisa.Parallel;
import dev.jetlog.hisa.Tuples;
import dev.jetlog.planner.ir.AntiJoinStep;

final class AntiJoinOperator {
    private final RowFilter filter;
    private final KeyMaker keyMaker;
    private final Projection projection;

    AntiJoinOperator(AntiJoinStep step, ExprCompiler compiler) {
        filter = compiler.all(step.filters());
        keyMaker = new KeyMaker(step.key(), compiler);
        projection = new Projection(step.output(), compiler);
    }

    Tuples run(Tuples input, HisaIndex index, Parallel parallel) {
        int width = input.arity();
        int[] in = input.data();
        return ChunkedOutput.run(parallel, input.size(), projection.width(), (from, to, out) -> {
            int[] key = new int[keyMaker.length()];
            for (int row = from; row < to; row++) {
                int inBase = row * width;
                if (filter != null && !filter.test(in, inBase, RowExpr.NO_ROW, 0, 0)) {
                    continue;
                }
                keyMaker.make(in, inBase, key);
                if (index.find(key) < 0) {
                    projection.write(in, inBase, RowExpr.NO_ROW, 0, 0, out);
                }
            }
        });
    }
}
