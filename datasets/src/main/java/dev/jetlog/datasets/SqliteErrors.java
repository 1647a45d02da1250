// Turns an SQLite failure into the reason a user can act on ("not an SQLite database", "the database is
// locked by another process"), instead of the driver's "[SQLITE_...] ..." text.
package dev.jetlog.datasets;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteException;

final class SqliteErrors {
    /** The driver's message: "[SQLITE_CODE] generic text (the detail)". */
    private static final Pattern DRIVER_MESSAGE = Pattern.compile("\\[SQLITE_[A-Z_]+\\]\\s*(.*?)\\s*(?:\\((.*)\\))?",
            Pattern.DOTALL);

    private SqliteErrors() {
    }

    /** Why the operation failed, in a few words. */
    static String reason(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            String code = sqlite.getResultCode().name();
            if (code.startsWith("SQLITE_NOTADB")) {
                return "not an SQLite database";
            }
            if (code.startsWith("SQLITE_CORRUPT")) {
                return "the database is corrupt";
            }
            if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
                return "the database is locked by another process";
            }
            if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_PERM")) {
                return "the database is read-only";
            }
            if (code.startsWith("SQLITE_CANTOPEN")) {
                return "cannot open the database file";
            }
            if (code.startsWith("SQLITE_FULL")) {
                return "the disk is full";
            }
        }
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        Matcher m = DRIVER_MESSAGE.matcher(message);
        if (m.matches()) {
            message = m.group(2) != null && !m.group(2).isBlank() ? m.group(2) : m.group(1);
        }
        return message.isBlank() ? "SQLite error " + e.getErrorCode() : message;
    }
}
