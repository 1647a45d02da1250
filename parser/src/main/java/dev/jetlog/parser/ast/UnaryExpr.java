// A unary operator or one-argument functor applied to an operand (a minus before a literal folds into the literal).
package dev.jetlog.parser.ast;

public record UnaryExpr(UnaryOp op, Term operand, SourcePos pos) implements Term {
    @Override
    public String toString() {
        if (op.isCast()) {
            return "as(" + operand + ", " + op.resultType(ColumnType.NUMBER).keyword() + ")";
        }
        return op == UnaryOp.NEG ? "-" + operand
                : op.isFunctor() ? op.symbol() + "(" + operand + ")" : "(" + op.symbol() + " " + operand + ")";
    }
}
