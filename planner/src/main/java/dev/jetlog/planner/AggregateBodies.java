// Aggregates whose body joins several atoms (or negates one) are evaluated over a hidden relation:
// `@aggregateN(v1, ..., vk, w1, ...) :- body.` holds one row per distinct match of the body (its
// variables and, for each `_`, the matched column), so counting or summing its rows counts or sums
// the body's matches exactly. It is computed in an earlier stratum; the aggregate then reads it like
// a one-atom body. Comparisons that read variables the body does not bind (bound by the enclosing
// rule) stay with the aggregate as per-row filters; an equality `v = expr` over body variables binds
// v inside the hidden relation, as a column, even when v is also the enclosing rule's variable (the
// aggregate then matches that column like any other correlated one). An aggregate nested in such a body
// (`m = max y : { s(x, y) }`) is evaluated by the hidden relation's rule, like any aggregate of a rule.
// Where that nested aggregate, a negation or a range's bounds read a variable of the enclosing rule that the
// body's own atoms do not bind (`sum s : { sales(product, m, s) }` inside an aggregate whose rule binds product), the hidden
// rule also takes the enclosing rule's atoms that bind such variables, and every enclosing variable the body
// reads becomes a column: the aggregate then matches them like any correlated column, so it sees, for each
// binding of the enclosing rule, the rows made with that binding.
package dev.jetlog.planner;

import dev.jetlog.parser.CheckedProgram;
import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.BooleanLiteral;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Variable;
import dev.jetlog.parser.ast.Wildcard;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class AggregateBodies {
    /** The hidden relation of one aggregate, its rule, and what the aggregate keeps for itself. */
    record Hidden(RelationDecl relation, Rule rule, Atom atom, List<Comparison> keptComparisons) {
    }

    private final IdentityHashMap<Aggregate, Hidden> hidden = new IdentityHashMap<>();

    private AggregateBodies() {
    }

    /** Finds every aggregate of the program that needs a hidden relation and builds it. */
    static AggregateBodies of(CheckedProgram program) {
        AggregateBodies bodies = new AggregateBodies();
        for (Rule rule : program.program().rules()) {
            List<Term> terms = new ArrayList<>(rule.head().args());
            for (Literal literal : rule.body()) {
                terms.addAll(AstWalk.terms(literal));
            }
            bodies.hideAll(program, terms, rule.body());
        }
        return bodies;
    }

    /**
     * Builds the hidden relations of the aggregates of these terms (of a rule with the given body), and of
     * aggregates nested in their bodies.
     */
    private void hideAll(CheckedProgram program, List<Term> terms, List<Literal> enclosingBody) {
        for (Term term : terms) {
            AstWalk.forEachOutermostAggregate(term, aggregate -> {
                if (needsHiddenRelation(aggregate)) {
                    Hidden built = build(program, aggregate, enclosingBody);
                    hidden.put(aggregate, built);
                    List<Term> nested = new ArrayList<>();
                    for (Literal literal : built.rule().body()) {
                        nested.addAll(AstWalk.terms(literal));
                    }
                    hideAll(program, nested, built.rule().body());
                }
            });
        }
    }

    /**
     * The enclosing rule's atoms that the hidden rule must take: none, unless a nested aggregate, a negation or
     * a range's bounds in the body read a variable that the body's own atoms do not bind but an atom of the
     * enclosing rule does; then every enclosing atom that binds a variable the body reads.
     */
    private static List<Atom> domainAtoms(Aggregate aggregate, List<Literal> enclosingBody) {
        Set<String> own = new LinkedHashSet<>();
        for (Literal literal : aggregate.body()) {
            if (literal instanceof Atom atom) {
                own.addAll(atomVariables(atom));
            }
        }
        Set<String> outside = new LinkedHashSet<>();
        for (Literal literal : enclosingBody) {
            if (literal instanceof Atom atom) {
                outside.addAll(atomVariables(atom));
            }
        }
        Set<String> deep = new LinkedHashSet<>();
        for (Literal literal : aggregate.body()) {
            if (literal instanceof Negation negation) {
                deep.addAll(atomVariables(negation.atom()));
            }
            if (literal instanceof Comparison comparison) {
                // a range's bounds: the hidden rule must generate with the enclosing rule's values
                for (Term side : List.of(comparison.left(), comparison.right())) {
                    if (isRange(side)) {
                        AstWalk.forEachVariable(side, v -> deep.add(v.name()));
                    }
                }
            }
            for (Term term : AstWalk.terms(literal)) {
                AstWalk.forEachOutermostAggregate(term, nested -> AstWalk.forEachVariable(nested, v -> deep.add(v.name())));
            }
        }
        deep.removeAll(own);
        deep.retainAll(outside);
        if (deep.isEmpty()) {
            return List.of();
        }
        Set<String> read = variablesRead(aggregate);
        read.removeAll(own);
        read.retainAll(outside);
        List<Atom> domain = new ArrayList<>();
        for (Literal literal : enclosingBody) {
            if (literal instanceof Atom atom && atomVariables(atom).stream().anyMatch(read::contains)) {
                domain.add(atom);
            }
        }
        return domain;
    }

    /**
     * No atom or more than one, a negation, a nested aggregate, a range generator or `false`: a body the aggregate step cannot
     * read directly.
     */
    private static boolean needsHiddenRelation(Aggregate aggregate) {
        long atoms = aggregate.body().stream().filter(l -> l instanceof Atom).count();
        boolean negates = aggregate.body().stream().anyMatch(l -> l instanceof Negation);
        boolean generates = aggregate.body().stream().anyMatch(l -> l instanceof Comparison c
                && (isRange(c.left()) || isRange(c.right())));
        boolean nests = false;
        for (Literal literal : aggregate.body()) {
            for (Term term : AstWalk.terms(literal)) {
                boolean[] found = {false};
                AstWalk.forEachOutermostAggregate(term, inner -> found[0] = true);
                nests |= found[0];
            }
        }
        // no atom (`count : { true }`, `sum s : { s = 1 }`) or `false`: a hidden rule with a unit body
        boolean fails = aggregate.body().stream().anyMatch(l -> l instanceof BooleanLiteral bool && !bool.value());
        return atoms != 1 || negates || nests || generates || fails;
    }

    private static boolean isRange(Term term) {
        return term instanceof FunctorCall call && call.isRange();
    }

    /** The hidden relation of an aggregate, or null if it reads its body directly. */
    Hidden of(Aggregate aggregate) {
        return hidden.get(aggregate);
    }

    List<RelationDecl> declarations() {
        return hidden.values().stream().map(Hidden::relation).toList();
    }

    List<Rule> rules() {
        return hidden.values().stream().map(Hidden::rule).toList();
    }

    private Hidden build(CheckedProgram program, Aggregate aggregate, List<Literal> enclosingBody) {
        String name = "@aggregate" + hidden.size();
        Map<String, Variable> columns = new LinkedHashMap<>();
        List<Attribute> attributes = new ArrayList<>();
        List<Literal> body = new ArrayList<>();
        List<Atom> domain = domainAtoms(aggregate, enclosingBody);
        Set<String> domainBound = new LinkedHashSet<>();
        domain.forEach(atom -> domainBound.addAll(atomVariables(atom)));
        body.addAll(domain);
        for (Literal literal : aggregate.body()) {
            if (literal instanceof Atom atom) {
                List<Term> args = new ArrayList<>();
                for (Term arg : atom.args()) {
                    if (arg instanceof Wildcard wildcard) {
                        // each `_` is a column of its own: matches that differ only there still count
                        Variable column = new Variable("@" + name + "_" + columns.size(), wildcard.pos());
                        columns.put(column.name(), column);
                        attributes.add(new Attribute(column.name(), program.typeOf(wildcard), wildcard.pos()));
                        args.add(column);
                    } else {
                        if (arg instanceof Variable variable && !columns.containsKey(variable.name())) {
                            columns.put(variable.name(), variable);
                            attributes.add(new Attribute(variable.name(), program.typeOf(variable), variable.pos()));
                        }
                        args.add(arg);
                    }
                }
                body.add(new Atom(atom.relation(), args, atom.pos()));
            }
        }
        if (!domain.isEmpty()) {
            // the enclosing variables the body reads: columns, matched by the aggregate like correlated ones
            Set<String> read = variablesRead(aggregate);
            for (Atom atom : domain) {
                for (Term arg : atom.args()) {
                    if (arg instanceof Variable variable && read.contains(variable.name())
                            && !columns.containsKey(variable.name())) {
                        columns.put(variable.name(), variable);
                        attributes.add(new Attribute(variable.name(), program.typeOf(variable), variable.pos()));
                    }
                }
            }
        }
        Set<String> bound = new LinkedHashSet<>(columns.keySet());
        bound.addAll(domainBound);
        List<Comparison> kept = new ArrayList<>();
        List<Comparison> pending = new ArrayList<>();
        for (Literal literal : aggregate.body()) {
            if (literal instanceof Comparison comparison) {
                pending.add(comparison);
            } else if (literal instanceof BooleanLiteral bool && !bool.value()) {
                body.add(bool); // the hidden relation stays empty
            }
        }
        // comparisons over variables the body binds (directly or through `v = expr`) filter the hidden
        // relation; the others read the enclosing rule's variables and stay with the aggregate
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Comparison comparison : new ArrayList<>(pending)) {
                Set<String> left = freeVariables(comparison.left(), aggregate);
                Set<String> right = freeVariables(comparison.right(), aggregate);
                if (bound.containsAll(left) && bound.containsAll(right)) {
                    body.add(comparison);
                } else if (comparison.op() == CompareOp.EQ && comparison.left() instanceof Variable v
                        && bound.containsAll(right)) {
                    body.add(comparison);
                    bound.add(v.name());
                } else if (comparison.op() == CompareOp.EQ && comparison.right() instanceof Variable v
                        && bound.containsAll(left)) {
                    body.add(comparison);
                    bound.add(v.name());
                } else {
                    continue;
                }
                pending.remove(comparison);
                changed = true;
            }
        }
        for (Comparison comparison : pending) {
            if (isRange(comparison.left()) || isRange(comparison.right())) {
                throw new PlanningError(comparison.pos(), "a range inside an aggregate may only read values that the "
                        + "aggregate's own body or the enclosing rule's atoms bind");
            }
        }
        kept.addAll(pending);
        for (Literal literal : aggregate.body()) {
            if (literal instanceof Negation negation) {
                if (!bound.containsAll(atomVariables(negation.atom()))) {
                    throw new PlanningError(negation.pos(), "a negated atom inside an aggregate may only use "
                            + "variables that the aggregate's own atoms bind");
                }
                body.add(negation);
            }
        }
        for (String variable : bound) {
            if (!columns.containsKey(variable) && !domainBound.contains(variable)) {
                // bound by an equality inside the body: a column too, so the aggregate can read it
                Variable column = new Variable(variable, aggregate.pos());
                columns.put(variable, column);
                attributes.add(new Attribute(variable, typeOfBound(program, aggregate, variable), aggregate.pos()));
            }
        }
        List<Term> headArgs = new ArrayList<>(columns.values());
        Atom head = new Atom(name, headArgs, aggregate.pos());
        RelationDecl relation = new RelationDecl(name, attributes, aggregate.pos());
        Rule rule = new Rule(head, body, aggregate.pos());
        List<Term> readArgs = new ArrayList<>();
        for (Variable column : columns.values()) {
            readArgs.add(column.name().startsWith("@") ? new Wildcard(column.pos()) : column);
        }
        return new Hidden(relation, rule, new Atom(name, readArgs, aggregate.pos()), kept);
    }

    /** The type the checker gave a variable of the aggregate's body. */
    private static ColumnType typeOfBound(CheckedProgram program, Aggregate aggregate, String name) {
        List<ColumnType> found = new ArrayList<>();
        for (Literal literal : aggregate.body()) {
            for (Term term : AstWalk.terms(literal)) {
                AstWalk.forEachVariable(term, v -> {
                    if (v.name().equals(name)) {
                        found.add(program.typeOf(v));
                    }
                });
            }
        }
        return found.get(0);
    }

    private static Set<String> variables(Term term) {
        Set<String> names = new LinkedHashSet<>();
        AstWalk.forEachVariable(term, v -> names.add(v.name()));
        return names;
    }

    /** The variables of a term of an aggregate's body, without those local to an aggregate nested in it. */
    private static Set<String> freeVariables(Term term, Aggregate enclosing) {
        Set<String> names = variables(term);
        List<Aggregate> nested = new ArrayList<>();
        AstWalk.forEachOutermostAggregate(term, nested::add);
        for (Aggregate inner : nested) {
            Set<String> outside = new LinkedHashSet<>();
            for (Literal literal : enclosing.body()) {
                for (Term other : AstWalk.terms(literal)) {
                    AstWalk.forEachVariable(other, inner, v -> outside.add(v.name()));
                }
            }
            if (enclosing.target() != null) {
                AstWalk.forEachVariable(enclosing.target(), inner, v -> outside.add(v.name()));
            }
            Set<String> local = variables(inner);
            local.removeAll(outside);
            names.removeAll(local);
        }
        return names;
    }

    /** Every variable the aggregate's body and target read, nested aggregates included. */
    private static Set<String> variablesRead(Aggregate aggregate) {
        Set<String> read = new LinkedHashSet<>();
        for (Literal literal : aggregate.body()) {
            for (Term term : AstWalk.terms(literal)) {
                AstWalk.forEachVariable(term, v -> read.add(v.name()));
            }
        }
        if (aggregate.target() != null) {
            AstWalk.forEachVariable(aggregate.target(), v -> read.add(v.name()));
        }
        return read;
    }

    private static Set<String> atomVariables(Atom atom) {
        Set<String> names = new LinkedHashSet<>();
        for (Term arg : atom.args()) {
            names.addAll(variables(arg));
        }
        return names;
    }
}
