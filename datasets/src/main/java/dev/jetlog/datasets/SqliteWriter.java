// Writes relations into an SQLite database in Soufflé's IO=sqlite layout, all or nothing: a new database
// is built in a temporary file renamed into place on commit; an existing one is changed in a transaction
// committed only when every output is written.
package dev.jetlog.datasets;

import dev.jetlog.parser.ast.ColumnType;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sqlite.SQLiteConfig;

/**
 * For each relation, as Soufflé 2.5 does: creates the table {@code _R} (if missing) and empties it,
 * inserts a row per tuple, creates the view {@code R} (if missing) that shows symbols as text under the
 * attribute names, and keeps the symbols in {@code __SymbolTable}, shared by the relations of the
 * database. Numbers and unsigned numbers are stored as Soufflé stores them (an unsigned as the signed int
 * of its bits); a float is stored as its value (Soufflé stores its bits as an integer, which neither its
 * reader nor any other reads back as the float), NaN as the text {@code nan}.
 */
public final class SqliteWriter {
    private static final int BATCH_ROWS = 1 << 12;

    /** One relation to write: its name, attribute names and types, and the first rowCount rows of rows. */
    public record Table(String relation, List<String> attributeNames, List<ColumnType> types, int[] rows,
                        int rowCount) {
        public Table {
            attributeNames = List.copyOf(attributeNames);
            types = List.copyOf(types);
            Objects.requireNonNull(rows, "rows");
            if (types.isEmpty()) {
                throw new IllegalArgumentException("a nullary relation has no SQLite layout");
            }
            if (attributeNames.size() != types.size() || rowCount < 0
                    || (long) rowCount * types.size() > rows.length) {
                throw new IllegalArgumentException("table " + relation + ": names, types and rows do not agree");
            }
        }
    }

    private SqliteWriter() {
    }

    /**
     * Writes the tables into {@code database} (symbolic links followed) without making them visible: the
     * result's commit does. {@code symbols} may be null when no column is {@code SYMBOL}.
     *
     * @throws IOException naming the reason; nothing is changed then
     */
    public static StagedOutput stage(Path database, List<Table> tables, SymbolEncoder symbols) throws IOException {
        Path target = StagedFile.throughLinks(database.toAbsolutePath());
        if (Files.exists(target)) {
            if (!Files.isRegularFile(target)) {
                throw new IOException(Files.isDirectory(target) ? "is a directory" : "not a regular file");
            }
            return inPlace(target, tables, symbols);
        }
        StagedFile staged = StagedFile.beside(target);
        boolean done = false;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.OFF); // a temporary: dropped whole on failure
        try (Connection connection = config.createConnection("jdbc:sqlite:" + staged.temporary())) {
            connection.setAutoCommit(false);
            writeTables(connection, tables, symbols);
            connection.commit();
            done = true;
        } catch (SQLException e) {
            throw new IOException(SqliteErrors.reason(e), e);
        } finally {
            if (!done) {
                staged.discard();
            }
        }
        return staged;
    }

    private static StagedOutput inPlace(Path target, List<Table> tables, SymbolEncoder symbols) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection connection = null;
        boolean done = false;
        try {
            connection = config.createConnection("jdbc:sqlite:" + target);
            connection.setAutoCommit(false);
            writeTables(connection, tables, symbols);
            done = true;
            return new SqliteTransaction(connection, target);
        } catch (SQLException e) {
            throw new IOException(SqliteErrors.reason(e), e);
        } finally {
            if (!done && connection != null) {
                SqliteTransaction.rollBackAndClose(connection);
            }
        }
    }

    private static void writeTables(Connection connection, List<Table> tables, SymbolEncoder symbols)
            throws SQLException, IOException {
        SymbolIds symbolIds = new SymbolIds(connection, symbols);
        for (Table table : tables) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(SqliteLayout.createDataTable(table.relation(), table.types().size()));
                statement.execute(SqliteLayout.clearDataTable(table.relation()));
                statement.execute(SqliteLayout.createView(table.relation(), table.attributeNames(), table.types()));
                statement.execute(SqliteLayout.createSymbolTable());
            }
            insertRows(connection, table, symbolIds);
        }
        symbolIds.close();
    }

    private static void insertRows(Connection connection, Table table, SymbolIds symbolIds)
            throws SQLException, IOException {
        ColumnType[] types = table.types().toArray(new ColumnType[0]);
        int arity = types.length;
        int[] rows = table.rows();
        try (PreparedStatement insert = connection.prepareStatement(SqliteLayout.insertRow(table.relation(), arity))) {
            for (int r = 0, at = 0; r < table.rowCount(); r++) {
                for (int c = 0; c < arity; c++, at++) {
                    int value = rows[at];
                    switch (types[c]) {
                        case SYMBOL -> insert.setLong(c + 1, symbolIds.id(value));
                        case FLOAT -> {
                            float f = Float.intBitsToFloat(value);
                            if (Float.isNaN(f)) {
                                insert.setString(c + 1, FloatFormat.formatBits(value));
                            } else {
                                insert.setDouble(c + 1, f);
                            }
                        }
                        default -> insert.setInt(c + 1, value);
                    }
                }
                insert.addBatch();
                if ((r + 1) % BATCH_ROWS == 0) {
                    insert.executeBatch();
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("interrupted while writing");
                    }
                }
            }
            insert.executeBatch();
        }
    }

    /** The database's id for each symbol, inserting symbols it lacks into __SymbolTable. */
    private static final class SymbolIds {
        private final SymbolEncoder symbols;
        private final Map<Integer, Long> ids = new HashMap<>();
        private final Connection connection;
        private PreparedStatement select;
        private PreparedStatement insert;

        SymbolIds(Connection connection, SymbolEncoder symbols) {
            this.connection = connection;
            this.symbols = symbols;
        }

        long id(int symbol) throws SQLException {
            Long known = ids.get(symbol);
            if (known != null) {
                return known;
            }
            String text = symbols.decode(symbol);
            if (text == null) {
                throw new IllegalArgumentException("symbol id " + symbol + " has no text");
            }
            if (select == null) {
                select = connection.prepareStatement(SqliteLayout.selectSymbolId());
                insert = connection.prepareStatement(SqliteLayout.insertSymbol());
            }
            long id = find(text);
            if (id < 0) {
                insert.setString(1, text);
                insert.executeUpdate();
                id = find(text);
            }
            ids.put(symbol, id);
            return id;
        }

        private long find(String text) throws SQLException {
            select.setString(1, text);
            try (ResultSet found = select.executeQuery()) {
                return found.next() ? found.getLong(1) : -1;
            }
        }

        void close() throws SQLException {
            if (select != null) {
                select.close();
                insert.close();
            }
        }
    }
}
