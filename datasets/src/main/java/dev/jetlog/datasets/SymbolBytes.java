// Symbols are byte strings, as in Soufflé: the bytes of a facts file come back out unchanged, whether or
// not they are valid UTF-8. Valid UTF-8 decodes to its text (so it matches the program's string
// constants and Java strings); each byte that is not part of valid UTF-8 decodes to the lone surrogate
// U+DC80..U+DCFF (as Python's surrogateescape does), which valid text never holds, and encodes back to
// that byte.
package dev.jetlog.datasets;

import java.nio.charset.StandardCharsets;

public final class SymbolBytes {
    private static final int ESCAPE = 0xDC00;

    private SymbolBytes() {
    }

    /** The symbol of bytes [from, to). */
    public static String decode(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && bytes[i] >= 0) {
            i++;
        }
        if (i == to) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        StringBuilder text = new StringBuilder(to - from);
        for (int k = from; k < i; k++) {
            text.append((char) bytes[k]);
        }
        while (i < to) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                text.append((char) b);
                i++;
                continue;
            }
            int length = sequenceLength(bytes, i, to);
            if (length == 0) {
                text.append((char) (ESCAPE | b));
                i++;
            } else {
                text.append(new String(bytes, i, length, StandardCharsets.UTF_8));
                i += length;
            }
        }
        return text.toString();
    }

    /** The bytes of a symbol: its UTF-8, with every escaped byte restored. */
    public static byte[] encode(String symbol) {
        int n = symbol.length();
        boolean escapes = false;
        for (int i = 0; i < n && !escapes; i++) {
            escapes = isEscape(symbol, i);
        }
        if (!escapes) {
            return symbol.getBytes(StandardCharsets.UTF_8);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(n + 8);
        int runStart = 0;
        for (int i = 0; i < n; i++) {
            if (isEscape(symbol, i)) {
                byte[] run = symbol.substring(runStart, i).getBytes(StandardCharsets.UTF_8);
                out.write(run, 0, run.length);
                out.write(symbol.charAt(i) & 0xFF);
                runStart = i + 1;
            }
        }
        byte[] run = symbol.substring(runStart).getBytes(StandardCharsets.UTF_8);
        out.write(run, 0, run.length);
        return out.toByteArray();
    }

    /** True if the char at i is an escaped byte: a low surrogate U+DC80..U+DCFF not after a high surrogate. */
    private static boolean isEscape(String symbol, int i) {
        char c = symbol.charAt(i);
        return c >= 0xDC80 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(symbol.charAt(i - 1)));
    }

    /** The length of the valid UTF-8 sequence starting at i (its lead byte is >= 0x80), or 0 if invalid. */
    private static int sequenceLength(byte[] bytes, int i, int to) {
        int b = bytes[i] & 0xFF;
        int length;
        int min;
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + length > to) {
            return 0;
        }
        int code = b & (0x7F >> length);
        for (int k = 1; k < length; k++) {
            int c = bytes[i + k] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                return 0;
            }
            code = (code << 6) | (c & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return 0;
        }
        return length;
    }
}
