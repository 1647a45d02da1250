// One error or warning at a source position, rendered as `file:line:col: error: message`
// followed by the source line and a caret under the column.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.SourcePos;

public record Diagnostic(Severity severity, SourcePos pos, String message) {

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

    /** The headline, then the source line and a caret under the column (when the source is known). */
    public String render(SourceText source) {
        StringBuilder text = new StringBuilder(headline());
        if (source != null && pos != null && pos.line() > 0) {
            String line = source.line(pos.line());
            if (!line.isEmpty()) {
                text.append('\n').append(line.replace('\t', ' ')).append('\n');
                text.append(" ".repeat(Math.max(0, Math.min(pos.column() - 1, line.length())))).append('^');
            }
        }
        return text.toString();
    }
}
