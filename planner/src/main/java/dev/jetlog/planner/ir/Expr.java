// A scalar expression over the columns visible in a step, evaluated on 32-bit values.
package dev.jetlog.planner.ir;

import java.util.function.IntConsumer;

public sealed interface Expr permits ColumnRef, Constant, Arithmetic, Negate {
    /** True if the expression reads a column of the given side. */
    boolean reads(Side side);

    /** Calls action with every column of the side that the expression reads (repeats included). */
    static void forEachColumn(Expr expr, Side side, IntConsumer action) {
        if (expr instanceof ColumnRef ref) {
            if (ref.side() == side) {
                action.accept(ref.column());
            }
        } else if (expr instanceof Arithmetic arithmetic) {
            forEachColumn(arithmetic.left(), side, action);
            forEachColumn(arithmetic.right(), side, action);
        } else if (expr instanceof Negate negate) {
            forEachColumn(negate.operand(), side, action);
        }
    }
}
