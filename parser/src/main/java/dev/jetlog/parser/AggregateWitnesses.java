// Witnesses of min and max aggregates, as Soufflé gives them: in `best(w, c) :- c = min x : { cost(w, x) }.`
// w is used outside the aggregate but bound only inside it, and takes every value for which the body reaches
// the minimum. Such a rule is rewritten, before the checks, to compute the aggregate without the witness and
// to match the body again against its result: `c = min x : { cost(w', x) }, cost(w, x'), x' = c.`
// A witness of count, sum or mean, or of an aggregate that is not `v = aggregate`, stays an error.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.AggregateKind;
import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Variable;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class AggregateWitnesses {
    private AggregateWitnesses() {
    }

    /** The program with every min/max witness rule rewritten; the other rules as they are. */
    static Program rewrite(Program program) {
        List<Rule> rules = new ArrayList<>();
        boolean changed = false;
        for (Rule rule : program.rules()) {
            Rule rewritten = rewrite(rule);
            changed |= rewritten != rule;
            rules.add(rewritten);
        }
        return changed ? new Program(program.declarations(), program.functors(), program.directives(), rules) : program;
    }

    /** The other side of `result = min ...`: a variable, or `_` when only the witnesses matter. */
    private static boolean isResult(Term term) {
        return term instanceof Variable || term instanceof dev.jetlog.parser.ast.Wildcard;
    }

    private static Rule rewrite(Rule rule) {
        VariableScopes scopes = null;
        List<Literal> body = new ArrayList<>();
        List<Literal> matches = new ArrayList<>();
        int fresh = 0;
        for (Literal literal : rule.body()) {
            if (!(literal instanceof Comparison c) || c.op() != CompareOp.EQ) {
                body.add(literal);
                continue;
            }
            boolean aggregateOnRight = c.right() instanceof Aggregate && isResult(c.left());
            boolean aggregateOnLeft = c.left() instanceof Aggregate && isResult(c.right());
            if (!aggregateOnRight && !aggregateOnLeft) {
                body.add(literal);
                continue;
            }
            Aggregate aggregate = (Aggregate) (aggregateOnRight ? c.right() : c.left());
            Term resultTerm = aggregateOnRight ? c.left() : c.right();
            if (aggregate.kind() != AggregateKind.MIN && aggregate.kind() != AggregateKind.MAX) {
                body.add(literal);
                continue;
            }
            if (scopes == null) {
                scopes = VariableScopes.of(rule);
            }
            VariableScopes.Scope scope = scopes.scopeOf(aggregate);
            Set<String> witnesses = scope.witnesses;
            if (witnesses.isEmpty()) {
                body.add(literal);
                continue;
            }
            fresh++;
            // `_ = min ...` keeps the witnesses and drops the value: it gets a variable of its own
            Variable result = resultTerm instanceof Variable v ? v
                    : new Variable("_result'" + fresh, resultTerm.pos());
            // the aggregate alone: its witnesses become variables of its own
            Map<Variable, String> inside = new IdentityHashMap<>();
            // the body matched again: its own variables renamed apart from the rule's
            Map<Variable, String> again = new IdentityHashMap<>();
            VariableScopes found = scopes;
            int number = fresh;
            AstWalk.forEachVariable(aggregate, occurrence -> {
                VariableScopes.ScopedVar variable = found.of(occurrence);
                if (variable == null) {
                    return;
                }
                if (variable.scope == found.root() && witnesses.contains(variable.name)) {
                    inside.put(occurrence, "_" + variable.name + "'witness" + number);
                } else if (variable.scope == scope) {
                    again.put(occurrence, "_" + variable.name + "'match" + number);
                }
            });
            Term alone = new AstCopier(inside, null).copy(aggregate);
            body.add(aggregateOnRight ? new Comparison(CompareOp.EQ, result, alone, c.pos())
                    : new Comparison(CompareOp.EQ, alone, result, c.pos()));
            AstCopier matching = new AstCopier(again, null);
            matches.addAll(matching.copyAll(aggregate.body()));
            matches.add(new Comparison(CompareOp.EQ, matching.copy(aggregate.target()),
                    new Variable(result.name(), result.pos()), aggregate.pos()));
        }
        if (fresh == 0) {
            return rule;
        }
        body.addAll(matches);
        return new Rule(rule.head(), body, rule.pos());
    }
}
