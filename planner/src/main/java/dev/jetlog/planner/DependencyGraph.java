// The predicate dependency graph: an edge from each body relation to the rule's head relation,
// marked negative when the body reads it through negation or an aggregate. An aggregate with a
// hidden relation depends on that relation, and also directly on its body's relations so that
// stratification errors name the user's relations. The rules of a subsumed relation r's hidden r@dominated
// relation make r depend on what they read (they run in r's stratum). The hidden class relation `r@class`
// of an eqrel relation r depends on r, whose pairs make its classes. A `d = debug_delta(r)` relation and r
// depend on each other, as in Soufflé: d is filled as r's stratum runs, so they are one component.
package dev.jetlog.planner;

import dev.jetlog.parser.EquivalenceRelations;
import dev.jetlog.parser.Subsumption;
import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.UnaryExpr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class DependencyGraph {
    /** How a rule reads a body relation. */
    public enum Kind { POSITIVE, NEGATION, AGGREGATE }

    /** The head relation depends on the body relation, through the literal at pos. */
    public record Edge(String body, String head, Kind kind, SourcePos pos) {
    }

    private final List<String> relations;
    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<List<Edge>> outgoing = new ArrayList<>();

    private final AggregateBodies bodies;
    private final Set<String> deltaDebugRelations = new HashSet<>();

    DependencyGraph(List<RelationDecl> declarations, List<Rule> rules, AggregateBodies bodies) {
        this.bodies = bodies;
        relations = new ArrayList<>();
        for (RelationDecl decl : declarations) {
            if (!ids.containsKey(decl.name())) {
                ids.put(decl.name(), relations.size());
                relations.add(decl.name());
                outgoing.add(new ArrayList<>());
            }
        }
        for (RelationDecl decl : declarations) {
            String pairs = EquivalenceRelations.ofClassRelation(decl.name());
            if (pairs != null && ids.containsKey(pairs)) {
                add(new Edge(pairs, decl.name(), Kind.POSITIVE, decl.pos()));
            }
        }
        for (RelationDecl decl : declarations) {
            if (decl.isDeltaDebug() && ids.containsKey(decl.deltaOf())) {
                deltaDebugRelations.add(decl.name());
                add(new Edge(decl.deltaOf(), decl.name(), Kind.POSITIVE, decl.pos()));
                add(new Edge(decl.name(), decl.deltaOf(), Kind.POSITIVE, decl.pos()));
            }
        }
        for (Rule rule : rules) {
            String head = rule.head().relation();
            String subsumed = Subsumption.subsumedRelation(head);
            if (subsumed != null) {
                // the rules that find r's dominated tuples run in r's stratum: what they read comes before it
                for (Literal literal : rule.body()) {
                    if (!(literal instanceof Atom atom && atom.relation().equals(subsumed))) {
                        addLiteralEdges(literal, subsumed, Kind.POSITIVE);
                    }
                }
                continue;
            }
            for (Term arg : rule.head().args()) {
                addTermEdges(arg, head);
            }
            for (Literal literal : rule.body()) {
                addLiteralEdges(literal, head, Kind.POSITIVE);
            }
        }
    }

    private void addLiteralEdges(Literal literal, String head, Kind atomKind) {
        if (literal instanceof Atom atom) {
            add(new Edge(atom.relation(), head, atomKind, atom.pos()));
            for (Term arg : atom.args()) {
                addTermEdges(arg, head);
            }
        } else if (literal instanceof Negation negation) {
            add(new Edge(negation.atom().relation(), head,
                    atomKind == Kind.AGGREGATE ? Kind.AGGREGATE : Kind.NEGATION, negation.pos()));
        } else if (literal instanceof Comparison comparison) {
            addTermEdges(comparison.left(), head);
            addTermEdges(comparison.right(), head);
        }
    }

    private void addTermEdges(Term term, String head) {
        if (term instanceof Aggregate aggregate) {
            AggregateBodies.Hidden hidden = bodies.of(aggregate);
            if (hidden != null) {
                add(new Edge(hidden.relation().name(), head, Kind.AGGREGATE, aggregate.pos()));
            }
            for (Literal literal : aggregate.body()) {
                addLiteralEdges(literal, head, Kind.AGGREGATE);
            }
            if (aggregate.target() != null) {
                addTermEdges(aggregate.target(), head);
            }
        } else if (term instanceof BinaryExpr binary) {
            addTermEdges(binary.left(), head);
            addTermEdges(binary.right(), head);
        } else if (term instanceof UnaryExpr negate) {
            addTermEdges(negate.operand(), head);
        } else if (term instanceof FunctorCall call) {
            call.args().forEach(arg -> addTermEdges(arg, head));
        }
    }

    private void add(Edge edge) {
        Integer from = ids.get(edge.body());
        if (from == null || !ids.containsKey(edge.head())) {
            throw new IllegalArgumentException("undeclared relation in " + edge);
        }
        edges.add(edge);
        outgoing.get(from).add(edge);
    }

    public List<String> relations() {
        return relations;
    }

    public int id(String relation) {
        return ids.get(relation);
    }

    public List<Edge> edges() {
        return edges;
    }

    /** The edges leaving a relation (to the heads of the rules that read it). */
    public List<Edge> outgoing(int relation) {
        return outgoing.get(relation);
    }

    /** True for a `debug_delta` relation, which its stratum fills without rules. */
    boolean isDeltaDebug(String relation) {
        return deltaDebugRelations.contains(relation);
    }
}
