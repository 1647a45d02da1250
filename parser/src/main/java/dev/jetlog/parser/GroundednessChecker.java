// Checks that every variable of a rule is grounded (bound to finitely many values) and that wildcards
// and facts are used where they make sense. A variable is grounded by being a direct argument of a
// positive atom of its scope, or by an equality `X = expr` whose other side is grounded (to a fixpoint);
// the variables an aggregate shares with its enclosing scope must be grounded outside the aggregate.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.AggregateKind;
import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.UnaryExpr;
import dev.jetlog.parser.ast.Variable;
import dev.jetlog.parser.ast.Wildcard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

final class GroundednessChecker {
    /** Where a variable occurrence stands, which decides the wording of its error. */
    private enum Context { HEAD, TARGET, EXPRESSION, NEGATION, COMPARISON, NESTED }

    private record Occurrence(Variable variable, Context context) {
    }

    private final List<Diagnostic> errors;
    private VariableScopes scopes;

    GroundednessChecker(List<Diagnostic> errors) {
        this.errors = errors;
    }

    void check(Rule rule, VariableScopes ruleScopes) {
        scopes = ruleScopes;
        if (rule.isFact()) {
            checkFact(rule);
            return;
        }
        checkScope(scopes.root(), rule.head(), null, rule.body(), Set.of());
    }

    private void checkFact(Rule fact) {
        for (Term arg : fact.head().args()) {
            checkFactTerm(arg);
        }
    }

    private void checkFactTerm(Term term) {
        if (term instanceof Variable v) {
            errors.add(Diagnostic.error(v.pos(), "fact arguments must be constants, found variable '" + v.name() + "'"));
        } else if (term instanceof Wildcard w) {
            errors.add(Diagnostic.error(w.pos(), "wildcard '_' is not allowed in a rule head"));
        } else if (term instanceof BinaryExpr b) {
            checkFactTerm(b.left());
            checkFactTerm(b.right());
        } else if (term instanceof UnaryExpr n) {
            checkFactTerm(n.operand());
        } else if (term instanceof FunctorCall f) {
            f.args().forEach(this::checkFactTerm);
        }
    }

    /**
     * Checks one scope: the rule (with its head) or an aggregate (with its target).
     * @param outerGrounded the grounded variables of the enclosing scopes
     */
    private void checkScope(VariableScopes.Scope scope, Atom head, Term target, List<Literal> body,
                            Set<VariableScopes.ScopedVar> outerGrounded) {
        Set<VariableScopes.ScopedVar> grounded = new HashSet<>(outerGrounded);
        for (Literal literal : body) {
            if (literal instanceof Atom atom) {
                for (Term arg : atom.args()) {
                    if (arg instanceof Variable v && scopes.of(v).scope == scope) {
                        grounded.add(scopes.of(v));
                    }
                }
            }
        }
        List<Occurrence> occurrences = new ArrayList<>();
        List<Aggregate> nested = new ArrayList<>();
        if (head != null) {
            for (Term arg : head.args()) {
                walk(arg, Context.HEAD, occurrences, nested);
            }
        }
        if (target != null) {
            walk(target, Context.TARGET, occurrences, nested);
        }
        for (Literal literal : body) {
            if (literal instanceof Atom atom) {
                walkArguments(atom, Context.EXPRESSION, occurrences, nested);
            } else if (literal instanceof Negation negation) {
                walkArguments(negation.atom(), Context.NEGATION, occurrences, nested);
            } else if (literal instanceof Comparison c) {
                walk(c.left(), Context.COMPARISON, occurrences, nested);
                walk(c.right(), Context.COMPARISON, occurrences, nested);
            }
        }
        occurrences.sort(Comparator.comparingInt((Occurrence o) -> o.variable().pos().line())
                .thenComparingInt(o -> o.variable().pos().column()));
        // a witness (grounded only inside an aggregate of this scope) is reported once, as such, and
        // counts as grounded afterwards so that what it binds does not report errors of its own
        Set<VariableScopes.ScopedVar> reported = new HashSet<>();
        for (Occurrence occurrence : occurrences) {
            VariableScopes.ScopedVar variable = scopes.of(occurrence.variable());
            Aggregate witnessOf = variable.scope == scope && !grounded.contains(variable)
                    ? witnessOf(variable.name, nested) : null;
            if (witnessOf != null && reported.add(variable)) {
                errors.add(Diagnostic.error(occurrence.variable().pos(), witnessMessage(variable.name, witnessOf)));
            }
        }
        grounded.addAll(reported);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Literal literal : body) {
                if (literal instanceof Comparison c && c.op() == CompareOp.EQ) {
                    changed |= bind(scope, c.left(), c.right(), grounded) | bind(scope, c.right(), c.left(), grounded);
                }
            }
        }
        for (Occurrence occurrence : occurrences) {
            VariableScopes.ScopedVar variable = scopes.of(occurrence.variable());
            if (variable.scope == scope && !grounded.contains(variable) && reported.add(variable)) {
                errors.add(Diagnostic.error(occurrence.variable().pos(),
                        message(variable.name, occurrence.context(), scope.aggregate != null)));
            }
        }
        for (Aggregate aggregate : nested) {
            checkScope(scopes.scopeOf(aggregate), null, aggregate.target(), aggregate.body(), grounded);
        }
    }

    /** The aggregate among those of this scope that would ground the variable for it, or null. */
    private Aggregate witnessOf(String name, List<Aggregate> nested) {
        for (Aggregate aggregate : nested) {
            if (scopes.scopeOf(aggregate).witnesses.contains(name)) {
                return aggregate;
            }
        }
        return null;
    }

    private static String witnessMessage(String name, Aggregate aggregate) {
        String kind = aggregate.kind().keyword();
        if (aggregate.kind() == AggregateKind.MIN || aggregate.kind() == AggregateKind.MAX) {
            return "variable '" + name + "' is grounded only inside the " + kind + " aggregate (a witness of its "
                    + "result); a witness needs the aggregate alone on one side of '=', as in 'n = " + kind
                    + " v : { ... }'";
        }
        return "variable '" + name + "' is grounded only inside the " + kind + " aggregate: a " + kind
                + " aggregate cannot export a witness";
    }

    private static String message(String name, Context context, boolean inAggregate) {
        String variable = "variable '" + name + "'";
        String body = inAggregate ? "the aggregate body" : "the body";
        return switch (context) {
            case HEAD -> variable + " in the head is not grounded by the body";
            case TARGET -> variable + " in the aggregate target is not grounded by " + body;
            case EXPRESSION -> variable + " in an argument expression is not grounded by " + body;
            case NEGATION -> variable + " in a negated atom is not grounded elsewhere in " + body;
            case COMPARISON -> variable + " in a comparison is not grounded by " + body;
            case NESTED -> variable + " used in an aggregate is not grounded outside it";
        };
    }

    /** `target = source` grounds target when it is a variable of this scope and source is grounded. */
    private boolean bind(VariableScopes.Scope scope, Term target, Term source, Set<VariableScopes.ScopedVar> grounded) {
        if (!(target instanceof Variable v)) {
            return false;
        }
        VariableScopes.ScopedVar variable = scopes.of(v);
        if (variable.scope != scope || grounded.contains(variable)) {
            return false;
        }
        boolean[] all = {true};
        AstWalk.forEachVariable(source, used -> {
            VariableScopes.ScopedVar u = scopes.of(used);
            if (scope.isWithin(u.scope) && !grounded.contains(u)) {
                all[0] = false;
            }
        });
        if (all[0]) {
            grounded.add(variable);
        }
        return all[0];
    }

    private void walkArguments(Atom atom, Context context, List<Occurrence> occurrences, List<Aggregate> nested) {
        for (Term arg : atom.args()) {
            if (arg instanceof Variable v) {
                occurrences.add(new Occurrence(v, context));
            } else if (!(arg instanceof Wildcard)) {
                walk(arg, context, occurrences, nested);
            }
        }
    }

    private void walk(Term term, Context context, List<Occurrence> occurrences, List<Aggregate> nested) {
        if (term instanceof Variable v) {
            occurrences.add(new Occurrence(v, context));
        } else if (term instanceof Wildcard w) {
            errors.add(Diagnostic.error(w.pos(), context == Context.HEAD
                    ? "wildcard '_' is not allowed in a rule head"
                    : "wildcard '_' is only allowed as an argument of a body atom"));
        } else if (term instanceof BinaryExpr b) {
            walk(b.left(), context, occurrences, nested);
            walk(b.right(), context, occurrences, nested);
        } else if (term instanceof UnaryExpr n) {
            walk(n.operand(), context, occurrences, nested);
        } else if (term instanceof FunctorCall f) {
            for (Term arg : f.args()) {
                walk(arg, context, occurrences, nested);
            }
        } else if (term instanceof Aggregate a) {
            nested.add(a);
            AstWalk.forEachVariable(a, v -> occurrences.add(new Occurrence(v, Context.NESTED)));
        }
    }
}
