// A comparison that a row must satisfy to pass a step.
package dev.jetlog.planner.ir;

import dev.jetlog.parser.ast.CompareOp;

public record Filter(CompareOp op, ValueType type, Expr left, Expr right) {
    public boolean reads(Side side) {
        return left.reads(side) || right.reads(side);
    }

    @Override
    public String toString() {
        return left + " " + op.symbol() + Binary.suffix(type) + " " + right;
    }
}
