// A negated body atom `!r(...)`; pos is the position of the `!`.
package dev.jetlog.parser.ast;

public record Negation(Atom atom, SourcePos pos) implements Literal {
    @Override
    public String toString() {
        return "!" + atom;
    }
}
