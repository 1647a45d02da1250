// A constant's 32 bits (a number, unsigned or float bit pattern, or an interned symbol id).
package dev.jetlog.planner.ir;

public record Constant(int value) implements Expr {
    @Override
    public boolean reads(Side side) {
        return false;
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
