// Unary minus on a value of one type.
package dev.jetlog.planner.ir;

public record Negate(ValueType type, Expr operand) implements Expr {
    @Override
    public boolean reads(Side side) {
        return operand.reads(side);
    }

    @Override
    public String toString() {
        return "-" + Arithmetic.suffix(type) + operand;
    }
}
