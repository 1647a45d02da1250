// Binary arithmetic `left op right`; pos is the operator's position.
package dev.jetlog.parser.ast;

public record BinaryExpr(ArithmeticOp op, Term left, Term right, SourcePos pos) implements Term {
    @Override
    public String toString() {
        return "(" + left + " " + op.symbol() + " " + right + ")";
    }
}
