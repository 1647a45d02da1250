// Finds a rule that reads a debug_delta relation of its own stratum: such a relation is filled as the
// stratum runs (its source relation's new tuples, iteration by iteration), not by rules, so only rules of
// later strata may read it.
package dev.jetlog.planner;

import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;

import java.util.Map;
import java.util.Set;

final class DeltaDebugReads {
    private DeltaDebugReads() {
    }

    /** The first atom of the rule's body (negations and aggregates included) that reads such a relation, or null. */
    static Atom find(Rule rule, Set<String> stratum, Map<String, RelationDecl> relations) {
        Atom[] found = {null};
        for (Literal literal : rule.body()) {
            AstWalk.forEachLiteral(literal, nested -> {
                Atom atom = nested instanceof Atom a ? a : nested instanceof Negation n ? n.atom() : null;
                if (found[0] == null && atom != null && stratum.contains(atom.relation())
                        && relations.get(atom.relation()) != null && relations.get(atom.relation()).isDeltaDebug()) {
                    found[0] = atom;
                }
            });
        }
        return found[0];
    }
}
