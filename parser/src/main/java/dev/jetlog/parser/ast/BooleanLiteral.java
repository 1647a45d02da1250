// The literals `true` and `false` in a rule body.
package dev.jetlog.parser.ast;

public record BooleanLiteral(boolean value, SourcePos pos) implements Literal {
    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
