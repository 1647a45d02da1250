// Splits off the parts of a rule's body that share no variable with its head: `a(x) :- b(x), c(y), d(y).`
// becomes `a(x) :- b(x), @independent0().` and `@independent0() :- c(y), d(y).`, so that c and d are
// joined once, into a nullary relation that only says whether they match, instead of once per b tuple (as
// Soufflé does too). Only a component of positive atoms and comparisons that reads relations of earlier strata
// is split off: the hidden relation is then a stratum of its own before the rule's, and a recursive stratum
// iterates as written (its debug_delta numbers and iteration counter unchanged). Never split: a negation, an
// aggregate, or a functor whose answer depends on when or how often it is called (autoinc, the iteration
// counter, user-defined functors).
package dev.jetlog.planner;

import dev.jetlog.parser.Subsumption;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.ast.Term;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class IndependentBodies {
    /** The rules after the split, and the nullary relations it added. */
    record Split(List<Rule> rules, List<RelationDecl> declarations) {
    }

    private IndependentBodies() {
    }

    /** The hidden relation of the k-th component split off in the program. */
    static String relationName(int k) {
        return "@independent" + k;
    }

    /**
     * Splits the rules; stratum gives the stratum of each relation that has rules (a relation without rules,
     * an input, comes before all of them).
     */
    static Split split(List<Rule> rules, Map<String, Integer> stratum) {
        List<Rule> out = new ArrayList<>();
        List<RelationDecl> declarations = new ArrayList<>();
        for (Rule rule : rules) {
            if (Subsumption.subsumedRelation(rule.head().relation()) != null) {
                out.add(rule); // a subsumption clause's body compares two tuples of the relation
                continue;
            }
            int own = stratum.getOrDefault(rule.head().relation(), -1);
            List<List<Integer>> independent = independentComponents(rule);
            independent.removeIf(members -> members.stream().map(i -> rule.body().get(i)).anyMatch(
                    literal -> literal instanceof Atom atom && stratum.getOrDefault(atom.relation(), -1) >= own));
            if (independent.isEmpty()) {
                out.add(rule);
                continue;
            }
            Set<Integer> moved = new HashSet<>();
            List<Literal> body = new ArrayList<>();
            for (List<Integer> component : independent) {
                String name = relationName(declarations.size());
                Literal first = rule.body().get(component.get(0));
                Atom marker = new Atom(name, List.of(), positionOf(first));
                List<Literal> literals = new ArrayList<>();
                component.forEach(i -> literals.add(rule.body().get(i)));
                moved.addAll(component);
                declarations.add(new RelationDecl(name, List.of(), positionOf(first)));
                out.add(new Rule(new Atom(name, List.of(), rule.head().pos()), literals, rule.pos()));
                body.add(marker);
            }
            for (int i = 0; i < rule.body().size(); i++) {
                if (!moved.contains(i)) {
                    body.add(rule.body().get(i));
                }
            }
            out.add(new Rule(rule.head(), body, rule.pos()));
        }
        return new Split(out, declarations);
    }

    /**
     * The components (literal indexes, in body order) that share no variable with the head, directly or through
     * other literals, and may be split off. When the head has no variable, all but the first such component.
     */
    private static List<List<Integer>> independentComponents(Rule rule) {
        List<Literal> body = rule.body();
        int n = body.size();
        List<Set<String>> variables = new ArrayList<>();
        for (Literal literal : body) {
            variables.add(variablesOf(AstWalk.terms(literal)));
        }
        Set<String> headVariables = variablesOf(rule.head().args());
        boolean[] taken = new boolean[n];
        if (!headVariables.isEmpty()) {
            absorb(headVariables, variables, taken); // the head's component stays in the rule
        }
        List<List<Integer>> others = new ArrayList<>();
        for (int start = 0; start < n; start++) {
            // a literal without variables is a filter, kept in place
            if (!taken[start] && !variables.get(start).isEmpty()) {
                others.add(absorb(variables.get(start), variables, taken));
            }
        }
        if (headVariables.isEmpty() && !others.isEmpty()) {
            others.remove(0); // something must stay in the rule's own body
        }
        others.removeIf(members -> !members.stream().allMatch(i -> movable(body.get(i)))
                || members.stream().noneMatch(i -> body.get(i) instanceof Atom));
        return others;
    }

    /**
     * The literals not yet taken that share a variable with the seed, directly or through each other, in body
     * order; marks them taken.
     */
    private static List<Integer> absorb(Set<String> seed, List<Set<String>> variables, boolean[] taken) {
        Set<String> names = new HashSet<>(seed);
        List<Integer> members = new ArrayList<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = 0; i < taken.length; i++) {
                if (!taken[i] && !Collections.disjoint(variables.get(i), names)) {
                    taken[i] = true;
                    names.addAll(variables.get(i));
                    members.add(i);
                    grew = true;
                }
            }
        }
        members.sort(null);
        return members;
    }

    /** A positive atom or a comparison without aggregates and without functors whose answer depends on the call. */
    private static boolean movable(Literal literal) {
        if (!(literal instanceof Atom) && !(literal instanceof Comparison)) {
            return false;
        }
        boolean[] pure = {true};
        for (Term term : AstWalk.terms(literal)) {
            AstWalk.forEachOutermostAggregate(term, aggregate -> pure[0] = false);
        }
        return pure[0] && FunctorCalls.find(literal, call -> call.isAutoIncrement() || call.isIterationCounter()
                || call.isUserDefined()) == null;
    }

    private static Set<String> variablesOf(List<Term> terms) {
        Set<String> names = new HashSet<>();
        for (Term term : terms) {
            AstWalk.forEachVariable(term, variable -> names.add(variable.name()));
        }
        return names;
    }

    private static SourcePos positionOf(Literal literal) {
        if (literal instanceof Atom atom) {
            return atom.pos();
        }
        return literal instanceof Comparison comparison ? comparison.pos() : null;
    }
}
