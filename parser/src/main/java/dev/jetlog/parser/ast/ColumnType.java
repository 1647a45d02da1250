// The column types of the Soufflé dialect as the engine stores them, every value in 32 bits: the four
// primitive types, and records (records and ADT values alike, as ids of the record table).
package dev.jetlog.parser.ast;

public enum ColumnType {
    /** Signed 32-bit integer. */
    NUMBER("number"),
    /** Unsigned 32-bit integer, stored as int bits. */
    UNSIGNED("unsigned"),
    /** IEEE 754 float32, stored as int bits. */
    FLOAT("float"),
    /** Interned string: the int is an id in the engine's symbol table. */
    SYMBOL("symbol"),
    /**
     * A record or algebraic data type value: the int is an id in the session's record table (0 is nil).
     * Which record or ADT type a column holds is its attribute's {@link CompoundType}.
     */
    RECORD("record");

    private final String keyword;

    ColumnType(String keyword) {
        this.keyword = keyword;
    }

    /** The keyword that names this type in a program. */
    public String keyword() {
        return keyword;
    }

    /** True for the types that support arithmetic and ordering. */
    public boolean isNumeric() {
        return this != SYMBOL && this != RECORD;
    }

    /** The type named by a keyword, or null. */
    public static ColumnType fromKeyword(String keyword) {
        for (ColumnType type : values()) {
            if (type != RECORD && type.keyword.equals(keyword)) {
                return type;
            }
        }
        return null;
    }
}
