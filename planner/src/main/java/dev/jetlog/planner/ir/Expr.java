// A scalar expression over the columns visible in a step, evaluated on 32-bit values.
package dev.jetlog.planner.ir;

public sealed interface Expr permits ColumnRef, Constant, Arithmetic, Negate {
    /** True if the expression reads a column of the given side. */
    boolean reads(Side side);
}
