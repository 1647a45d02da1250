// Tests for SqliteWriter and SqliteReader: Soufflé's layout (table _R, view R, __SymbolTable), round trips
// of every type, databases laid out by Soufflé's own SQL, all-or-nothing staging, and clear errors.
package dev.jetlog.datasets;

import static dev.jetlog.parser.ast.ColumnType.FLOAT;
import static dev.jetlog.parser.ast.ColumnType.NUMBER;
import static dev.jetlog.parser.ast.ColumnType.SYMBOL;
import static dev.jetlog.parser.ast.ColumnType.UNSIGNED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jetlog.parser.ast.ColumnType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTest {
    private static final List<ColumnType> ALL_TYPES = List.of(NUMBER, SYMBOL, UNSIGNED, FLOAT);
    private static final List<String> NAMES = List.of("x", "y", "u", "f");

    @TempDir
    Path dir;

    private final MapSymbols symbols = new MapSymbols();

    private int[] sample() {
        return new int[] {
            1, symbols.encode("a"), -1, Float.floatToRawIntBits(1.5f),
            Integer.MIN_VALUE, symbols.encode("b\"q 'x' ü"), 0, Float.floatToRawIntBits(0.1f),
            7, symbols.encode("a"), 7, Float.floatToRawIntBits(Float.NaN),
            8, symbols.encode(""), Integer.MAX_VALUE, Float.floatToRawIntBits(Float.NEGATIVE_INFINITY),
            9, symbols.encode("z"), 5, Float.floatToRawIntBits(-2f),
        };
    }

    private SqliteWriter.Table table(String relation, int[] rows) {
        return new SqliteWriter.Table(relation, NAMES, ALL_TYPES, rows, rows.length / 4);
    }

    private List<List<Object>> query(Path database, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.add(r.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private void execute(Path database, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Test
    void everyTypeRoundTrips() throws Exception {
        Path db = dir.resolve("out.sqlite");
        int[] rows = sample();
        SqliteWriter.stage(db, List.of(table("r", rows)), symbols).commit();
        IntRows back = SqliteReader.read(db, "r", ALL_TYPES, symbols);
        assertEquals(5, back.size());
        List<String> expected = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            expected.add(rowText(rows, r * 4));
            found.add(rowText(back.toArray(), r * 4));
        }
        expected.sort(null);
        found.sort(null);
        assertEquals(expected, found);
    }

    private String rowText(int[] rows, int at) {
        return rows[at] + "|" + symbols.decode(rows[at + 1]) + "|" + Integer.toUnsignedString(rows[at + 2]) + "|"
                + Float.intBitsToFloat(rows[at + 3]);
    }

    @Test
    void theLayoutIsSoufflesTableViewAndSymbolTable() throws Exception {
        Path db = dir.resolve("layout.sqlite");
        SqliteWriter.stage(db, List.of(table("r", sample())), symbols).commit();
        assertEquals(List.of(List.of("table", "_r"), List.of("view", "r"), List.of("table", "__SymbolTable")),
                query(db, "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY rowid"));
        assertEquals(List.of(List.of(1, "a", -1, 1.5)), query(db, "SELECT x, y, u, f FROM r WHERE x = 1"),
                "the view shows symbols as text under the attribute names; an unsigned as its signed bits, as Soufflé");
        List<List<Object>> raw = query(db, "SELECT \"1\" FROM _r WHERE \"0\" = 1");
        assertEquals(query(db, "SELECT id FROM __SymbolTable WHERE symbol = 'a'"), raw, "_r holds symbol ids");
        assertEquals(List.of(List.of("nan")), query(db, "SELECT f FROM r WHERE x = 7"));
    }

    @Test
    void rewritingReplacesTheRelationsRowsAndKeepsOtherTables() throws Exception {
        Path db = dir.resolve("shared.sqlite");
        SqliteWriter.stage(db, List.of(table("r", sample()), table("s", sample())), symbols).commit();
        int[] fewer = {42, symbols.encode("new"), 1, 0};
        SqliteWriter.stage(db, List.of(table("r", fewer)), symbols).commit();
        assertEquals(List.of(List.of(42, "new")), query(db, "SELECT x, y FROM r"));
        assertEquals(5, SqliteReader.read(db, "s", ALL_TYPES, symbols).size(), "s was left alone");
        assertEquals(1, query(db, "SELECT id FROM __SymbolTable WHERE symbol = 'a'").size(), "symbols are shared, once");
    }

    @Test
    void readsADatabaseLaidOutBySoufflesStatements() throws Exception {
        // The statements Soufflé 2.5's WriteStreamSQLite runs for .decl p(a: symbol, n: number, u: unsigned),
        // with its single-quoted identifiers; its reader selects from the view 'p'.
        Path db = dir.resolve("souffle.sqlite");
        execute(db,
                "CREATE TABLE IF NOT EXISTS '_p' ('0' INTEGER,'1' INTEGER,'2' INTEGER);",
                "DELETE FROM '_p';",
                "CREATE VIEW IF NOT EXISTS 'p' AS SELECT '_symtab_0'.symbol AS 'a','_p'.'1' AS 'n','_p'.'2' AS 'u' "
                        + "FROM '_p','__SymbolTable' AS '_symtab_0' WHERE '_p'.'0' = '_symtab_0'.id;",
                "CREATE TABLE IF NOT EXISTS '__SymbolTable' (id INTEGER PRIMARY KEY, symbol TEXT UNIQUE);",
                "INSERT INTO __SymbolTable VALUES(null,'hello');",
                "INSERT INTO __SymbolTable VALUES(null,'wörld');",
                "INSERT INTO '_p' VALUES (1,-5,-1);",
                "INSERT INTO '_p' VALUES (2,7,3);");
        IntRows rows = SqliteReader.read(db, "p", List.of(SYMBOL, NUMBER, UNSIGNED), symbols);
        assertEquals(2, rows.size());
        assertEquals("hello", symbols.decode(rows.get(0, 0)));
        assertEquals(-5, rows.get(0, 1));
        assertEquals("4294967295", Integer.toUnsignedString(rows.get(0, 2)));
        assertEquals("wörld", symbols.decode(rows.get(1, 0)));
        // and JetLog's own database reads the same through the statement Soufflé's reader runs
        Path ours = dir.resolve("ours.sqlite");
        int[] written = {symbols.encode("hello"), -5, -1};
        SqliteWriter.stage(ours, List.of(new SqliteWriter.Table("p", List.of("a", "n", "u"),
                List.of(SYMBOL, NUMBER, UNSIGNED), written, 1)), symbols).commit();
        assertEquals(List.of(List.of("hello", -5, -1)), query(ours, "SELECT * FROM 'p'"));
    }

    @Test
    void plainTablesWithTextAndRealsAreConverted() throws Exception {
        Path db = dir.resolve("plain.sqlite");
        execute(db, "CREATE TABLE t (a TEXT, b, c REAL, d)",
                "INSERT INTO t VALUES ('x', ' 12 ', 2.0, 4294967295)",
                "INSERT INTO t VALUES (NULL, '-3', 1, '7')");
        IntRows rows = SqliteReader.read(db, "t", List.of(SYMBOL, NUMBER, FLOAT, UNSIGNED), symbols);
        assertEquals("x", symbols.decode(rows.get(0, 0)));
        assertEquals(12, rows.get(0, 1));
        assertEquals(2.0f, Float.intBitsToFloat(rows.get(0, 2)));
        assertEquals(-1, rows.get(0, 3));
        assertEquals("", symbols.decode(rows.get(1, 0)), "NULL is the empty symbol, as in Soufflé");
        assertEquals(-3, rows.get(1, 1));
        assertEquals(7, rows.get(1, 3));
    }

    private String readError(Path db, String relation, List<ColumnType> types) {
        return assertThrows(IOException.class, () -> SqliteReader.read(db, relation, types, symbols)).getMessage();
    }

    @Test
    void readErrorsNameTheProblem() throws Exception {
        Path db = dir.resolve("bad.sqlite");
        execute(db, "CREATE TABLE t (a, b)", "INSERT INTO t VALUES (1, 2)", "INSERT INTO t VALUES (3, 'x')",
                "CREATE TABLE n (a)", "INSERT INTO n VALUES (NULL)",
                "CREATE TABLE big (a)", "INSERT INTO big VALUES (4294967296)",
                "CREATE TABLE half (a)", "INSERT INTO half VALUES (2.5)");
        assertEquals("no table or view named 'missing'", readError(db, "missing", List.of(NUMBER)));
        assertEquals("table or view 't' has 2 columns, but the relation has 3 attributes",
                readError(db, "t", List.of(NUMBER, NUMBER, NUMBER)));
        assertEquals("row 2, column 2 ('b'): 'x' is not a number", readError(db, "t", List.of(NUMBER, NUMBER)));
        assertEquals("row 1, column 1 ('a'): NULL is not a number", readError(db, "n", List.of(NUMBER)));
        assertEquals("row 1, column 1 ('a'): 4294967296 does not fit a 32-bit unsigned", readError(db, "big", List.of(UNSIGNED)));
        assertEquals("row 1, column 1 ('a'): 2.5 is not an integer", readError(db, "half", List.of(NUMBER)));
        Path garbage = Files.writeString(dir.resolve("garbage.sqlite"), "this is not a database at all, not even close....");
        assertEquals("not an SQLite database", readError(garbage, "t", List.of(NUMBER)));
        assertEquals("no such file", readError(dir.resolve("none.sqlite"), "t", List.of(NUMBER)));
        assertFalse(Files.exists(dir.resolve("none.sqlite")), "reading does not create a database");
    }

    @Test
    void aStagedNewDatabaseIsInvisibleUntilCommittedAndGoneWhenDiscarded() throws Exception {
        Path db = dir.resolve("new.sqlite");
        StagedOutput staged = SqliteWriter.stage(db, List.of(table("r", sample())), symbols);
        assertFalse(Files.exists(db));
        staged.discard();
        assertFalse(Files.exists(db));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no temporary is left");
        }
    }

    @Test
    void aStagedChangeToAnExistingDatabaseIsRolledBackWhenDiscarded() throws Exception {
        Path db = dir.resolve("old.sqlite");
        int[] first = {1, symbols.encode("kept"), 0, 0};
        SqliteWriter.stage(db, List.of(table("r", first)), symbols).commit();
        StagedOutput staged = SqliteWriter.stage(db, List.of(table("r", sample()), table("s", sample())), symbols);
        staged.discard();
        assertEquals(List.of(List.of(1, "kept")), query(db, "SELECT x, y FROM r"));
        assertEquals(List.of(), query(db, "SELECT name FROM sqlite_master WHERE name = 's'"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(db), files.toList(), "no journal is left");
        }
    }

    @Test
    void writeErrorsChangeNothing() throws Exception {
        Path db = dir.resolve("clash.sqlite");
        execute(db, "CREATE TABLE _r (a INTEGER)", "INSERT INTO _r VALUES (5)");
        IOException e = assertThrows(IOException.class, () -> SqliteWriter.stage(db, List.of(table("r", sample())), symbols));
        assertTrue(e.getMessage().contains("table _r has 1 columns but 4 values were supplied"), e.getMessage());
        assertEquals(List.of(List.of(5)), query(db, "SELECT a FROM _r"), "the DELETE was rolled back");
        Path garbage = Files.writeString(dir.resolve("garbage.sqlite"), "this is not a database at all, not even close....");
        e = assertThrows(IOException.class, () -> SqliteWriter.stage(garbage, List.of(table("r", sample())), symbols));
        assertEquals("not an SQLite database", e.getMessage());
        assertEquals("this is not a database at all, not even close....", Files.readString(garbage));
        Path directory = Files.createDirectory(dir.resolve("adir.sqlite"));
        e = assertThrows(IOException.class, () -> SqliteWriter.stage(directory, List.of(table("r", sample())), symbols));
        assertEquals("is a directory", e.getMessage());
    }

    @Test
    void aNullaryRelationHasNoLayout() {
        assertThrows(IllegalArgumentException.class,
                () -> new SqliteWriter.Table("n", List.of(), List.of(), new int[0], 1));
    }

    @Test
    void databasesAreWrittenThroughSymbolicLinks() throws Exception {
        Path real = dir.resolve("real.sqlite");
        Path link = Files.createSymbolicLink(dir.resolve("link.sqlite"), real.getFileName());
        SqliteWriter.stage(link, List.of(table("r", sample())), symbols).commit();
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(5, SqliteReader.read(real, "r", ALL_TYPES, symbols).size());
        assertArrayEquals(SqliteReader.read(link, "r", ALL_TYPES, symbols).toArray(),
                SqliteReader.read(real, "r", ALL_TYPES, symbols).toArray());
    }
}
