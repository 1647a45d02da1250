// A `.decl` statement: a relation's name and typed columns, and its choice domains (each a list of column
// indexes whose values determine the rest of the tuple: `choice-domain x, (y, z)`).
package dev.jetlog.parser.ast;

import java.util.List;

public record RelationDecl(String name, List<Attribute> attributes, List<List<Integer>> choiceDomains, SourcePos pos) {
    public RelationDecl {
        attributes = List.copyOf(attributes);
        choiceDomains = choiceDomains.stream().map(List::copyOf).toList();
    }

    /** A declaration without choice domains. */
    public RelationDecl(String name, List<Attribute> attributes, SourcePos pos) {
        this(name, attributes, List.of(), pos);
    }

    public int arity() {
        return attributes.size();
    }

    public ColumnType columnType(int column) {
        return attributes.get(column).type();
    }
}
