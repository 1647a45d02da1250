// The anonymous variable `_`: matches anything, binds nothing.
package dev.jetlog.parser.ast;

public record Wildcard(SourcePos pos) implements Term {
    @Override
    public String toString() {
        return "_";
    }
}
