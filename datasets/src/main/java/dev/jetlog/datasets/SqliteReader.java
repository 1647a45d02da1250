// Reads a relation from an SQLite database laid out as Soufflé's IO=sqlite does: the table or view named
// after the relation (a database Soufflé or JetLog wrote has such a view, showing symbols as text).
package dev.jetlog.datasets;

import dev.jetlog.parser.ast.ColumnType;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Reads {@code SELECT * FROM "R"} as Soufflé does, a column per attribute in order, and converts each
 * value by the attribute's type: a symbol takes the value's text (NULL is the empty symbol); a number
 * must be an integer that fits 32 bits (integral reals and numeric text are accepted); an unsigned may
 * also be stored as the negative int of its bits, as Soufflé writes it; a float takes a real, an integer
 * or numeric text ({@code nan}, {@code inf}). A missing table, a different number of columns or a value
 * that does not fit is an error naming the row and column. The database is opened read-only.
 */
public final class SqliteReader {
    private static final int CHECK_INTERRUPT_ROWS = 1 << 14;

    private SqliteReader() {
    }

    /**
     * Reads the relation's table or view from {@code database}. {@code symbols} may be null when no column
     * is {@code SYMBOL}.
     *
     * @throws IOException naming the reason (no such database, not a database, no such table, a bad value)
     */
    public static IntRows read(Path database, String relation, List<ColumnType> types, SymbolEncoder symbols)
            throws IOException {
        if (!Files.isRegularFile(database)) {
            throw new IOException(Files.isDirectory(database) ? "is a directory"
                    : Files.exists(database) ? "not a regular file" : "no such file");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + database.toAbsolutePath())) {
            checkTableExists(connection, relation);
            try (Statement select = connection.createStatement();
                 ResultSet result = select.executeQuery(SqliteLayout.selectAll(relation))) {
                return readRows(result, relation, types, symbols);
            }
        } catch (SQLException e) {
            throw new IOException(SqliteErrors.reason(e), e);
        }
    }

    private static void checkTableExists(Connection connection, String relation) throws SQLException, IOException {
        try (PreparedStatement count = connection.prepareStatement(SqliteLayout.countTablesNamed())) {
            count.setString(1, relation);
            try (ResultSet result = count.executeQuery()) {
                if (!result.next() || result.getInt(1) == 0) {
                    throw new IOException("no table or view named '" + relation + "'");
                }
            }
        }
    }

    private static IntRows readRows(ResultSet result, String relation, List<ColumnType> types,
                                    SymbolEncoder symbols) throws SQLException, IOException {
        int arity = types.size();
        ResultSetMetaData columns = result.getMetaData();
        if (columns.getColumnCount() != arity) {
            throw new IOException("table or view '" + relation + "' has " + columns.getColumnCount()
                    + " columns, but the relation has " + arity + " attributes");
        }
        IntRows rows = new IntRows(arity, 16);
        int[] row = new int[arity];
        for (long rowNumber = 1; result.next(); rowNumber++) {
            for (int c = 0; c < arity; c++) {
                try {
                    row[c] = value(types.get(c), result, c + 1, symbols);
                } catch (BadValue e) {
                    throw new IOException("row " + rowNumber + ", column " + (c + 1) + " ('" + columns.getColumnName(c + 1)
                            + "'): " + e.getMessage());
                }
            }
            rows.add(row);
            if (rowNumber % CHECK_INTERRUPT_ROWS == 0 && Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while reading");
            }
        }
        return rows;
    }

    /** A value that does not fit its attribute's type. */
    private static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        BadValue(String message) {
            super(message, null, false, false);
        }
    }

    private static int value(ColumnType type, ResultSet result, int column, SymbolEncoder symbols)
            throws SQLException, BadValue {
        if (type == ColumnType.SYMBOL) {
            String text = result.getString(column);
            return symbols.encode(text == null ? "" : text);
        }
        Object value = result.getObject(column);
        if (value == null) {
            throw new BadValue("NULL is not a " + type.keyword());
        }
        if (value instanceof Integer || value instanceof Long) {
            long v = ((Number) value).longValue();
            return integer(type, v, String.valueOf(v));
        }
        if (value instanceof Double d) {
            if (type == ColumnType.FLOAT) {
                return Float.floatToRawIntBits(d.floatValue());
            }
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new BadValue(d + " is not an integer");
            }
            return integer(type, d.longValue(), String.valueOf(d));
        }
        if (value instanceof String text) {
            byte[] bytes = text.strip().getBytes(StandardCharsets.UTF_8);
            try {
                return NumericFields.parse(type, bytes, 0, bytes.length);
            } catch (NumericFields.BadValue e) {
                if (type == ColumnType.UNSIGNED) {
                    try {
                        return integer(type, Long.parseLong(text.strip()), text);
                    } catch (NumberFormatException notSigned) {
                        // report the unsigned parser's reason
                    }
                }
                throw new BadValue(e.getMessage());
            }
        }
        throw new BadValue("a BLOB is not a " + type.keyword());
    }

    /** An integer read for a numeric column: range-checked for number and unsigned, converted for float. */
    private static int integer(ColumnType type, long v, String text) throws BadValue {
        switch (type) {
            case NUMBER:
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw new BadValue(text + " does not fit a 32-bit number");
                }
                return (int) v;
            case UNSIGNED:
                if (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL) {
                    throw new BadValue(text + " does not fit a 32-bit unsigned");
                }
                return (int) v;
            case FLOAT:
                return Float.floatToRawIntBits((float) v);
            default:
                throw new IllegalArgumentException("not a numeric type: " + type);
        }
    }
}
