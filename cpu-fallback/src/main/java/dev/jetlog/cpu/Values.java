// Arithmetic, bitwise, logical, min/max, conversions and comparison on 32-bit values by type. Integer division by zero gives 0 (the planner
// guards every division with a filter that drops such rows); signed MIN_VALUE / -1 wraps. Float results
// take x86-64's bits (FloatBits): a NaN operand carries through, a new NaN is the default one ("-nan").
package dev.jetlog.cpu;

import dev.jetlog.datasets.FloatBits;
import dev.jetlog.parser.ast.BinaryOp;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.planner.ir.Unary;
import dev.jetlog.planner.ir.ValueType;

final class Values {
    private Values() {
    }

    static int divide(int a, int b) {
        return b == 0 ? 0 : a / b;
    }

    static int remainder(int a, int b) {
        return b == 0 ? 0 : a % b;
    }

    static int divideUnsigned(int a, int b) {
        return b == 0 ? 0 : Integer.divideUnsigned(a, b);
    }

    static int remainderUnsigned(int a, int b) {
        return b == 0 ? 0 : Integer.remainderUnsigned(a, b);
    }

    /** Any binary operation on two values of the type (the fast paths for + - * live in ExprCompiler). */
    static int binary(BinaryOp op, ValueType type, int a, int b) {
        if (type == ValueType.FLOAT) {
            return floatBinary(op, a, b);
        }
        boolean unsigned = type == ValueType.UNSIGNED;
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> unsigned ? divideUnsigned(a, b) : divide(a, b);
            case MOD -> unsigned ? remainderUnsigned(a, b) : remainder(a, b);
            case POW -> unsigned ? powerUnsigned(a, b) : powerSigned(a, b);
            case BAND -> a & b;
            case BOR -> a | b;
            case BXOR -> a ^ b;
            case BSHL -> a << (b & 31);
            case BSHR -> unsigned ? a >>> (b & 31) : a >> (b & 31);
            case BSHRU -> a >>> (b & 31);
            case LAND -> a != 0 && b != 0 ? 1 : 0;
            case LOR -> a != 0 || b != 0 ? 1 : 0;
            case LXOR -> (a != 0) != (b != 0) ? 1 : 0;
            case MIN -> (unsigned ? Integer.compareUnsigned(b, a) : Integer.compare(b, a)) < 0 ? b : a;
            case MAX -> (unsigned ? Integer.compareUnsigned(a, b) : Integer.compare(a, b)) < 0 ? b : a;
            case CAT -> throw new IllegalArgumentException("cat is a symbol function");
        };
    }

    static int floatBinary(BinaryOp op, int a, int b) {
        float x = Float.intBitsToFloat(a);
        float y = Float.intBitsToFloat(b);
        // std::min and std::max: the first operand unless the second is strictly smaller / larger, bits unchanged
        if (op == BinaryOp.MIN || op == BinaryOp.MAX) {
            return (op == BinaryOp.MIN ? y < x : x < y) ? b : a;
        }
        float result = switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MOD -> x % y;
            case POW -> (float) Math.pow(x, y);
            default -> throw new IllegalArgumentException(op + " is not defined on floats");
        };
        return FloatBits.of(result, a, b);
    }

    /** A unary operation; the float-to-integer conversions give what C++ gives on x86-64 out of range. */
    static int unary(Unary.Op op, int a) {
        return switch (op) {
            case NEG_I -> -a;
            case NEG_F -> FloatBits.negate(a);
            case BNOT -> ~a;
            case LNOT -> a == 0 ? 1 : 0;
            case I2F -> FloatBits.of((float) a);
            case U2F -> FloatBits.of((float) (a & 0xFFFF_FFFFL));
            case F2I -> doubleToSigned(Float.intBitsToFloat(a));
            case F2U -> doubleToUnsigned(Float.intBitsToFloat(a));
        };
    }

    /**
     * Soufflé's number power, (int32) pow(double a, double b), computed exactly in integers: the power when it
     * fits, MIN_VALUE when it overflows or divides by zero, the truncated fraction for negative exponents.
     */
    static int powerSigned(int a, int b) {
        if (a == 0) {
            return b == 0 ? 1 : b < 0 ? Integer.MIN_VALUE : 0;
        }
        if (a == 1) {
            return 1;
        }
        if (a == -1) {
            return (b & 1) == 0 ? 1 : -1;
        }
        if (b < 0) {
            return 0;
        }
        if (b >= 32) {
            return Integer.MIN_VALUE;
        }
        long result = 1;
        for (int i = 0; i < b; i++) {
            result *= a;
            if (result > Integer.MAX_VALUE || result < Integer.MIN_VALUE) {
                return Integer.MIN_VALUE;
            }
        }
        return (int) result;
    }

    /**
     * Soufflé's unsigned power, (uint32) pow(double a, double b) on x86-64, computed exactly in integers: the power
     * rounded to a double's 53 bits, then its low 32 bits; 0 from 2^63 on.
     */
    static int powerUnsigned(int a, int b) {
        long base = a & 0xFFFF_FFFFL;
        long exponent = b & 0xFFFF_FFFFL;
        if (base <= 1 || exponent == 0) {
            return exponent == 0 ? 1 : (int) base;
        }
        if (exponent >= 64) {
            return 0;
        }
        long result = 1;
        for (long i = 0; i < exponent; i++) {
            if (result > Long.MAX_VALUE / base) {
                return 0;
            }
            result *= base;
        }
        return (int) roundTo53Bits(result);
    }

    /** A non-negative long rounded to the nearest value with 53 significant bits (ties to even), as (double) does. */
    static long roundTo53Bits(long value) {
        int shift = 64 - Long.numberOfLeadingZeros(value) - 53;
        if (shift <= 0) {
            return value;
        }
        long kept = value >>> shift;
        long rest = value & ((1L << shift) - 1);
        long half = 1L << (shift - 1);
        if (rest > half || (rest == half && (kept & 1) == 1)) {
            kept++;
        }
        return kept << shift;
    }

    /** static_cast&lt;int32_t&gt; of a double on x86-64: truncation; NaN and out-of-range give MIN_VALUE. */
    static int doubleToSigned(double value) {
        return value > -2147483649.0 && value < 2147483648.0 ? (int) value : Integer.MIN_VALUE;
    }

    /** static_cast&lt;uint32_t&gt; of a double on x86-64: truncation to 64 bits, low 32 kept; NaN and beyond give 0. */
    static int doubleToUnsigned(double value) {
        return value > -9.223372036854775808E18 && value < 9.223372036854775808E18 ? (int) (long) value : 0;
    }

    static boolean compare(CompareOp op, ValueType type, int a, int b) {
        if (type == ValueType.FLOAT) {
            float x = Float.intBitsToFloat(a);
            float y = Float.intBitsToFloat(b);
            return switch (op) {
                case EQ -> x == y;
                case NE -> x != y;
                case LT -> x < y;
                case LE -> x <= y;
                case GT -> x > y;
                case GE -> x >= y;
                default -> throw new IllegalArgumentException(op + " is a symbol function, not a comparison");
            };
        }
        int c = type == ValueType.UNSIGNED ? Integer.compareUnsigned(a, b) : Integer.compare(a, b);
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> throw new IllegalArgumentException(op + " is a symbol function, not a comparison");
        };
    }

    /** Folds one more value into a running sum, min or max of the type. */
    static int sum(ValueType type, int acc, int value) {
        if (type == ValueType.FLOAT) {
            return FloatBits.of(Float.intBitsToFloat(acc) + Float.intBitsToFloat(value), acc, value);
        }
        return acc + value;
    }

    static boolean less(ValueType type, int a, int b) {
        return compare(CompareOp.LT, type, a, b);
    }
}
