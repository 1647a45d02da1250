// A `.decl` statement: a relation's name and typed columns, its choice domains (each a list of column
// indexes whose values determine the rest of the tuple: `choice-domain x, (y, z)`), and its size limit
// (`.limitsize r(n=5)`; 0 for none). A `.decl r_debug = debug_delta(r)` declaration names the relation it
// records (deltaOf): r's columns and the iteration that added each of r's tuples, filled as r is evaluated.
package dev.jetlog.parser.ast;

import java.util.List;

public record RelationDecl(String name, List<Attribute> attributes, List<List<Integer>> choiceDomains, long sizeLimit,
                           String deltaOf, SourcePos pos) {
    public RelationDecl {
        attributes = List.copyOf(attributes);
        choiceDomains = choiceDomains.stream().map(List::copyOf).toList();
    }

    /** A declaration without choice domains or size limit. */
    public RelationDecl(String name, List<Attribute> attributes, SourcePos pos) {
        this(name, attributes, List.of(), 0, null, pos);
    }

    /** A declaration with choice domains and a size limit. */
    public RelationDecl(String name, List<Attribute> attributes, List<List<Integer>> choiceDomains, long sizeLimit,
                        SourcePos pos) {
        this(name, attributes, choiceDomains, sizeLimit, null, pos);
    }

    /** The same declaration with a size limit. */
    public RelationDecl withSizeLimit(long limit) {
        return new RelationDecl(name, attributes, choiceDomains, limit, deltaOf, pos);
    }

    /** True for `.decl d = debug_delta(r)`: d's tuples are r's, each with the iteration that added it. */
    public boolean isDeltaDebug() {
        return deltaOf != null;
    }

    public int arity() {
        return attributes.size();
    }

    public ColumnType columnType(int column) {
        return attributes.get(column).type();
    }
}
