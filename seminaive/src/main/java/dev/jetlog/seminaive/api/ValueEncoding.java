// Turns Java values given through the API into a column's 32 bits, checking type and range; a record or
// ADT value is given as its text, as in fact files.
package dev.jetlog.seminaive.api;

import dev.jetlog.datasets.FloatRange;
import dev.jetlog.datasets.RecordText;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.RelationDecl;

final class ValueEncoding {
    private ValueEncoding() {
    }

    static int encode(RelationDecl decl, int column, Object value, SymbolTable symbols, RecordText records) {
        ColumnType type = decl.columnType(column);
        String where = "column " + column + " of '" + decl.name() + "' (" + type.keyword() + ")";
        if (value == null) {
            throw new IllegalArgumentException(where + " cannot be null");
        }
        switch (type) {
            case SYMBOL:
                if (value instanceof String text) {
                    return symbols.encode(text);
                }
                break;
            case NUMBER:
                if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    return ((Number) value).intValue();
                }
                if (value instanceof Long number) {
                    if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException(where + ": " + number + " does not fit 32 bits");
                    }
                    return number.intValue();
                }
                break;
            case UNSIGNED:
                if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                    long number = ((Number) value).longValue();
                    if (number < 0 || number > 0xFFFF_FFFFL) {
                        throw new IllegalArgumentException(where + ": " + number + " is not in 0.." + 0xFFFF_FFFFL);
                    }
                    return (int) number;
                }
                break;
            case FLOAT:
                if (value instanceof Float number) {
                    return Float.floatToRawIntBits(number);
                }
                if (value instanceof Double || value instanceof Integer) {
                    try {
                        return Float.floatToRawIntBits(FloatRange.narrow(((Number) value).doubleValue()));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(where + ": " + e.getMessage());
                    }
                }
                break;
            case RECORD:
                if (value instanceof String text) {
                    try {
                        return records.parse(text, decl.attributes().get(column).compound());
                    } catch (RecordText.BadRecord e) {
                        throw new IllegalArgumentException(where + ": " + e.getMessage());
                    }
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException(where + " cannot take a " + value.getClass().getSimpleName());
    }
}
