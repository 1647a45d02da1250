// One column of a relation declaration: its name and type.
package dev.jetlog.parser.ast;

public record Attribute(String name, ColumnType type, SourcePos pos) {
}
