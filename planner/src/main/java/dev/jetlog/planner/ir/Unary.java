// A unary operation on 32-bit values that needs no symbol table: negation, bitwise and logical not, and the
// conversions between number, unsigned and float (with C++'s results on x86-64 where a float is out of range).
package dev.jetlog.planner.ir;

public record Unary(Op op, Expr operand) implements Expr {
    public enum Op {
        /** Two's-complement negation (wraps at MIN_VALUE). */
        NEG_I,
        /** Float negation. */
        NEG_F,
        /** Bitwise not. */
        BNOT,
        /** 1 if the operand is 0, else 0. */
        LNOT,
        /** Signed int to the nearest float. */
        I2F,
        /** Unsigned int to the nearest float. */
        U2F,
        /** Float to signed int, truncating; NaN and out-of-range values give MIN_VALUE (x86-64 cvttss2si). */
        F2I,
        /** Float to unsigned int through a 64-bit truncation; NaN and out-of-range values give 0. */
        F2U
    }

    @Override
    public boolean reads(Side side) {
        return operand.reads(side);
    }

    @Override
    public String toString() {
        return op.name().toLowerCase(java.util.Locale.ROOT) + "(" + operand + ")";
    }
}
