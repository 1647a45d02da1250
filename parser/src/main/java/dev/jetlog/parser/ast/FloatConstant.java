// A floating-point literal such as 1.5 or 2e-3; always of type float.
package dev.jetlog.parser.ast;

public record FloatConstant(float value, SourcePos pos) implements Term {
    @Override
    public String toString() {
        return Float.toString(value);
    }
}
