// The 32-bit patterns of float results, as x86-64 gives them to Soufflé's compiled C++ (and so what its
// outputs print): an operation on non-NaN operands that has no result gives the default NaN, whose sign
// is set ("-nan"); a NaN operand carries through, made quiet; negation flips the sign, NaN's too. Every
// backend follows these rules, whatever its hardware does.
package dev.jetlog.datasets;

public final class FloatBits {
    /** x86's default NaN: what 0.0 / 0.0, inf - inf or sqrt(-1) give; printed "-nan". */
    public static final int DEFAULT_NAN = 0xffc00000;
    /** The NaN that "nan" reads as (strtof's); printed "nan". */
    public static final int POSITIVE_NAN = 0x7fc00000;
    private static final int QUIET = 0x00400000;
    private static final int SIGN = 0x80000000;

    private FloatBits() {
    }

    public static boolean isNaN(int bits) {
        return (bits & ~SIGN) > 0x7f800000;
    }

    /** The bits of a result computed from no float operand (or none that was NaN). */
    public static int of(float value) {
        return Float.isNaN(value) ? DEFAULT_NAN : Float.floatToRawIntBits(value);
    }

    /** The bits of a result computed from the float whose bits are a. */
    public static int of(float value, int a) {
        if (!Float.isNaN(value)) {
            return Float.floatToRawIntBits(value);
        }
        return isNaN(a) ? a | QUIET : DEFAULT_NAN;
    }

    /** The bits of a result computed from the floats whose bits are a and b (a NaN a wins, as on x86). */
    public static int of(float value, int a, int b) {
        if (!Float.isNaN(value)) {
            return Float.floatToRawIntBits(value);
        }
        if (isNaN(a)) {
            return a | QUIET;
        }
        return isNaN(b) ? b | QUIET : DEFAULT_NAN;
    }

    /** -x on the float whose bits are given: its sign flipped, NaN or not. */
    public static int negate(int bits) {
        return bits ^ SIGN;
    }
}
