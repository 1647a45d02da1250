// The reference evaluator's 32-bit values: encoding Java values, arithmetic and comparison per type, rendering.
package dev.jetlog.seminaive.reference;

import dev.jetlog.datasets.FloatFormat;
import dev.jetlog.parser.ast.BinaryOp;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.CompoundType;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.UnaryOp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every value is 32 bits held in an int: a number is the int itself, an unsigned its bits, a float its
 * raw IEEE bits and a symbol an id of this object's own string table. Binary that has no value
 * (integer division or remainder by zero) yields null.
 */
final class Scalars {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final Map<List<Integer>, Integer> recordIds = new HashMap<>();
    /** Fields by record id; entry 0 stands for nil. */
    private final List<List<Integer>> records = new ArrayList<>(List.of(List.of()));

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
            case RECORD -> throw new IllegalArgumentException("the reference evaluator takes no record inputs");
        }
        throw new IllegalArgumentException("cannot store " + value + " in a " + type.keyword() + " column");
    }

    /** A column value as the engine's output files print it. */
    String render(ColumnType type, CompoundType compound, int bits) {
        return switch (type) {
            case NUMBER -> Integer.toString(bits);
            case UNSIGNED -> Integer.toUnsignedString(bits);
            case FLOAT -> FloatFormat.formatBits(bits);
            case SYMBOL -> names.get(bits);
            case RECORD -> renderRecord(compound, bits);
        };
    }

    /** `[a, b]`, `nil`, `$Branch(a, b)` or `$Branch`, as Soufflé prints records and ADT values. */
    private String renderRecord(CompoundType type, int id) {
        if (id == 0) {
            return "nil";
        }
        List<Integer> fields = records.get(id);
        int offset = type.isAdt() ? 1 : 0;
        CompoundType.Branch branch = type.branches().get(type.isAdt() ? fields.get(0) : 0);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < branch.arity(); i++) {
            CompoundType.Field field = branch.fields().get(i);
            parts.add(render(field.type(), field.compound(), fields.get(i + offset)));
        }
        if (type.isAdt()) {
            return "$" + branch.name() + (parts.isEmpty() ? "" : "(" + String.join(", ", parts) + ")");
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /**
     * The values of range(from, to[, step]) as Soufflé 2.5 gives them: `to` excluded; without a step 1 or -1
     * toward `to`; a zero step gives `from` once (none when from = to); values beyond the type end it.
     */
    static List<Integer> range(ColumnType type, List<Integer> args) {
        List<Integer> values = new ArrayList<>();
        if (type == ColumnType.FLOAT) {
            float from = Float.intBitsToFloat(args.get(0));
            float to = Float.intBitsToFloat(args.get(1));
            float step = args.size() > 2 ? Float.intBitsToFloat(args.get(2)) : from < to ? 1f : -1f;
            if (from == to) {
                return values;
            }
            if (step == 0f) {
                return List.of(args.get(0));
            }
            for (float x = from; step > 0 ? x < to : x > to; x += step) {
                values.add(floatBits(x));
                if (x + step == x) {
                    break;
                }
            }
            return values;
        }
        boolean unsigned = type == ColumnType.UNSIGNED;
        long from = unsigned ? Integer.toUnsignedLong(args.get(0)) : args.get(0);
        long to = unsigned ? Integer.toUnsignedLong(args.get(1)) : args.get(1);
        long step = args.size() > 2 ? (unsigned ? Integer.toUnsignedLong(args.get(2)) : args.get(2))
                : from < to ? 1 : -1;
        long min = unsigned ? 0 : Integer.MIN_VALUE;
        long max = unsigned ? 0xFFFF_FFFFL : Integer.MAX_VALUE;
        if (from == to) {
            return values;
        }
        if (step == 0) {
            return List.of(args.get(0));
        }
        for (long x = from; (step > 0 ? x < to : x > to) && x >= min && x <= max; x += step) {
            values.add((int) x);
        }
        return values;
    }

    /** The id of the record with these fields (ids from 1; 0 is nil). */
    int pack(List<Integer> fields) {
        return recordIds.computeIfAbsent(List.copyOf(fields), f -> {
            records.add(f);
            return records.size() - 1;
        });
    }

    /** A field of a record by its stored index; 0 for nil or past the end. */
    int field(int id, int index) {
        if (id <= 0 || id >= records.size() || index >= records.get(id).size()) {
            return 0;
        }
        return records.get(id).get(index);
    }

    /** `a op b` in the given type; null for integer division or remainder by zero. */
    static Integer arithmetic(BinaryOp op, ColumnType type, int a, int b) {
        if (type == ColumnType.FLOAT) {
            float x = Float.intBitsToFloat(a);
            float y = Float.intBitsToFloat(b);
            if (op == BinaryOp.MIN || op == BinaryOp.MAX) { // std::min / std::max give an operand as it is
                return (op == BinaryOp.MIN ? y < x : x < y) ? b : a;
            }
            float result = switch (op) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV -> x / y;
                case MOD -> x % y;
                case POW -> (float) Math.pow(x, y);
                default -> throw new IllegalArgumentException(op + " on floats");
            };
            return floatResult(result, a, b);
        }
        boolean unsigned = type == ColumnType.UNSIGNED;
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> b == 0 ? null : unsigned ? Integer.divideUnsigned(a, b) : a / b;
            case MOD -> b == 0 ? null : unsigned ? Integer.remainderUnsigned(a, b) : a % b;
            case POW -> power(unsigned, a, b);
            case BAND -> a & b;
            case BOR -> a | b;
            case BXOR -> a ^ b;
            case BSHL -> (int) ((a & 0xFFFF_FFFFL) << (b & 31));
            case BSHR -> unsigned ? (int) ((a & 0xFFFF_FFFFL) >> (b & 31)) : a >> (b & 31);
            case BSHRU -> (int) ((a & 0xFFFF_FFFFL) >> (b & 31));
            case LAND -> bool(a != 0 & b != 0);
            case LOR -> bool(a != 0 | b != 0);
            case LXOR -> bool(a != 0 ^ b != 0);
            case MIN -> compare(CompareOp.LT, type, b, a) ? b : a;
            case MAX -> compare(CompareOp.LT, type, a, b) ? b : a;
            case CAT -> throw new IllegalArgumentException("cat on numbers");
        };
    }

    private static int bool(boolean value) {
        return value ? 1 : 0;
    }

    /** (int32) or (uint32) of the double power, as x86-64 C++ converts out-of-range values. */
    private static int power(boolean unsigned, int a, int b) {
        double value = unsigned ? Math.pow(Integer.toUnsignedLong(a), Integer.toUnsignedLong(b)) : Math.pow(a, b);
        if (unsigned) {
            return Double.isNaN(value) || Math.abs(value) >= 0x1p63 ? 0 : (int) (long) value;
        }
        return Double.isNaN(value) || value >= 0x1p31 || value <= -0x1p31 - 1 ? Integer.MIN_VALUE : (int) value;
    }

    /** A unary operator or functor on a value of the operand type. */
    Integer unary(UnaryOp op, ColumnType from, int a) {
        float x = Float.intBitsToFloat(a);
        return switch (op) {
            case NEG -> from == ColumnType.FLOAT ? a ^ 0x80000000 : -a; // the sign flips, a NaN's too
            case BNOT -> ~a;
            case LNOT -> bool(a == 0);
            case ORD, AS_NUMBER, AS_UNSIGNED, AS_FLOAT, AS_SYMBOL, AS_RECORD -> a;
            case STRLEN -> names.get(a).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            case TO_STRING -> symbol(from == ColumnType.FLOAT ? String.format(java.util.Locale.ROOT, "%f", x)
                    : from == ColumnType.UNSIGNED ? Long.toString(Integer.toUnsignedLong(a)) : Integer.toString(a));
            case TO_NUMBER -> switch (from) {
                case FLOAT -> Float.isNaN(x) || x >= 0x1p31f || x < -0x1p31f ? Integer.MIN_VALUE : (int) x;
                case SYMBOL -> Integer.parseInt(names.get(a).strip());
                default -> a;
            };
            case TO_UNSIGNED -> switch (from) {
                case FLOAT -> Float.isNaN(x) || Math.abs(x) >= 0x1p63f ? 0 : (int) (long) x;
                case SYMBOL -> (int) Long.parseLong(names.get(a).strip());
                default -> a;
            };
            case TO_FLOAT -> switch (from) {
                case NUMBER -> floatBits(a);
                case UNSIGNED -> floatBits(Integer.toUnsignedLong(a));
                case SYMBOL -> floatBits(Float.parseFloat(names.get(a).strip()));
                case FLOAT, RECORD -> a;
            };
            case SIN -> mathResult(a, (float) Math.sin(x));
            case COS -> mathResult(a, (float) Math.cos(x));
            case TAN -> mathResult(a, (float) Math.tan(x));
            case ASIN -> mathResult(a, (float) Math.asin(x));
            case ACOS -> mathResult(a, (float) Math.acos(x));
            case ATAN -> mathResult(a, (float) Math.atan(x));
            case SINH -> mathResult(a, (float) Math.sinh(x));
            case COSH -> mathResult(a, (float) Math.cosh(x));
            case TANH -> mathResult(a, (float) Math.tanh(x));
            case ASINH -> mathResult(a, (float) (Math.signum((double) x) * Math.log(Math.abs((double) x)
                    + Math.sqrt((double) x * x + 1))));
            case ACOSH -> mathResult(a, (float) Math.log(x + Math.sqrt((double) x * x - 1)));
            case ATANH -> mathResult(a, (float) (Math.log((1.0 + x) / (1.0 - x)) / 2));
            case LOG -> mathResult(a, (float) Math.log(x));
            case EXP -> mathResult(a, (float) Math.exp(x));
        };
    }

    private static int floatBits(float value) {
        return floatResult(value, 0, 0);
    }

    /** A math functor's result on the float whose bits are a. */
    private static int mathResult(int a, float value) {
        return floatResult(value, a, a);
    }

    /**
     * A float result's bits as x86 SSE makes them: a NaN operand (a first) is passed on with its quiet bit
     * set; a NaN made from numbers is the default NaN, 0xffc00000.
     */
    static int floatResult(float value, int a, int b) {
        if (value == value) {
            return Float.floatToRawIntBits(value);
        }
        for (int operand : new int[] {a, b}) {
            if (Float.isNaN(Float.intBitsToFloat(operand))) {
                return operand | 0x00400000;
            }
        }
        return 0xffc00000;
    }

    /** substr on the UTF-8 bytes, as std::string::substr: "" from an index past the end, to the end when long. */
    int substring(int text, int from, int length) {
        byte[] bytes = names.get(text).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (from < 0 || from > bytes.length) {
            return symbol("");
        }
        int end = length < 0 || (long) from + length > bytes.length ? bytes.length : from + length;
        return symbol(new String(bytes, from, end - from, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** cat, min and max on symbols (text order by UTF-8 bytes). */
    int symbolBinary(BinaryOp op, int a, int b) {
        String x = names.get(a);
        String y = names.get(b);
        int order = java.util.Arrays.compareUnsigned(x.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                y.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return switch (op) {
            case CAT, ADD -> symbol(x + y);
            case MIN -> order <= 0 ? a : b;
            case MAX -> order >= 0 ? a : b;
            default -> throw new IllegalArgumentException(op + " on symbols");
        };
    }

    /** match(pattern, text) and contains(part, text), possibly negated. */
    boolean stringPredicate(CompareOp op, int a, int b) {
        String left = names.get(a);
        String right = names.get(b);
        boolean holds = switch (op) {
            case MATCH, NOT_MATCH -> dev.jetlog.parser.RegexDialect.compile(left).matcher(right).matches();
            default -> right.indexOf(left) >= 0;
        };
        return (op == CompareOp.MATCH || op == CompareOp.CONTAINS) == holds;
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
            case SYMBOL, RECORD -> {
                if (op.isOrdering()) {
                    throw new IllegalArgumentException("symbols and records have no order");
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
            default -> throw new IllegalArgumentException(op + " is not a comparison");
        };
    }
}
