// Tests that FloatFormat prints floats exactly as C's printf("%g") / C++ iostreams do.
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
        // expected strings produced with printf("%g", (double) value)
        check("1", 1.0f);
        check("0.5", 0.5f);
        check("1e+10", 1e10f);
        check("1e-05", 1e-5f);
        check("1.23457e+08", 123456789f);
        check("100000", 100000f);
        check("1e+06", 1000000f);
        check("0.0001", 0.0001f);
        check("3.14159", 3.14159265f);
        check("0.1", 0.1f);
        check("1.4013e-45", Float.MIN_VALUE);
        check("3.40282e+38", Float.MAX_VALUE);
        check("1.23456e+06", 1234565f);
        check("1.23458e+06", 1234575f);
        check("1e+06", 999999.5f);
        check("1e+07", 9999995f);
        check("0.000123457", 0.00012345678f);
        check("-2.5", -2.5f);
        check("0.333333", 1f / 3);
        check("65504", 65504f);
        check("9.99999e-05", 9.999995e-5f);
    }

    @Test
    void specialValues() {
        check("nan", Float.NaN);
        check("inf", Float.POSITIVE_INFINITY);
        check("-inf", Float.NEGATIVE_INFINITY);
        check("0", 0f);
        check("-0", -0f);
    }
}
