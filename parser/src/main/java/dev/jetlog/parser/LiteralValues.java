// Reads the values of integer, float and string literal tokens, with the dialect's range and escape rules.
package dev.jetlog.parser;

import java.math.BigInteger;

final class LiteralValues {
    /** The smallest integer literal: -2^31. */
    static final long MIN_INTEGER = Integer.MIN_VALUE;
    /** The largest integer literal: 2^32-1 (the largest unsigned). */
    static final long MAX_INTEGER = 0xFFFF_FFFFL;

    private LiteralValues() {
    }

    /**
     * The value of a decimal, 0x hex or 0b binary literal, negated when {@code negative}.
     * Values outside [-2^31, 2^32-1] come back as null.
     */
    static Long integer(String text, boolean negative) {
        if (text.length() <= 18 && Character.isDigit(text.charAt(text.length() - 1)) && text.chars().allMatch(Character::isDigit)) {
            long small = Long.parseLong(text);
            long value = negative ? -small : small;
            return value < MIN_INTEGER || value > MAX_INTEGER ? null : value;
        }
        BigInteger value;
        if (text.length() > 2 && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            value = new BigInteger(text.substring(2), 16);
        } else if (text.length() > 2 && (text.charAt(1) == 'b' || text.charAt(1) == 'B')) {
            value = new BigInteger(text.substring(2), 2);
        } else {
            value = new BigInteger(text);
        }
        if (negative) {
            value = value.negate();
        }
        if (value.compareTo(BigInteger.valueOf(MIN_INTEGER)) < 0 || value.compareTo(BigInteger.valueOf(MAX_INTEGER)) > 0) {
            return null;
        }
        return value.longValue();
    }

    /** The number an IPv4 literal `a.b.c.d` stands for (a * 2^24 + b * 2^16 + c * 2^8 + d), or null for a part above 255. */
    static Long ipv4(String text) {
        long value = 0;
        for (String part : text.split("\\.")) {
            if (part.length() > 3 || Integer.parseInt(part) > 255) {
                return null;
            }
            value = value * 256 + Integer.parseInt(part);
        }
        return value;
    }

    /** The value of a float literal, or null when it does not fit in a float32. */
    static Float floating(String text, boolean negative) {
        float value = Float.parseFloat(text);
        if (Float.isInfinite(value)) {
            return null;
        }
        return negative ? -value : value;
    }

    /** Thrown by {@link #unescape} for an escape other than \" \\ \n \t \r. */
    static final class BadEscape extends Exception {
        private static final long serialVersionUID = 1L;
        /** Offset of the backslash within the quoted token text. */
        final int offset;

        BadEscape(int offset, String escape) {
            super("invalid escape sequence '" + escape + "' in string");
            this.offset = offset;
        }
    }

    /** The contents of a quoted string token ("..."), with its escape sequences resolved. */
    static String unescape(String quoted) throws BadEscape {
        StringBuilder value = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char next = quoted.charAt(++i);
            switch (next) {
                case '"' -> value.append('"');
                case '\\' -> value.append('\\');
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                default -> throw new BadEscape(i - 1, "\\" + next);
            }
        }
        return value.toString();
    }
}
