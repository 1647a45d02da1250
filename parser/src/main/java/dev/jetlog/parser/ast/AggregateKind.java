// The aggregate functions of the dialect.
package dev.jetlog.parser.ast;

public enum AggregateKind {
    COUNT("count"), SUM("sum"), MIN("min"), MAX("max"),
    /** The float mean of a float target (Soufflé: float sum divided by the count). */
    MEAN("mean");

    private final String keyword;

    AggregateKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    /** True for the aggregates that have no value over no match (the row is dropped): min, max, mean. */
    public boolean dropsEmpty() {
        return this == MIN || this == MAX || this == MEAN;
    }
}
