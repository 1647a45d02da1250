// The aggregate functions of the dialect.
package dev.jetlog.parser.ast;

public enum AggregateKind {
    COUNT("count"), SUM("sum"), MIN("min"), MAX("max");

    private final String keyword;

    AggregateKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
