// Unary operators and one-argument functors of the dialect, with the operand and result types of each.
package dev.jetlog.parser.ast;

public enum UnaryOp {
    /** Unary minus on a numeric value, of the operand's type. */
    NEG("-"),
    /** Bitwise not on an integral value. */
    BNOT("bnot"),
    /** Logical not on an integral value: 1 for 0, else 0. */
    LNOT("lnot"),
    /** Conversion of a numeric value or a symbol's text to a number. */
    TO_NUMBER("to_number"),
    TO_UNSIGNED("to_unsigned"),
    TO_FLOAT("to_float"),
    /** The decimal text of a numeric value, as a symbol. */
    TO_STRING("to_string"),
    /** A symbol's id in the symbol table, as a number. */
    ORD("ord"),
    /** The length of a symbol's text in UTF-8 bytes, as Soufflé counts it. */
    STRLEN("strlen"),
    /** The float math functions: a float argument, a float result. */
    SIN("sin"), COS("cos"), TAN("tan"), ASIN("asin"), ACOS("acos"), ATAN("atan"), SINH("sinh"), COSH("cosh"),
    TANH("tanh"), ASINH("asinh"), ACOSH("acosh"), ATANH("atanh"), LOG("log"), EXP("exp"),
    /** `as(x, T)`: the same 32 bits seen as another type (no conversion), as Soufflé's type cast. */
    AS_NUMBER("as"), AS_UNSIGNED("as"), AS_FLOAT("as"), AS_SYMBOL("as"), AS_RECORD("as");

    private final String symbol;

    UnaryOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** True for the functors written `name(x)` rather than as a prefix operator. */
    public boolean isFunctor() {
        return ordinal() >= TO_NUMBER.ordinal();
    }

    /** True for the float math functions (sin ... exp). */
    public boolean isMath() {
        return ordinal() >= SIN.ordinal() && ordinal() <= EXP.ordinal();
    }

    /** True for the casts `as(x, T)`. */
    public boolean isCast() {
        return ordinal() >= AS_NUMBER.ordinal();
    }

    /** The cast to a type. */
    public static UnaryOp castTo(ColumnType type) {
        return switch (type) {
            case NUMBER -> AS_NUMBER;
            case UNSIGNED -> AS_UNSIGNED;
            case FLOAT -> AS_FLOAT;
            case SYMBOL -> AS_SYMBOL;
            case RECORD -> AS_RECORD;
        };
    }

    /** The functor with the given name, or null. */
    public static UnaryOp functor(String name) {
        for (UnaryOp op : values()) {
            if (op.isFunctor() && !op.isCast() && op.symbol.equals(name)) {
                return op;
            }
        }
        return null;
    }

    /** The result type for an operand of the given type; null if the operator does not accept it. */
    public ColumnType resultType(ColumnType operand) {
        return switch (this) {
            case NEG -> operand.isNumeric() ? operand : null;
            case BNOT, LNOT -> operand == ColumnType.NUMBER || operand == ColumnType.UNSIGNED ? operand : null;
            case TO_NUMBER -> operand == ColumnType.RECORD ? null : ColumnType.NUMBER;
            case TO_UNSIGNED -> operand == ColumnType.RECORD ? null : ColumnType.UNSIGNED;
            case TO_FLOAT -> operand == ColumnType.RECORD ? null : ColumnType.FLOAT;
            case TO_STRING -> operand == ColumnType.RECORD ? null : ColumnType.SYMBOL; // of a symbol: itself
            case ORD -> operand == ColumnType.SYMBOL || operand == ColumnType.RECORD ? ColumnType.NUMBER : null;
            case STRLEN -> operand == ColumnType.SYMBOL ? ColumnType.NUMBER : null;
            case SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, TANH, ASINH, ACOSH, ATANH, LOG, EXP ->
                    operand == ColumnType.FLOAT ? ColumnType.FLOAT : null;
            case AS_NUMBER -> ColumnType.NUMBER;
            case AS_UNSIGNED -> ColumnType.UNSIGNED;
            case AS_FLOAT -> ColumnType.FLOAT;
            case AS_SYMBOL -> ColumnType.SYMBOL;
            case AS_RECORD -> ColumnType.RECORD;
        };
    }
}
