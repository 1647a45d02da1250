// Binary operators and two-argument functors of the dialect, with the value types each accepts.
package dev.jetlog.parser.ast;

public enum BinaryOp {
    ADD("+", Operands.NUMERIC),
    SUB("-", Operands.NUMERIC),
    MUL("*", Operands.NUMERIC),
    DIV("/", Operands.NUMERIC),
    MOD("%", Operands.NUMERIC),
    /** Power; on integers the result of the double power truncated to 32 bits, as in Soufflé. */
    POW("^", Operands.NUMERIC),
    BAND("band", Operands.INTEGRAL),
    BOR("bor", Operands.INTEGRAL),
    BXOR("bxor", Operands.INTEGRAL),
    /** Shifts take the shift count modulo 32. */
    BSHL("bshl", Operands.INTEGRAL),
    BSHR("bshr", Operands.INTEGRAL),
    BSHRU("bshru", Operands.INTEGRAL),
    /** Logical operators: 0 is false, anything else true; the result is 0 or 1. */
    LAND("land", Operands.INTEGRAL),
    LOR("lor", Operands.INTEGRAL),
    LXOR("lxor", Operands.INTEGRAL),
    /** The functors min(a, b, ...) and max(a, b, ...), folded pairwise; on symbols they compare text. */
    MIN("min", Operands.ANY),
    MAX("max", Operands.ANY),
    /** The functor cat(a, b, ...) on symbols, folded pairwise. */
    CAT("cat", Operands.SYMBOL);

    /** The value types an operator accepts (both operands and the result have one type). */
    public enum Operands { NUMERIC, INTEGRAL, ANY, SYMBOL }

    private final String symbol;
    private final Operands operands;

    BinaryOp(String symbol, Operands operands) {
        this.symbol = symbol;
        this.operands = operands;
    }

    public String symbol() {
        return symbol;
    }

    public Operands operands() {
        return operands;
    }

    /** True for the functors written `name(a, b)` rather than infix. */
    public boolean isFunctor() {
        return this == MIN || this == MAX || this == CAT;
    }

    /** True if the operator accepts operands of the type. */
    public boolean accepts(ColumnType type) {
        return switch (operands) {
            case NUMERIC -> type.isNumeric() || this == ADD && type == ColumnType.SYMBOL; // "a" + "b" concatenates
            case INTEGRAL -> type == ColumnType.NUMBER || type == ColumnType.UNSIGNED;
            case ANY -> type != ColumnType.RECORD;
            case SYMBOL -> type == ColumnType.SYMBOL;
        };
    }
}
