// The one rule for putting a number into a 32-bit float column, shared by the facts reader and the Java
// API: a finite value too large for a float, or a non-zero value so small that it would become 0, is
// rejected rather than turned into infinity or zero; NaN and infinities given as such are kept.
package dev.jetlog.datasets;

import java.math.BigDecimal;

public final class FloatRange {
    private FloatRange() {
    }

    /** The float for a double. @throws IllegalArgumentException saying why, when it is out of a float's range */
    public static float narrow(double value) {
        float f = (float) value;
        if (Float.isInfinite(f) && !Double.isInfinite(value)) {
            throw new IllegalArgumentException(value + " does not fit a 32-bit float");
        }
        if (f == 0 && value != 0) {
            throw new IllegalArgumentException(value + " is too small for a 32-bit float (it would be 0)");
        }
        return f;
    }

    /** True if decimal text (digits, sign, point, exponent) denotes a value other than zero. */
    static boolean isNonZeroDecimal(String text) {
        try {
            return new BigDecimal(text.strip()).signum() != 0;
        } catch (NumberFormatException e) {
            return false; // hexadecimal and other forms Float.parseFloat takes: trust its result
        }
    }
}
