// One column of a relation declaration: its name and type; for a record or ADT column, also which one.
package dev.jetlog.parser.ast;

public record Attribute(String name, ColumnType type, SourcePos pos, CompoundType compound) {
    /** A column of a primitive type. */
    public Attribute(String name, ColumnType type, SourcePos pos) {
        this(name, type, pos, null);
    }
}
