// A string literal (escapes already resolved); always of type symbol.
package dev.jetlog.parser.ast;

public record StringConstant(String value, SourcePos pos) implements Term {
    @Override
    public String toString() {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
