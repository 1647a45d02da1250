// Soufflé's layout of a relation in an SQLite database, and the SQL that builds it: a table `_R` of
// INTEGER columns "0", "1", ... (a symbol as its id in `__SymbolTable`), and a view `R` that shows the
// symbols' text under the attribute names. Soufflé reads `R`, a table or a view.
package dev.jetlog.datasets;

import dev.jetlog.parser.ast.ColumnType;
import java.util.List;
import java.util.StringJoiner;

final class SqliteLayout {
    /** The table of symbols shared by every relation of a database: (id INTEGER PRIMARY KEY, symbol TEXT UNIQUE). */
    static final String SYMBOL_TABLE = "__SymbolTable";

    private SqliteLayout() {
    }

    /** An SQL identifier in double quotes. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The table that holds the relation's values: "_" and the relation's name. */
    static String dataTable(String relation) {
        return "_" + relation;
    }

    static String createDataTable(String relation, int arity) {
        StringJoiner columns = new StringJoiner(", ", "CREATE TABLE IF NOT EXISTS " + quote(dataTable(relation)) + " (", ")");
        for (int i = 0; i < arity; i++) {
            columns.add(quote(Integer.toString(i)) + " INTEGER");
        }
        return columns.toString();
    }

    static String clearDataTable(String relation) {
        return "DELETE FROM " + quote(dataTable(relation));
    }

    /** The view named after the relation: symbol ids resolved to their text, columns named after the attributes. */
    static String createView(String relation, List<String> attributeNames, List<ColumnType> types) {
        String table = quote(dataTable(relation));
        StringJoiner select = new StringJoiner(", ");
        StringJoiner from = new StringJoiner(", ");
        StringJoiner where = new StringJoiner(" AND ");
        from.add(table);
        for (int i = 0; i < types.size(); i++) {
            String column = table + "." + quote(Integer.toString(i));
            String name = quote(attributeNames.get(i));
            if (types.get(i) == ColumnType.SYMBOL) {
                String symbols = quote("_symtab_" + i);
                select.add(symbols + ".symbol AS " + name);
                from.add(quote(SYMBOL_TABLE) + " AS " + symbols);
                where.add(column + " = " + symbols + ".id");
            } else {
                select.add(column + " AS " + name);
            }
        }
        return "CREATE VIEW IF NOT EXISTS " + quote(relation) + " AS SELECT " + select + " FROM " + from
                + (where.length() == 0 ? "" : " WHERE " + where);
    }

    static String createSymbolTable() {
        return "CREATE TABLE IF NOT EXISTS " + quote(SYMBOL_TABLE) + " (id INTEGER PRIMARY KEY, symbol TEXT UNIQUE)";
    }

    static String insertRow(String relation, int arity) {
        StringJoiner values = new StringJoiner(", ", "INSERT INTO " + quote(dataTable(relation)) + " VALUES (", ")");
        for (int i = 0; i < arity; i++) {
            values.add("?");
        }
        return values.toString();
    }

    static String selectSymbolId() {
        return "SELECT id FROM " + quote(SYMBOL_TABLE) + " WHERE symbol = ?";
    }

    static String insertSymbol() {
        return "INSERT INTO " + quote(SYMBOL_TABLE) + " (symbol) VALUES (?)";
    }

    /** How many tables or views carry the name, as Soufflé's reader checks before it reads. */
    static String countTablesNamed() {
        return "SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?";
    }

    static String selectAll(String relation) {
        return "SELECT * FROM " + quote(relation);
    }
}
