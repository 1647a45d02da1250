// The functions every backend evaluates on the host, bound to one session: those that read or extend the
// symbol table (cat, substr, strlen, conversions between symbols and numbers, min/max on text, match,
// contains), with Soufflé 2.5's results, and the user-defined functors the embedding program registered.
package dev.jetlog.seminaive.spi;

import dev.jetlog.datasets.FloatBits;
import dev.jetlog.datasets.RecordTable;
import dev.jetlog.datasets.SymbolEncoder;
import dev.jetlog.parser.RegexDialect;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.planner.ir.SymbolFunction;
import dev.jetlog.planner.ir.UserFunction;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public final class HostFunctions {
    /** For sessions that never evaluate a symbol function (and backend tests): any use is an error. */
    public static final HostFunctions NONE = new HostFunctions(null, null, Map.of());

    private final SymbolEncoder symbols;
    private final RecordTable records;
    /** User-defined functors by name: Java values in (Integer, Long, Float, String by type), one out. */
    private final Map<String, Function<Object[], Object>> functors;
    /** What recursive_iteration_cnt() gives: the evaluator sets it as iterations start. */
    private volatile int iteration;
    /** The counter of autoinc(). */
    private final java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();
    /** Compiled patterns by the symbol id of their text; a bad pattern maps to BAD_PATTERN. */
    private final ConcurrentHashMap<Integer, Pattern> patterns = new ConcurrentHashMap<>();
    private static final Pattern BAD_PATTERN = Pattern.compile("(?!)");

    public HostFunctions(SymbolEncoder symbols, RecordTable records, Map<String, Function<Object[], Object>> functors) {
        this.symbols = symbols;
        this.records = records;
        this.functors = Map.copyOf(functors);
    }

    /** Sets what recursive_iteration_cnt() gives from now on (an unsigned). */
    public void iteration(int value) {
        this.iteration = value;
    }

    /** True if a user-defined functor of that name is registered. */
    public boolean hasFunctor(String name) {
        return functors.containsKey(name);
    }

    /**
     * Calls a user-defined functor: each argument as the Java value of its declared type (number: Integer,
     * unsigned: Long, float: Float, symbol: String), the result back to 32 bits by the declared result type.
     * A missing functor, one that throws, or a result of the wrong kind stops the run with a BackendException.
     */
    public int call(UserFunction function, int[] args) {
        Function<Object[], Object> functor = functors.get(function.name());
        if (functor == null) {
            throw new BackendException("functor '@" + function.name() + "' has no implementation");
        }
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = toJava(function.parameters().get(i), args[i]);
        }
        Object result;
        try {
            result = functor.apply(values);
        } catch (RuntimeException e) {
            throw new BackendException("functor '@" + function.name() + "' failed: " + e, e);
        }
        return fromJava(function, result);
    }

    private Object toJava(ColumnType type, int bits) {
        return switch (type) {
            case NUMBER -> bits;
            case UNSIGNED -> Integer.toUnsignedLong(bits);
            case FLOAT -> Float.intBitsToFloat(bits);
            case SYMBOL -> text(bits);
            case RECORD -> bits;
        };
    }

    private int fromJava(UserFunction function, Object value) {
        ColumnType type = function.result();
        if (type == ColumnType.SYMBOL && value instanceof String text) {
            return symbols.encode(text);
        }
        if (type == ColumnType.FLOAT && value instanceof Number number
                && (value instanceof Float || value instanceof Double)) {
            float result = number.floatValue();
            return Float.floatToRawIntBits(result);
        }
        if ((type == ColumnType.NUMBER || type == ColumnType.UNSIGNED || type == ColumnType.RECORD) && (value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Byte)) {
            long number = ((Number) value).longValue();
            long min = type == ColumnType.UNSIGNED ? 0 : Integer.MIN_VALUE;
            long max = type == ColumnType.UNSIGNED ? 0xFFFF_FFFFL : Integer.MAX_VALUE;
            if (number >= min && number <= max) {
                return (int) number;
            }
        }
        throw new BackendException("functor '@" + function.name() + "' returned " + value
                + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")") + ", not a " + type.keyword());
    }

    /** Evaluates the function on argument values (symbol ids or 32-bit numbers, as the function takes them). */
    public int apply(SymbolFunction.Fn fn, int[] args) {
        if (fn == SymbolFunction.Fn.PACK || fn == SymbolFunction.Fn.FIELD) {
            if (records == null) {
                throw new BackendException("record function " + fn + " evaluated without a record table");
            }
            return fn == SymbolFunction.Fn.PACK ? records.pack(args) : records.field(args[0], args[1]);
        }
        if (fn.ordinal() >= SymbolFunction.Fn.SIN.ordinal()) {
            return FloatMath.apply(fn, args[0]);
        }
        if (symbols == null) {
            throw new BackendException("symbol function " + fn + " evaluated without a symbol table");
        }
        return switch (fn) {
            case CAT -> symbols.encode(text(args[0]) + text(args[1]));
            case MIN -> compareText(args[0], args[1]) <= 0 ? args[0] : args[1];
            case COMPARE -> Integer.signum(compareText(args[0], args[1]));
            case MAX -> compareText(args[0], args[1]) >= 0 ? args[0] : args[1];
            case STRLEN -> utf8(text(args[0])).length;
            case SUBSTR -> symbols.encode(substring(text(args[0]), args[1], args[2]));
            case TO_NUMBER -> (int) parseInteger(text(args[0]), false);
            case TO_UNSIGNED -> (int) parseInteger(text(args[0]), true);
            case TO_FLOAT -> parseFloat(text(args[0]));
            case NUMBER_TO_STRING -> symbols.encode(Integer.toString(args[0]));
            case UNSIGNED_TO_STRING -> symbols.encode(Integer.toUnsignedString(args[0]));
            case FLOAT_TO_STRING -> symbols.encode(String.format(Locale.ROOT, "%f", Float.intBitsToFloat(args[0])));
            case MATCH -> pattern(args[0]).matcher(text(args[1])).matches() ? 1 : 0;
            case CONTAINS -> text(args[1]).contains(text(args[0])) ? 1 : 0;
            case AUTOINC -> counter.getAndIncrement();
            case ITERATION -> iteration;
            case PACK, FIELD -> throw new IllegalStateException("record functions are handled above");
            default -> throw new IllegalStateException("float math is handled above");
        };
    }

    private String text(int id) {
        return symbols.decode(id);
    }

    /** Byte-wise comparison of the UTF-8 texts, as std::string compares them. */
    private int compareText(int a, int b) {
        return a == b ? 0 : java.util.Arrays.compareUnsigned(utf8(text(a)), utf8(text(b)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** std::string::substr on the UTF-8 bytes: an index past the end gives "" (Soufflé warns); a long length is cut. */
    static String substring(String text, int index, int length) {
        byte[] bytes = utf8(text);
        long from = index & 0xFFFF_FFFFL;
        if (index < 0 || from > bytes.length) {
            return "";
        }
        long count = length < 0 ? Long.MAX_VALUE : length;
        int to = (int) Math.min(bytes.length, from + count);
        return new String(bytes, (int) from, to - (int) from, StandardCharsets.UTF_8);
    }

    /**
     * Soufflé's to_number / to_unsigned: optional blanks and sign, then a decimal, 0x hex or 0b binary number;
     * trailing text is ignored; no number, or one out of range, is an error.
     */
    static long parseInteger(String text, boolean unsigned) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int start = i;
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (text.startsWith("0x", i) || text.startsWith("0X", i)) {
            radix = 16;
            i += 2;
        } else if (text.startsWith("0b", i)) {
            radix = 2;
            i += 2;
        }
        int digits = i;
        while (i < text.length() && Character.digit(text.charAt(i), radix) >= 0) {
            i++;
        }
        if (i == digits || i - digits > 40) {
            throw badNumber(text, unsigned ? "to_unsigned" : "to_number");
        }
        java.math.BigInteger value = new java.math.BigInteger(text.substring(digits, i), radix);
        if (negative) {
            value = value.negate();
        }
        long min = Integer.MIN_VALUE;
        long max = unsigned ? 0xFFFF_FFFFL : Integer.MAX_VALUE;
        if (value.bitLength() > 40 || value.longValue() < min || value.longValue() > max) {
            throw new BackendException("to_" + (unsigned ? "unsigned" : "number") + "(\"" + text.substring(start)
                    + "\"): the number is out of range");
        }
        return value.longValue();
    }

    private static int parseFloat(String text) {
        String trimmed = text.strip();
        java.util.regex.Matcher number = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(inf|infinity|nan)",
                Pattern.CASE_INSENSITIVE).matcher(trimmed);
        if (!number.lookingAt()) {
            throw badNumber(text, "to_float");
        }
        String literal = number.group();
        String lower = literal.toLowerCase(Locale.ROOT);
        if (lower.contains("nan")) {
            return lower.startsWith("-") ? FloatBits.DEFAULT_NAN : FloatBits.POSITIVE_NAN;
        }
        float value = lower.contains("inf") ? (lower.startsWith("-") ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY)
                : Float.parseFloat(literal);
        return Float.floatToRawIntBits(value);
    }

    private static BackendException badNumber(String text, String functor) {
        return new BackendException(functor + "(\"" + text + "\"): the text is not a number");
    }

    private Pattern pattern(int id) {
        Pattern pattern = patterns.computeIfAbsent(id, key -> {
            try {
                return RegexDialect.compile(text(key));
            } catch (PatternSyntaxException e) {
                return BAD_PATTERN;
            }
        });
        return pattern;
    }
}
