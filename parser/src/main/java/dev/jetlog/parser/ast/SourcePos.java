// A position in a program's source text: file name, 1-based line and 1-based column.
package dev.jetlog.parser.ast;

public record SourcePos(String file, int line, int column) {
    /** Position for nodes that have no source text (built by API calls or desugaring). */
    public static final SourcePos NONE = new SourcePos("<none>", 0, 0);

    /** This position's line as a message at {@code from} names it: "line 3", or "lib.dl:3" in another file. */
    public String lineSeenFrom(SourcePos from) {
        return file.equals(from.file) ? "line " + line : file + ":" + line;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
