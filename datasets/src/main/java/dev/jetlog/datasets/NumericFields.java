// Parses number, unsigned and float fields straight from UTF-8 bytes, without a String per field.
package dev.jetlog.datasets;

import dev.jetlog.parser.ast.ColumnType;
import java.nio.charset.StandardCharsets;

/**
 * Field parsers for the numeric column types, working on a byte range of the input buffer. A
 * bad field raises {@link BadValue} carrying only the detail message; the caller adds the
 * position.
 */
final class NumericFields {

    private static final long INT_MAX = Integer.MAX_VALUE;
    private static final long UINT_MAX = 0xFFFF_FFFFL;
    /** Digits past this value cannot fit any 32-bit type; stop accumulating so longs never overflow. */
    private static final long SATURATED = 1L << 40;
    private static final int MAX_QUOTED = 40;

    private NumericFields() {
    }

    /** A field that is not a valid value of its column type. */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        BadValue(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses the field {@code b[from, to)} as a value of the numeric column type {@code type}. */
    static int parse(ColumnType type, byte[] b, int from, int to) throws BadValue {
        switch (type) {
            case NUMBER:
                return parseNumber(b, from, to);
            case UNSIGNED:
                return parseUnsigned(b, from, to);
            case FLOAT:
                return parseFloat(b, from, to);
            default:
                throw new IllegalArgumentException(type + " is not a numeric column type");
        }
    }

    /** Optional sign followed by decimal digits; must fit a signed 32-bit int. */
    static int parseNumber(byte[] b, int from, int to) throws BadValue {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (i == to) {
            throw new BadValue(quote(b, from, to) + " is not a number");
        }
        long acc = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new BadValue(quote(b, from, to) + " is not a number");
            }
            if (acc < SATURATED) {
                acc = acc * 10 + d;
            }
        }
        if (acc > (negative ? INT_MAX + 1 : INT_MAX)) {
            throw new BadValue("value " + text(b, from, to) + " does not fit a 32-bit number column");
        }
        return (int) (negative ? -acc : acc);
    }

    /**
     * Decimal digits (an optional leading {@code +}), or as Soufflé reads unsigned columns, hexadecimal digits
     * after {@code 0x} or binary ones after {@code 0b}, in 0..4294967295; returns the uint32 bits.
     */
    static int parseUnsigned(byte[] b, int from, int to) throws BadValue {
        int i = from;
        int base = 10;
        if (to - from > 2 && b[from] == '0' && (b[from + 1] == 'x' || b[from + 1] == 'b')) {
            base = b[from + 1] == 'x' ? 16 : 2;
            i += 2;
        } else if (i < to && b[i] == '+') {
            i++;
        }
        if (i == to) {
            throw new BadValue(quote(b, from, to) + " is not an unsigned number");
        }
        long acc = 0;
        for (; i < to; i++) {
            int d = Character.digit(b[i], base);
            if (d < 0) {
                throw new BadValue(quote(b, from, to) + " is not an unsigned number");
            }
            if (acc < SATURATED) {
                acc = acc * base + d;
            }
        }
        if (acc > UINT_MAX) {
            throw new BadValue("value " + text(b, from, to) + " does not fit a 32-bit unsigned column");
        }
        return (int) acc;
    }

    /**
     * Java float syntax ({@link Float#parseFloat}, without surrounding whitespace), plus the
     * spellings C++ iostreams and Soufflé print: {@code nan}, {@code -nan}, {@code inf},
     * {@code -inf}, {@code infinity} (any case). Finite text too large for a float, and non-zero text too
     * small for one (that would read as 0), are rejected, as FloatRange says.
     * Returns the raw float bits.
     */
    static int parseFloat(byte[] b, int from, int to) throws BadValue {
        String s = new String(b, from, to - from, StandardCharsets.UTF_8);
        float f;
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "nan": case "+nan":
                return FloatBits.POSITIVE_NAN;
            case "-nan":
                return FloatBits.DEFAULT_NAN;
            case "inf": case "+inf": case "infinity": case "+infinity":
                return Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
            case "-inf": case "-infinity":
                return Float.floatToRawIntBits(Float.NEGATIVE_INFINITY);
            default:
                break;
        }
        if (s.isEmpty() || s.charAt(0) <= ' ' || s.charAt(s.length() - 1) <= ' ') {
            throw new BadValue(quote(b, from, to) + " is not a float");
        }
        try {
            f = Float.parseFloat(s);
        } catch (NumberFormatException e) {
            throw new BadValue(quote(b, from, to) + " is not a float");
        }
        if (Float.isInfinite(f) && !s.contains("Infinity")) {
            throw new BadValue("value " + text(b, from, to) + " does not fit a 32-bit float column");
        }
        if (f == 0 && FloatRange.isNonZeroDecimal(s)) {
            throw new BadValue("value " + text(b, from, to) + " is too small for a 32-bit float column (it would be 0)");
        }
        return Float.floatToRawIntBits(f);
    }

    /** The field in single quotes, shortened if long, for error messages. */
    static String quote(byte[] b, int from, int to) {
        return "'" + text(b, from, to) + "'";
    }

    private static String text(byte[] b, int from, int to) {
        String s = new String(b, from, to - from, StandardCharsets.UTF_8);
        return s.length() <= MAX_QUOTED ? s : s.substring(0, MAX_QUOTED) + "...";
    }
}
