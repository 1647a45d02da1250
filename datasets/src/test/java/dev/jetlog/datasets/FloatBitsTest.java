// Tests of FloatBits: the bits of float results as x86-64 makes them (NaN propagation, the default NaN).
package dev.jetlog.datasets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FloatBitsTest {
    private static int bits(float value) {
        return Float.floatToRawIntBits(value);
    }

    @Test
    void aNaNMadeFromNumbersIsTheDefaultNaNWithItsSignSet() {
        assertEquals(0xffc00000, FloatBits.of(0f / 0f));
        assertEquals(0xffc00000, FloatBits.of(Float.POSITIVE_INFINITY - Float.POSITIVE_INFINITY, bits(1f), bits(2f)));
        assertEquals("-nan", FloatFormat.formatBits(FloatBits.of(Float.NaN)));
    }

    @Test
    void aNaNOperandCarriesThroughMadeQuietAndTheFirstWins() {
        int positive = FloatBits.POSITIVE_NAN;
        int signalingWithPayload = 0x7f800123;
        assertEquals(positive, FloatBits.of(Float.NaN, bits(1f), positive));
        assertEquals(positive, FloatBits.of(Float.NaN, positive, FloatBits.DEFAULT_NAN));
        assertEquals(FloatBits.DEFAULT_NAN, FloatBits.of(Float.NaN, FloatBits.DEFAULT_NAN, positive));
        assertEquals(0x7fc00123, FloatBits.of(Float.NaN, signalingWithPayload, bits(1f)), "the quiet bit is set");
        assertEquals(0x7fc00123, FloatBits.of(Float.NaN, signalingWithPayload));
    }

    @Test
    void numbersKeepTheirExactBits() {
        assertEquals(0x80000000, FloatBits.of(-0f, FloatBits.POSITIVE_NAN, bits(1f)), "-0.0 is not a NaN");
        assertEquals(bits(2.5f), FloatBits.of(2.5f, FloatBits.DEFAULT_NAN, FloatBits.DEFAULT_NAN));
        assertEquals(bits(Float.NEGATIVE_INFINITY), FloatBits.of(Float.NEGATIVE_INFINITY));
    }

    @Test
    void negationFlipsTheSignOfEveryValueNaNIncluded() {
        assertEquals(FloatBits.POSITIVE_NAN, FloatBits.negate(FloatBits.DEFAULT_NAN));
        assertEquals(0x80000000, FloatBits.negate(0));
        assertEquals(bits(-1.5f), FloatBits.negate(bits(1.5f)));
    }

    @Test
    void isNaNLooksAtTheExponentAndFractionOnly() {
        assertTrue(FloatBits.isNaN(FloatBits.DEFAULT_NAN));
        assertTrue(FloatBits.isNaN(0x7f800001));
        assertFalse(FloatBits.isNaN(bits(Float.POSITIVE_INFINITY)));
        assertFalse(FloatBits.isNaN(bits(Float.NEGATIVE_INFINITY)));
        assertFalse(FloatBits.isNaN(0x80000000));
    }
}
