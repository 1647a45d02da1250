// Symbols as byte strings: valid UTF-8 decodes to its text, other bytes to escapes that encode back
// to exactly those bytes; distinct byte strings stay distinct.
package dev.jetlog.datasets;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SymbolBytesTest {
    private static String decode(byte[] bytes) {
        return SymbolBytes.decode(bytes, 0, bytes.length);
    }

    @Test
    void validUtf8IsItsText() {
        String text = "café ∑ 😀 plain";
        assertEquals(text, decode(text.getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), SymbolBytes.encode(text));
    }

    @Test
    void latin1BytesRoundTripAndStayDistinct() {
        byte[] e9 = {'c', 'a', 'f', (byte) 0xE9};
        byte[] e8 = {'c', 'a', 'f', (byte) 0xE8};
        assertArrayEquals(e9, SymbolBytes.encode(decode(e9)));
        assertArrayEquals(e8, SymbolBytes.encode(decode(e8)));
        assertEquals(false, decode(e9).equals(decode(e8)));
    }

    @Test
    void everyRandomByteStringRoundTrips() {
        SplittableRandom random = new SplittableRandom(11);
        Set<String> seen = new HashSet<>();
        Set<String> bytesSeen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(8)];
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = (byte) random.nextInt(256);
            }
            String symbol = decode(bytes);
            assertArrayEquals(bytes, SymbolBytes.encode(symbol), java.util.Arrays.toString(bytes));
            if (bytesSeen.add(java.util.Arrays.toString(bytes))) {
                assertEquals(true, seen.add(symbol), "two byte strings decoded alike");
            }
        }
    }

    @Test
    void overlongAndSurrogateEncodingsAreBytesNotText() {
        byte[] overlong = {(byte) 0xC0, (byte) 0xAF};
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertArrayEquals(overlong, SymbolBytes.encode(decode(overlong)));
        assertArrayEquals(surrogate, SymbolBytes.encode(decode(surrogate)));
        assertEquals(2, decode(overlong).length(), "each invalid byte is one escape");
    }
}
