// Binary arithmetic on two values of one type. Integer division and remainder by zero
// evaluate to 0, and the planner guards every such division with a filter that drops the row.
package dev.jetlog.planner.ir;

import dev.jetlog.parser.ast.ArithmeticOp;

public record Arithmetic(ArithmeticOp op, ValueType type, Expr left, Expr right) implements Expr {
    @Override
    public boolean reads(Side side) {
        return left.reads(side) || right.reads(side);
    }

    @Override
    public String toString() {
        return "(" + left + " " + op.symbol() + suffix(type) + " " + right + ")";
    }

    static String suffix(ValueType type) {
        return switch (type) {
            case SIGNED -> "";
            case UNSIGNED -> "u";
            case FLOAT -> "f";
        };
    }
}
