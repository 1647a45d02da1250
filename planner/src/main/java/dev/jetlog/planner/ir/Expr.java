// A scalar expression over the columns visible in a step, evaluated on 32-bit values.
package dev.jetlog.planner.ir;

import java.util.function.IntConsumer;

public sealed interface Expr permits ColumnRef, Constant, Binary, Unary, SymbolFunction, UserFunction {
    /** True if the expression reads a column of the given side. */
    boolean reads(Side side);

    /** True if the expression, or a part of it, runs on the host: a symbol function or a user-defined functor. */
    static boolean needsHost(Expr expr) {
        if (expr instanceof SymbolFunction || expr instanceof UserFunction) {
            return true;
        }
        if (expr instanceof Binary binary) {
            return needsHost(binary.left()) || needsHost(binary.right());
        }
        return expr instanceof Unary unary && needsHost(unary.operand());
    }

    /** Calls action with every column of the side that the expression reads (repeats included). */
    static void forEachColumn(Expr expr, Side side, IntConsumer action) {
        if (expr instanceof ColumnRef ref) {
            if (ref.side() == side) {
                action.accept(ref.column());
            }
        } else if (expr instanceof Binary binary) {
            forEachColumn(binary.left(), side, action);
            forEachColumn(binary.right(), side, action);
        } else if (expr instanceof Unary unary) {
            forEachColumn(unary.operand(), side, action);
        } else if (expr instanceof SymbolFunction function) {
            function.args().forEach(arg -> forEachColumn(arg, side, action));
        } else if (expr instanceof UserFunction function) {
            function.args().forEach(arg -> forEachColumn(arg, side, action));
        }
    }
}
