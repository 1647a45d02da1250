// A binary operation on two values of one type (arithmetic, power, bitwise, logical, min and max). Integer
// division and remainder by zero evaluate to 0, and the planner guards every such division with a filter that
// drops the row. Shifts take their count modulo 32; logical operators give 0 or 1.
package dev.jetlog.planner.ir;

import dev.jetlog.parser.ast.BinaryOp;

public record Binary(BinaryOp op, ValueType type, Expr left, Expr right) implements Expr {
    public Binary {
        if (op == BinaryOp.CAT) {
            throw new IllegalArgumentException("cat needs the symbol table: use SymbolFunction");
        }
    }

    @Override
    public boolean reads(Side side) {
        return left.reads(side) || right.reads(side);
    }

    @Override
    public String toString() {
        if (op.isFunctor()) {
            return op.symbol() + suffix(type) + "(" + left + ", " + right + ")";
        }
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
