// Correlated aggregate on the CPU: for each input row, folds count/sum/min/max/mean over the matching
// tuples of the HISA index that pass the inner filters; min and max of nothing drop the row.
package dev.jetlog.cpu;

import dev.jetlog.cpu.hisa.HisaIndex;
import dev.jetlog.cpu.hisa.Parallel;
import dev.jetlog.hisa.Tuples;
import dev.jetlog.parser.ast.AggregateKind;
import dev.jetlog.planner.ir.AggregateStep;
import dev.jetlog.planner.ir.ValueType;

final class AggregateOperator {
    private final RowFilter inner;
    private final RowExpr target;
    private final RowFilter after;
    private final KeyMaker keyMaker;
    private final Projection projection;
    private final AggregateKind kind;
    private final ValueType type;

    AggregateOperator(AggregateStep step, ExprCompiler compiler) {
        inner = compiler.all(step.innerFilters());
        target = step.target() == null ? null : compiler.compile(step.target());
        after = compiler.all(step.filters());
        keyMaker = new KeyMaker(step.key(), compiler);
        projection = new Projection(step.output(), compiler);
        kind = step.kind();
        type = step.type();
    }

    Tuples run(Tuples input, HisaIndex index, Parallel parallel) {
        int width = input.arity();
        int[] in = input.data();
        int[] tuples = index.rows().data();
        int arity = index.rows().arity();
        return ChunkedOutput.run(parallel, input.size(), projection.width(), (from, to, out) -> {
            int[] key = new int[keyMaker.length()];
            for (int row = from; row < to; row++) {
                int inBase = row * width;
                keyMaker.make(in, inBase, key);
                int slot = index.find(key);
                int value = 0;
                boolean any = false;
                int matches = 0;
                if (slot >= 0) {
                    int end = index.start(slot) + index.count(slot);
                    for (int position = index.start(slot); position < end; position++) {
                        int tupleBase = index.rowAt(position) * arity;
                        if (inner != null && !inner.test(in, inBase, tuples, tupleBase, 0)) {
                            continue;
                        }
                        value = fold(kind, type, any, value, target, in, inBase, tuples, tupleBase);
                        any = true;
                        matches++;
                    }
                }
                if (!any && kind.dropsEmpty()) {
                    continue;
                }
                if (kind == AggregateKind.MEAN) {
                    value = Values.floatBits(Float.intBitsToFloat(value) / matches);
                }
                if (after == null || after.test(in, inBase, null, 0, value)) {
                    projection.write(in, inBase, null, 0, value, out);
                }
            }
        });
    }

    private static int fold(AggregateKind kind, ValueType type, boolean any, int acc, RowExpr target,
                            int[] in, int inBase, int[] tuples, int tupleBase) {
        if (kind == AggregateKind.COUNT) {
            return acc + 1;
        }
        int value = target.eval(in, inBase, tuples, tupleBase, 0);
        return switch (kind) {
            case SUM, MEAN -> Values.sum(type, acc, value);
            case MIN -> !any || Values.less(type, value, acc) ? value : acc;
            case MAX -> !any || Values.less(type, acc, value) ? value : acc;
            case COUNT -> throw new IllegalStateException();
        };
    }
}
