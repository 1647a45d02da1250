// One error or warning at a source position, rendered as `file:line:col: error: message`
// followed by the source line (a window of it around the column, when it is long) and a caret.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.SourcePos;

public record Diagnostic(Severity severity, SourcePos pos, String message) {
    /** Characters of a long source line shown on each side of the column. */
    static final int WINDOW = 60;

    public static Diagnostic error(SourcePos pos, String message) {
        return new Diagnostic(Severity.ERROR, pos, message);
    }

    public static Diagnostic warning(SourcePos pos, String message) {
        return new Diagnostic(Severity.WARNING, pos, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one-line form: `file:line:col: error: message`. */
    public String headline() {
        if (pos == null || pos.line() <= 0) {
            return (pos == null ? "" : pos.file() + ": ") + severity.label() + ": " + message;
        }
        return pos + ": " + severity.label() + ": " + message;
    }

    /**
     * The headline, then the source line and a caret under the column (when the source is known). A line
     * longer than twice the window shows only the window around the column, marked "..." where cut.
     */
    public String render(SourceText source) {
        StringBuilder text = new StringBuilder(headline());
        if (source != null && pos != null && pos.line() > 0) {
            String line = source.line(pos.file(), pos.line());
            if (!line.isEmpty()) {
                int column = Math.max(0, Math.min(pos.column() - 1, line.length()));
                int from = 0;
                int to = line.length();
                String prefix = "";
                String suffix = "";
                if (line.length() > 2 * WINDOW) {
                    from = Math.max(0, column - WINDOW);
                    to = Math.min(line.length(), column + WINDOW);
                    prefix = from > 0 ? "..." : "";
                    suffix = to < line.length() ? "..." : "";
                }
                String shown = prefix + line.substring(from, to).replace('\t', ' ') + suffix;
                text.append('\n').append(shown).append('\n').append(" ".repeat(prefix.length() + column - from)).append('^');
            }
        }
        return text.toString();
    }
}
