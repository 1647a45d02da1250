// Binary comparison operators of the dialect, and the string predicates match and contains (and their negations).
package dev.jetlog.parser.ast;

public enum CompareOp {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
    /** match(pattern, text): the whole text matches the regular expression. */
    MATCH("match"), NOT_MATCH("!match"),
    /** contains(part, text): the text contains the part. */
    CONTAINS("contains"), NOT_CONTAINS("!contains");

    private final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** True for the operators that need an ordered (numeric) type. */
    public boolean isOrdering() {
        return this == LT || this == LE || this == GT || this == GE;
    }

    /** True for match and contains and their negations, which take symbols. */
    public boolean isStringPredicate() {
        return ordinal() >= MATCH.ordinal();
    }

    /** The operator that holds exactly when this one does not. */
    public CompareOp inverse() {
        return switch (this) {
            case EQ -> NE;
            case NE -> EQ;
            case LT -> GE;
            case LE -> GT;
            case GT -> LE;
            case GE -> LT;
            case MATCH -> NOT_MATCH;
            case NOT_MATCH -> MATCH;
            case CONTAINS -> NOT_CONTAINS;
            case NOT_CONTAINS -> CONTAINS;
        };
    }
}
