// An integer literal (decimal, 0x hex or 0b binary). Held as a long so that unsigned values
// up to 2^32-1 fit; the column or expression it meets decides whether it is number, unsigned or float.
package dev.jetlog.parser.ast;

public record IntegerConstant(long value, SourcePos pos) implements Term {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
