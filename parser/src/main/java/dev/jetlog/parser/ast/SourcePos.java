// A position in a program's source text: file name, 1-based line and 1-based column.
package dev.jetlog.parser.ast;

public record SourcePos(String file, int line, int column) {
    /** Position for nodes that have no source text (built by API calls or desugaring). */
    public static final SourcePos NONE = new SourcePos("<none>", 0, 0);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
