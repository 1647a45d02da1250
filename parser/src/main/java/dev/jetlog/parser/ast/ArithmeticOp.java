// Binary arithmetic operators of the dialect.
package dev.jetlog.parser.ast;

public enum ArithmeticOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%");

    private final String symbol;

    ArithmeticOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
