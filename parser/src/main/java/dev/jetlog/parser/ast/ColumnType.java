// The four primitive column types of the Soufflé dialect; every value is stored as 32 bits.
package dev.jetlog.parser.ast;

public enum ColumnType {
    /** Signed 32-bit integer. */
    NUMBER("number"),
    /** Unsigned 32-bit integer, stored as int bits. */
    UNSIGNED("unsigned"),
    /** IEEE 754 float32, stored as int bits. */
    FLOAT("float"),
    /** Interned string: the int is an id in the engine's symbol table. */
    SYMBOL("symbol");

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
        return this != SYMBOL;
    }

    /** The type named by a keyword, or null. */
    public static ColumnType fromKeyword(String keyword) {
        for (ColumnType type : values()) {
            if (type.keyword.equals(keyword)) {
                return type;
            }
        }
        return null;
    }
}
