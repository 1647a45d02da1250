// A binary operator `left op right`, or a two-argument functor `op(left, right)`; pos is the operator's position.
package dev.jetlog.parser.ast;

public record BinaryExpr(BinaryOp op, Term left, Term right, SourcePos pos) implements Term {
    @Override
    public String toString() {
        return op.isFunctor() ? op.symbol() + "(" + left + ", " + right + ")"
                : "(" + left + " " + op.symbol() + " " + right + ")";
    }
}
