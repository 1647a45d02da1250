// Anti-join on the CPU: keeps the input rows whose key has no match in the HISA index.
package dev.jetlog.cpu;

import dev.jetlog.hisa.HisaIndex;
import dev.jetlog.hisa.Parallel;
import dev.jetlog.hisa.Tuples;
import dev.jetlog.planner.ir.AntiJoinStep;

final class AntiJoinOperator {
    private AntiJoinOperator() {
    }

    static Tuples run(AntiJoinStep step, Tuples input, HisaIndex index, Parallel parallel) {
        RowFilter filter = ExprCompiler.all(step.filters());
        KeyMaker keyMaker = new KeyMaker(step.key());
        Projection projection = new Projection(step.output());
        int width = input.arity();
        int[] in = input.data();
        return ChunkedOutput.run(parallel, input.size(), projection.width(), (from, to, out) -> {
            int[] key = new int[keyMaker.length()];
            for (int row = from; row < to; row++) {
                int inBase = row * width;
                if (filter != null && !filter.test(in, inBase, null, 0, 0)) {
                    continue;
                }
                keyMaker.make(in, inBase, key);
                if (index.find(key) < 0) {
                    projection.write(in, inBase, null, 0, 0, out);
                }
            }
        });
    }
}
