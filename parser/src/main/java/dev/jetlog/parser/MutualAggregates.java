// Soufflé's check for aggregates that depend on each other: two literals of a rule body holding aggregates,
// where each grounds (with an atom of its aggregate's body, or as `v = aggregate`) a variable that the other
// only reads, as in `0 = count : { r(x, j), x < i }, 0 = count : { r(i, y), y < j }`. Soufflé cannot order
// them and rejects the rule; so does JetLog, at each such aggregate, for the same programs.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Variable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

final class MutualAggregates {
    /** A body literal holding aggregates: its first aggregate, its variables, and those it grounds. */
    private record AggregateLiteral(Aggregate first, Set<String> variables, Set<String> grounded) {
    }

    private MutualAggregates() {
    }

    static List<Diagnostic> check(Program program) {
        List<Diagnostic> errors = new ArrayList<>();
        for (Rule rule : program.rules()) {
            List<AggregateLiteral> literals = new ArrayList<>();
            for (Literal literal : rule.body()) {
                AggregateLiteral found = aggregateLiteral(literal);
                if (found != null) {
                    literals.add(found);
                }
            }
            for (AggregateLiteral a : literals) {
                for (AggregateLiteral b : literals) {
                    if (a != b && dependsOn(a, b) && dependsOn(b, a)) {
                        errors.add(Diagnostic.error(a.first().pos(), "this aggregate and the one at "
                                + b.first().pos().lineSeenFrom(a.first().pos()) + " depend on each other: each grounds "
                                + "a variable that the other only reads, so neither can be computed first (as in Soufflé)"));
                        break;
                    }
                }
            }
        }
        return errors;
    }

    /** True if a reads, without grounding it, a variable that b grounds. */
    private static boolean dependsOn(AggregateLiteral a, AggregateLiteral b) {
        for (String name : a.variables()) {
            if (!a.grounded().contains(name) && b.variables().contains(name) && b.grounded().contains(name)) {
                return true;
            }
        }
        return false;
    }

    private static AggregateLiteral aggregateLiteral(Literal literal) {
        List<Aggregate> aggregates = new ArrayList<>();
        for (Term term : AstWalk.terms(literal)) {
            AstWalk.forEachOutermostAggregate(term, aggregates::add);
        }
        if (aggregates.isEmpty()) {
            return null;
        }
        Set<String> variables = new HashSet<>();
        for (Term term : AstWalk.terms(literal)) {
            AstWalk.forEachVariable(term, v -> variables.add(v.name()));
        }
        Set<String> grounded = new HashSet<>();
        for (Aggregate aggregate : aggregates) {
            // the variable arguments of its body's positive atoms, as Soufflé's check counts them
            grounded.addAll(GroundedVariables.of(aggregate.body(), atom -> true, (term, names) -> false));
        }
        if (literal instanceof Comparison c && c.op() == CompareOp.EQ) {
            if (c.left() instanceof Variable v && c.right() instanceof Aggregate) {
                grounded.add(v.name());
            } else if (c.right() instanceof Variable v && c.left() instanceof Aggregate) {
                grounded.add(v.name());
            }
        }
        return new AggregateLiteral(aggregates.get(0), variables, grounded);
    }
}
