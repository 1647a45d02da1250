// Checked error for a malformed .facts file, pointing at file:line:column.
package dev.jetlog.datasets;

import java.nio.file.Path;

/**
 * A {@code .facts} file could not be read because of its content. Carries the file, the 1-based
 * line and the 1-based column (in characters) of the offending field; {@link #getMessage()}
 * reads {@code "file:line:col: detail"}.
 */
public class FactsFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String detail;

    public FactsFormatException(String file, int line, int column, String detail) {
        super(file + ":" + line + ":" + column + ": " + detail);
        this.file = file;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    public FactsFormatException(Path file, int line, int column, String detail) {
        this(String.valueOf(file), line, column, detail);
    }

    /** The file (or source name) being read. */
    public String file() {
        return file;
    }

    /** 1-based line number. */
    public int line() {
        return line;
    }

    /** 1-based column, counted in characters (code points); a tab counts as one. */
    public int column() {
        return column;
    }

    /** The message without the {@code file:line:col: } prefix. */
    public String detail() {
        return detail;
    }
}
