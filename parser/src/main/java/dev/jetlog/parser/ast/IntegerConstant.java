// An integer literal (decimal, 0x hex or 0b binary). Held as a long so that unsigned values
// up to 2^32-1 fit; the column or expression it meets decides whether it is number, unsigned or float,
// except for a literal with the `u` suffix, which is always unsigned.
package dev.jetlog.parser.ast;

public record IntegerConstant(long value, boolean unsigned, SourcePos pos) implements Term {
    /** A literal without the `u` suffix. */
    public IntegerConstant(long value, SourcePos pos) {
        this(value, false, pos);
    }

    @Override
    public String toString() {
        return value + (unsigned ? "u" : "");
    }
}
