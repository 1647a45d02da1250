// Arithmetic and comparison on 32-bit values by type. Integer division by zero gives 0 (the planner
// guards every division with a filter that drops such rows); signed MIN_VALUE / -1 wraps. A float result
// that is NaN is always the canonical NaN (0x7fc00000), on every backend.
package dev.jetlog.cpu;

import dev.jetlog.parser.ast.ArithmeticOp;
import dev.jetlog.parser.ast.CompareOp;
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

    static int floatArithmetic(ArithmeticOp op, int a, int b) {
        float x = Float.intBitsToFloat(a);
        float y = Float.intBitsToFloat(b);
        float result = switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MOD -> x % y;
        };
        return floatBits(result);
    }

    /** The bits of a float result; every NaN becomes the canonical one. */
    static int floatBits(float value) {
        return Float.floatToIntBits(value);
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
        };
    }

    /** Folds one more value into a running sum, min or max of the type. */
    static int sum(ValueType type, int acc, int value) {
        if (type == ValueType.FLOAT) {
            return floatBits(Float.intBitsToFloat(acc) + Float.intBitsToFloat(value));
        }
        return acc + value;
    }

    static boolean less(ValueType type, int a, int b) {
        return compare(CompareOp.LT, type, a, b);
    }
}
