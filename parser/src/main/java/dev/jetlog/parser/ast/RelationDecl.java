// A `.decl` statement: a relation's name and typed columns.
package dev.jetlog.parser.ast;

import java.util.List;

public record RelationDecl(String name, List<Attribute> attributes, SourcePos pos) {
    public RelationDecl {
        attributes = List.copyOf(attributes);
    }

    public int arity() {
        return attributes.size();
    }

    public ColumnType columnType(int column) {
        return attributes.get(column).type();
    }
}
