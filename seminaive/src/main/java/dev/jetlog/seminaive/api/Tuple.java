// One tuple of a relation read back from a session, with typed accessors per column.
package dev.jetlog.seminaive.api;

import dev.jetlog.datasets.FloatFormat;
import dev.jetlog.datasets.RecordText;
import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.ColumnType;

import java.util.Arrays;
import java.util.List;

/**
 * One tuple of a relation, read back from a session, with typed accessors per column ({@code getInt},
 * {@code getUnsigned}, {@code getFloat}, {@code getSymbol}). {@link #toString()} renders it as the output
 * files do (tab-separated).
 */
public final class Tuple {
    private final int[] values;
    private final List<Attribute> attributes;
    private final SymbolTable symbols;
    private final RecordText records;

    Tuple(int[] values, List<Attribute> attributes, SymbolTable symbols, RecordText records) {
        this.values = values;
        this.attributes = attributes;
        this.symbols = symbols;
        this.records = records;
    }

    private ColumnType typeOf(int column) {
        return attributes.get(column).type();
    }

    public int arity() {
        return values.length;
    }

    /** The type of a column, as the program names it: "number", "unsigned", "float", "symbol" or "record" (records and ADTs). */
    public String type(int column) {
        return typeOf(column).keyword();
    }

    /** The raw 32 bits of a column (a symbol's id for symbol columns). */
    public int raw(int column) {
        return values[column];
    }

    /** A number column's value. */
    public int getInt(int column) {
        expect(column, ColumnType.NUMBER);
        return values[column];
    }

    /** An unsigned column's value, 0 to 2^32 - 1. */
    public long getUnsigned(int column) {
        expect(column, ColumnType.UNSIGNED);
        return Integer.toUnsignedLong(values[column]);
    }

    public float getFloat(int column) {
        expect(column, ColumnType.FLOAT);
        return Float.intBitsToFloat(values[column]);
    }

    public String getSymbol(int column) {
        expect(column, ColumnType.SYMBOL);
        return symbols.decode(values[column]);
    }

    /** A record or ADT column's value as text, as the output files print it: `[1, x]`, `nil`, `$Branch(2)`. */
    public String getRecord(int column) {
        expect(column, ColumnType.RECORD);
        return records.format(values[column], attributes.get(column).compound());
    }

    /** The value as Integer (number), Long (unsigned), Float (float), String (symbol; a record or ADT as text). */
    public Object get(int column) {
        return switch (typeOf(column)) {
            case NUMBER -> values[column];
            case UNSIGNED -> Integer.toUnsignedLong(values[column]);
            case FLOAT -> Float.intBitsToFloat(values[column]);
            case SYMBOL -> symbols.decode(values[column]);
            case RECORD -> getRecord(column);
        };
    }

    /** Each column as the output files print it. */
    public List<String> toStrings() {
        String[] text = new String[values.length];
        for (int c = 0; c < values.length; c++) {
            text[c] = switch (typeOf(c)) {
                case NUMBER -> Integer.toString(values[c]);
                case UNSIGNED -> Integer.toUnsignedString(values[c]);
                case FLOAT -> FloatFormat.formatBits(values[c]);
                case SYMBOL -> symbols.decode(values[c]);
                case RECORD -> getRecord(c);
            };
        }
        return List.of(text);
    }

    private void expect(int column, ColumnType type) {
        if (typeOf(column) != type) {
            throw new IllegalStateException("column " + column + " is a " + typeOf(column).keyword()
                    + ", not a " + type.keyword());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tuple tuple && Arrays.equals(values, tuple.values) && sameTypes(tuple);
    }

    private boolean sameTypes(Tuple other) {
        for (int c = 0; c < values.length; c++) {
            if (typeOf(c) != other.typeOf(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return String.join("\t", toStrings());
    }
}
