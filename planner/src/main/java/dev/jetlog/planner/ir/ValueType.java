// How the 32 bits of a value are interpreted by arithmetic and comparisons.
package dev.jetlog.planner.ir;

import dev.jetlog.parser.ast.ColumnType;

public enum ValueType {
    /** Two's-complement signed int; also symbol and record ids, which only meet = and !=. */
    SIGNED,
    UNSIGNED,
    FLOAT;

    public static ValueType of(ColumnType type) {
        return switch (type) {
            case NUMBER, SYMBOL, RECORD -> SIGNED;
            case UNSIGNED -> UNSIGNED;
            case FLOAT -> FLOAT;
        };
    }
}
