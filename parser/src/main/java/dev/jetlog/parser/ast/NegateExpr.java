// Unary minus applied to a non-literal operand (a minus before a literal folds into the literal).
package dev.jetlog.parser.ast;

public record NegateExpr(Term operand, SourcePos pos) implements Term {
    @Override
    public String toString() {
        return "-" + operand;
    }
}
