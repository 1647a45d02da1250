// `nil`, the empty record of every record type (stored as 0).
package dev.jetlog.parser.ast;

public record NilConstant(SourcePos pos) implements Term {
    @Override
    public String toString() {
        return "nil";
    }
}
