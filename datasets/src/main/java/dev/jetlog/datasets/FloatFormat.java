// Formats floats the way Soufflé 2.5 writes them: C++ iostreams with precision max_digits10 (printf %.9g) in
// fact files and on stdout, the stream's default precision 6 (printf %g) in JSON output.
package dev.jetlog.datasets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a float as Soufflé's writers do: C++ {@code std::ostream} with precision
 * {@code std::numeric_limits<float>::max_digits10}, i.e. {@code printf("%.9g")}: 9 significant digits,
 * trailing zeros dropped, scientific notation when the decimal exponent is below -4 or at least 9,
 * exponent with a sign and at least two digits; every float reads back to itself. Examples: 1.0 → "1",
 * 0.5 → "0.5", 0.1 → "0.100000001", 1e10 → "1e+10", 1e-5 → "9.99999975e-06", 123456789 → "123456792", NaN → "nan" or, with its sign set, "-nan" (as glibc prints them),
 * infinity → "inf" / "-inf", -0.0 → "-0". Rounding is half-even on the exact binary value, as in
 * glibc.
 */
public final class FloatFormat {

    private static final int PRECISION = 9;
    /** C++'s max_digits10 for float, the precision Soufflé sets on fact files and on stdout for IO=stdout. */
    public static final int MAX_DIGITS10 = PRECISION;
    /** The precision of a C++ stream left as it is opened, which Soufflé's JSON writer keeps: printf("%g"). */
    public static final int STREAM_DEFAULT_PRECISION = 6;

    private FloatFormat() {
    }

    /** Formats the float whose raw bits are {@code bits}. */
    public static String formatBits(int bits) {
        return format(Float.intBitsToFloat(bits));
    }

    public static String format(float value) {
        return format(value, PRECISION);
    }

    /**
     * Formats as printf("%.{precision}g") does: {@code precision} significant digits, trailing zeros dropped,
     * scientific notation when the decimal exponent is below -4 or at least the precision.
     */
    public static String format(float value, int precision) {
        if (Float.isNaN(value)) {
            return Float.floatToRawIntBits(value) < 0 ? "-nan" : "nan";
        }
        if (Float.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return Float.floatToRawIntBits(value) < 0 ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal stripped = rounded.stripTrailingZeros();
        if (exponent >= -4 && exponent < precision) {
            return stripped.toPlainString();
        }
        String digits = stripped.unscaledValue().abs().toString();
        StringBuilder sb = new StringBuilder(16);
        if (value < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int e = Math.abs(exponent);
        if (e < 10) {
            sb.append('0');
        }
        return sb.append(e).toString();
    }
}
