// The float math functors (sin, cos, ..., log, exp) on 32-bit float bits: computed in double precision with
// java.lang.Math and rounded to float once, so every backend (which all evaluate them here, on the host)
// gives the same bits; a NaN argument carries through and a new NaN is the default one, as FloatBits says.
package dev.jetlog.seminaive.spi;

import dev.jetlog.datasets.FloatBits;
import dev.jetlog.planner.ir.SymbolFunction;

final class FloatMath {
    private FloatMath() {
    }

    /** The function of the float whose bits are given, as float bits. */
    static int apply(SymbolFunction.Fn fn, int bits) {
        double x = Float.intBitsToFloat(bits);
        double result = switch (fn) {
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TAN -> Math.tan(x);
            case ASIN -> Math.asin(x);
            case ACOS -> Math.acos(x);
            case ATAN -> Math.atan(x);
            case SINH -> Math.sinh(x);
            case COSH -> Math.cosh(x);
            case TANH -> Math.tanh(x);
            case ASINH -> Double.isInfinite(x) ? x : Math.copySign(Math.log(Math.abs(x) + Math.sqrt(x * x + 1)), x);
            case ACOSH -> x < 1 ? Double.NaN : Math.log(x + Math.sqrt(x * x - 1));
            case ATANH -> 0.5 * Math.log((1 + x) / (1 - x));
            case LOG -> Math.log(x);
            case EXP -> Math.exp(x);
            default -> throw new IllegalArgumentException(fn + " is not a float math function");
        };
        float rounded = (float) result;
        return FloatBits.of(rounded, bits);
    }
}
