// A named variable. Names are scoped to one rule (and to one aggregate body for its local variables).
package dev.jetlog.parser.ast;

public record Variable(String name, SourcePos pos) implements Term {
    @Override
    public String toString() {
        return name;
    }
}
