// A `.decl` statement: a relation's name and typed columns, its choice domains (each a list of column
// indexes whose values determine the rest of the tuple: `choice-domain x, (y, z)`), and its size limit
// (`.limitsize r(n=5)`; 0 for none).
package dev.jetlog.parser.ast;

import java.util.List;

public record RelationDecl(String name, List<Attribute> attributes, List<List<Integer>> choiceDomains, long sizeLimit,
                           SourcePos pos) {
    public RelationDecl {
        attributes = List.copyOf(attributes);
        choiceDomains = choiceDomains.stream().map(List::copyOf).toList();
    }

    /** A declaration without choice domains or size limit. */
    public RelationDecl(String name, List<Attribute> attributes, SourcePos pos) {
        this(name, attributes, List.of(), 0, pos);
    }

    /** The same declaration with a size limit. */
    public RelationDecl withSizeLimit(long limit) {
        return new RelationDecl(name, attributes, choiceDomains, limit, pos);
    }

    public int arity() {
        return attributes.size();
    }

    public ColumnType columnType(int column) {
        return attributes.get(column).type();
    }
}
