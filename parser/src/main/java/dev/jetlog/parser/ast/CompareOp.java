// Binary comparison operators of the dialect.
package dev.jetlog.parser.ast;

public enum CompareOp {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** True for the operators that need an ordered (numeric) type. */
    public boolean isOrdering() {
        return this != EQ && this != NE;
    }
}
