// A comparison literal `left op right`. `X = expr` with X otherwise unbound binds X; pos is the operator's position.
package dev.jetlog.parser.ast;

public record Comparison(CompareOp op, Term left, Term right, SourcePos pos) implements Literal {
    @Override
    public String toString() {
        return op.isStringPredicate() ? op.symbol() + "(" + left + ", " + right + ")"
                : left + " " + op.symbol() + " " + right;
    }
}
