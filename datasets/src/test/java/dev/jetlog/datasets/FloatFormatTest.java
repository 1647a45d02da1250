// Tests that FloatFormat prints floats exactly as Soufflé 2.5 does (C's printf("%.9g")).
package dev.jetlog.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FloatFormatTest {

    private static void check(String expected, float value) {
        assertEquals(expected, FloatFormat.format(value), "format(" + value + ")");
        assertEquals(expected, FloatFormat.formatBits(Float.floatToRawIntBits(value)));
    }

    @Test
    void matchesPrintfG() {
        // expected strings produced with printf("%.9g", (double) value), as Soufflé 2.5 writes floats
        check("1", 1.0f);
        check("0.5", 0.5f);
        check("1e+10", 1e10f);
        check("9.99999975e-06", 1e-5f);
        check("123456792", 123456789f);
        check("100000", 100000f);
        check("1000000", 1000000f);
        check("9.99999975e-05", 0.0001f);
        check("3.14159274", 3.14159265f);
        check("0.100000001", 0.1f);
        check("1.40129846e-45", Float.MIN_VALUE);
        check("3.40282347e+38", Float.MAX_VALUE);
        check("1234565", 1234565f);
        check("1234575", 1234575f);
        check("999999.5", 999999.5f);
        check("9999995", 9999995f);
        check("0.000123456775", 0.00012345678f);
        check("-2.5", -2.5f);
        check("0.333333343", 1f / 3);
        check("65504", 65504f);
        check("9.99999465e-05", 9.999995e-5f);
        check("1e+09", 999999999f);
        check("1.23456791e+11", 123456789012f);
    }

    @Test
    void specialValues() {
        check("nan", Float.NaN);
        check("-nan", Float.intBitsToFloat(FloatBits.DEFAULT_NAN));
        check("inf", Float.POSITIVE_INFINITY);
        check("-inf", Float.NEGATIVE_INFINITY);
        check("0", 0f);
        check("-0", -0f);
    }
}
