// The reference evaluator's 32-bit values: encoding Java values, arithmetic and comparison per type, rendering.
package dev.jetlog.seminaive.reference;

import dev.jetlog.datasets.FloatFormat;
import dev.jetlog.parser.ast.ArithmeticOp;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompareOp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every value is 32 bits held in an int: a number is the int itself, an unsigned its bits, a float its
 * raw IEEE bits and a symbol an id of this object's own string table. Arithmetic that has no value
 * (integer division or remainder by zero) yields null.
 */
final class Scalars {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    int symbol(String name) {
        return ids.computeIfAbsent(name, n -> {
            names.add(n);
            return names.size() - 1;
        });
    }

    /** A Java value as Session.insertTuple takes it (Integer, Long, Float, String), as the bits of a column. */
    int encode(ColumnType type, Object value) {
        switch (type) {
            case NUMBER -> {
                if (value instanceof Integer number) {
                    return number;
                }
                if (value instanceof Long number && number == number.intValue()) {
                    return number.intValue();
                }
            }
            case UNSIGNED -> {
                if ((value instanceof Integer || value instanceof Long)
                        && ((Number) value).longValue() >= 0 && ((Number) value).longValue() <= 0xFFFF_FFFFL) {
                    return (int) ((Number) value).longValue();
                }
            }
            case FLOAT -> {
                if (value instanceof Float || value instanceof Double || value instanceof Integer) {
                    return Float.floatToRawIntBits(((Number) value).floatValue());
                }
            }
            case SYMBOL -> {
                if (value instanceof String text) {
                    return symbol(text);
                }
            }
        }
        throw new IllegalArgumentException("cannot store " + value + " in a " + type.keyword() + " column");
    }

    /** A column value as the engine's output files print it. */
    String render(ColumnType type, int bits) {
        return switch (type) {
            case NUMBER -> Integer.toString(bits);
            case UNSIGNED -> Integer.toUnsignedString(bits);
            case FLOAT -> FloatFormat.formatBits(bits);
            case SYMBOL -> names.get(bits);
        };
    }

    /** `a op b` in the given type; null for integer division or remainder by zero. */
    static Integer arithmetic(ArithmeticOp op, ColumnType type, int a, int b) {
        if (type == ColumnType.FLOAT) {
            float x = Float.intBitsToFloat(a);
            float y = Float.intBitsToFloat(b);
            float result = switch (op) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV -> x / y;
                case MOD -> x % y;
            };
            return Float.floatToRawIntBits(result);
        }
        boolean unsigned = type == ColumnType.UNSIGNED;
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> b == 0 ? null : unsigned ? Integer.divideUnsigned(a, b) : a / b;
            case MOD -> b == 0 ? null : unsigned ? Integer.remainderUnsigned(a, b) : a % b;
        };
    }

    static int negate(ColumnType type, int a) {
        return type == ColumnType.FLOAT ? Float.floatToRawIntBits(-Float.intBitsToFloat(a)) : -a;
    }

    /** `a op b` in the given type: floats by value, unsigned as unsigned, symbols by id (= and != only). */
    static boolean compare(CompareOp op, ColumnType type, int a, int b) {
        int order = switch (type) {
            case FLOAT -> {
                float x = Float.intBitsToFloat(a);
                float y = Float.intBitsToFloat(b);
                if (x != x || y != y) { // NaN: only != holds
                    yield Integer.MIN_VALUE;
                }
                yield x < y ? -1 : x > y ? 1 : 0;
            }
            case UNSIGNED -> Integer.compareUnsigned(a, b);
            case NUMBER -> Integer.compare(a, b);
            case SYMBOL -> {
                if (op.isOrdering()) {
                    throw new IllegalArgumentException("symbols have no order");
                }
                yield a == b ? 0 : 1;
            }
        };
        if (order == Integer.MIN_VALUE) {
            return op == CompareOp.NE;
        }
        return switch (op) {
            case EQ -> order == 0;
            case NE -> order != 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
        };
    }
}
