// Splits the program into strata (the strongly connected components of the dependency graph, in
// dependency order) and rejects negation or aggregation through recursion.
package dev.jetlog.planner;

import dev.jetlog.parser.Diagnostic;
import dev.jetlog.parser.EquivalenceRelations;
import dev.jetlog.parser.Subsumption;
import dev.jetlog.parser.ast.Rule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

public final class Stratifier {
    private Stratifier() {
    }

    /**
     * The relations of each stratum that has at least one rule, dependencies first; relations within a
     * stratum in declaration order. Errors for negation or aggregation inside a component are added to
     * the given list.
     */
    public static List<List<String>> strata(List<Rule> rules, DependencyGraph graph, List<Diagnostic> errors) {
        List<String> relations = graph.relations();
        int[] component = StronglyConnectedComponents.components(relations.size(), node ->
                graph.outgoing(node).stream().mapToInt(edge -> graph.id(edge.head())).toArray());
        for (DependencyGraph.Edge edge : graph.edges()) {
            boolean hidden = edge.body().startsWith("@") || edge.head().startsWith("@");
            if (edge.kind() != DependencyGraph.Kind.POSITIVE && !hidden
                    && component[graph.id(edge.body())] == component[graph.id(edge.head())]) {
                String how = edge.kind() == DependencyGraph.Kind.NEGATION ? "negation" : "an aggregate";
                String head = EquivalenceRelations.userName(edge.head());
                String body = EquivalenceRelations.userName(edge.body());
                String cycle = body.equals(head)
                        ? "'" + head + "' depends on itself"
                        : "'" + head + "' and '" + body + "' depend on each other";
                errors.add(Diagnostic.error(edge.pos(), "cannot stratify: " + cycle + " through " + how
                        + " on '" + body + "' (negation and aggregation must not be recursive)"));
            }
        }
        Set<String> heads = new HashSet<>();
        for (Rule rule : rules) {
            heads.add(rule.head().relation());
        }
        int componentCount = 0;
        for (int c : component) {
            componentCount = Math.max(componentCount, c + 1);
        }
        List<List<String>> result = new ArrayList<>();
        // Tarjan numbers a component after every component that depends on it: evaluate from the highest.
        for (int c = componentCount - 1; c >= 0; c--) {
            List<String> members = new ArrayList<>();
            boolean hasRules = false;
            for (int node = 0; node < relations.size(); node++) {
                if (component[node] == c) {
                    members.add(relations.get(node));
                    // a relation with subsumption clauses (only) has work to do: deleting dominated tuples; so
                    // has an eqrel relation's class relation: a union-find over its pairs; and a debug_delta relation
                    hasRules |= heads.contains(relations.get(node))
                            || heads.contains(Subsumption.dominatedRelation(relations.get(node)))
                            || EquivalenceRelations.ofClassRelation(relations.get(node)) != null
                            || graph.isDeltaDebug(relations.get(node));
                }
            }
            if (hasRules) {
                result.add(members);
            }
        }
        return result;
    }

    /** True if some rule of the component reads one of its own relations (or the component has several). */
    public static boolean isRecursive(List<String> members, DependencyGraph graph) {
        if (members.size() > 1) {
            return true;
        }
        String only = members.get(0);
        return graph.outgoing(graph.id(only)).stream().anyMatch(edge -> edge.head().equals(only));
    }
}
