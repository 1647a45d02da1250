// The value of an integer constant in #if: decimal, 0x hexadecimal, 0b binary or 0 octal, with an
// optional u/l suffix.
package dev.jetlog.parser.preprocess;

final class IntegerLiteral {
    private IntegerLiteral() {
    }

    static long parse(PpToken number) {
        String text = number.text();
        int end = text.length();
        while (end > 0 && "uUlL".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        String digits = text.substring(0, end);
        int radix = 10;
        if (digits.length() > 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.length() > 2 && (digits.startsWith("0b") || digits.startsWith("0B"))) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        int base = radix;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, base) >= 0)) {
            throw PreprocessorError.at(number, "'" + text + "' is not an integer constant (in #if)");
        }
        try {
            return Long.parseUnsignedLong(digits, radix);
        } catch (NumberFormatException e) {
            throw PreprocessorError.at(number, "integer constant '" + text + "' is too large (in #if)");
        }
    }
}
