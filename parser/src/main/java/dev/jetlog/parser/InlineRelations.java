// Soufflé's `inline` relations: every use of one is replaced by the bodies of its rules, with the head's
// arguments unified with the use's, so the relation is never stored. A positive use becomes one rule per
// rule of the inlined relation; a negated use `!r(t)` becomes the conjunction, over r's rules, of "some
// literal of that rule's body fails" (which needs those bodies to use only the head's variables); a use in
// an aggregate body needs r to have a single rule.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RecordTerm;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.UnaryExpr;
import dev.jetlog.parser.ast.Variable;
import dev.jetlog.parser.ast.Wildcard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class InlineRelations {
    /** Inline relations that use inline relations nest at most this deep (deeper means recursion). */
    static final int MAX_DEPTH = 32;
    /** A rule expands into at most this many rules. */
    static final int MAX_RULES = NestingLimits.MAX_DISJUNCTS;

    private final Map<String, SourcePos> inline;
    private final Map<String, List<Rule>> definitions = new LinkedHashMap<>();
    private final List<Diagnostic> errors;
    private int fresh;

    private InlineRelations(Map<String, SourcePos> inline, List<Diagnostic> errors) {
        this.inline = inline;
        this.errors = errors;
    }

    /** The program with every inline relation expanded at its uses and removed. */
    static Program expand(Program program, Map<String, SourcePos> inline, List<Diagnostic> errors) {
        if (inline.isEmpty()) {
            return program;
        }
        InlineRelations expander = new InlineRelations(inline, errors);
        List<Rule> others = new ArrayList<>();
        for (Rule rule : program.rules()) {
            if (inline.containsKey(rule.head().relation())) {
                expander.definitions.computeIfAbsent(rule.head().relation(), r -> new ArrayList<>()).add(rule);
            } else {
                others.add(rule);
            }
        }
        List<Directive> directives = new ArrayList<>();
        for (Directive directive : program.directives()) {
            if (inline.containsKey(directive.relation())) {
                errors.add(Diagnostic.error(directive.pos(), "inline relation " + directive.relation()
                        + " is never stored, so it cannot be read or written"));
            } else {
                directives.add(directive);
            }
        }
        List<Rule> expanded = new ArrayList<>();
        for (Rule rule : others) {
            List<Rule> rules = expander.expandRule(rule, 0);
            if (rules.size() > MAX_RULES) {
                errors.add(Diagnostic.error(rule.pos(), "inlining makes this rule " + rules.size()
                        + " rules, more than " + MAX_RULES));
                continue;
            }
            rules.forEach(r -> expanded.add(AstCopier.PLAIN.copy(r)));
        }
        List<RelationDecl> declarations = program.declarations().stream()
                .filter(decl -> !inline.containsKey(decl.name())).toList();
        return new Program(declarations, program.functors(), directives, expanded);
    }

    private List<Rule> expandRule(Rule rule, int depth) {
        List<Literal> body = rule.body();
        for (int i = 0; i < body.size(); i++) {
            Literal literal = body.get(i);
            Atom atom = literal instanceof Atom a ? a : literal instanceof Negation n ? n.atom() : null;
            if (atom == null || !inline.containsKey(atom.relation())) {
                continue;
            }
            if (depth >= MAX_DEPTH) {
                errors.add(Diagnostic.error(atom.pos(), "inline relation " + atom.relation()
                        + " uses itself (an inline relation must not be recursive)"));
                return List.of();
            }
            List<Literal> before = body.subList(0, i);
            List<Literal> after = body.subList(i + 1, body.size());
            List<List<Literal>> replacements = literal instanceof Atom ? positive(atom, grounded(body)) : negated(atom);
            List<Rule> result = new ArrayList<>();
            for (List<Literal> replacement : replacements) {
                List<Literal> newBody = new ArrayList<>(before);
                newBody.addAll(replacement);
                newBody.addAll(after);
                result.addAll(expandRule(new Rule(rule.head(), newBody, rule.pos()), depth + 1));
                if (result.size() > MAX_RULES) {
                    return result;
                }
            }
            return result;
        }
        return List.of(expandAggregates(rule, depth));
    }

    /** One conjunction per rule of the inlined relation: its body, unified with the use. */
    private List<List<Literal>> positive(Atom use, Set<String> grounded) {
        List<List<Literal>> result = new ArrayList<>();
        for (Rule definition : definitions.getOrDefault(use.relation(), List.of())) {
            result.add(instantiate(definition, use, false, grounded));
        }
        return result; // no rules: the relation is empty and the use never holds
    }

    /** `!r(t)`: for each rule of r, one of its literals fails; multiplied out into conjunctions. */
    private List<List<Literal>> negated(Atom use) {
        Set<String> useVariables = new HashSet<>();
        for (Term arg : use.args()) {
            AstWalk.forEachVariable(arg, v -> useVariables.add(v.name()));
        }
        List<List<Literal>> conjunctions = new ArrayList<>();
        conjunctions.add(new ArrayList<>());
        for (Rule definition : definitions.getOrDefault(use.relation(), List.of())) {
            List<Literal> body = instantiate(definition, use, true);
            Set<String> local = new HashSet<>();
            for (Literal literal : body) {
                for (Term term : AstWalk.terms(literal)) {
                    AstWalk.forEachVariable(term, v -> {
                        if (!useVariables.contains(v.name())) {
                            local.add(v.name());
                        }
                    });
                }
            }
            if (!local.isEmpty()) {
                errors.add(Diagnostic.error(use.pos(), "inline relation " + use.relation() + " is negated here, but its"
                        + " rule at line " + definition.pos().line() + " has variables that are not in its head"));
                return List.of();
            }
            List<List<Literal>> next = new ArrayList<>();
            for (List<Literal> conjunction : conjunctions) {
                for (Literal literal : body) {
                    List<Literal> extended = new ArrayList<>(conjunction);
                    extended.add(DnfExpander.negate(literal, literal.pos()));
                    next.add(extended);
                }
            }
            conjunctions = next; // a rule with an empty body always holds: no conjunction survives
            if (conjunctions.size() > MAX_RULES) {
                errors.add(Diagnostic.error(use.pos(), "negating inline relation " + use.relation() + " makes more than "
                        + MAX_RULES + " rules"));
                return List.of();
            }
        }
        return conjunctions;
    }

    /**
     * The body of a rule of the inlined relation for one use: its variables renamed apart, each head variable
     * replaced by the use's argument at its first position, and an equality for every other head argument.
     * Under negation, a head variable given `_` that occurs once in the body becomes `_` there too.
     */
    private List<Literal> instantiate(Rule definition, Atom use, boolean negated) {
        return instantiate(definition, use, negated, Set.of());
    }

    /**
     * The definition's body unified with the use; {@code grounded} holds the variables the using rule binds
     * otherwise, whose values a record in the definition's head is matched against field by field.
     */
    private List<Literal> instantiate(Rule definition, Atom use, boolean negated, Set<String> grounded) {
        int id = ++fresh;
        Map<String, Term> substitution = new HashMap<>();
        List<Literal> constraints = new ArrayList<>();
        List<Term> head = definition.head().args();
        for (int i = 0; i < head.size(); i++) {
            Term argument = use.args().get(i);
            if (head.get(i) instanceof Variable v && !substitution.containsKey(v.name())) {
                Term value = argument;
                if (argument instanceof Wildcard) {
                    value = negated && occurrences(definition, v.name()) == 2 ? new Wildcard(v.pos()) : freshVariable(v, id);
                }
                substitution.put(v.name(), value);
            } else if (head.get(i) instanceof FunctorCall pack && pack.isRecordAccess() && pack.record().isPack()
                    && !negated && !(argument instanceof Wildcard) && isGrounded(argument, grounded)) {
                // `r([a, b]) :- ...` used with a value the using rule binds: its fields give a and b
                unpack(argument, pack, substitution, id, use.pos(), constraints);
            } else if (!(argument instanceof Wildcard)) {
                constraints.add(new Comparison(CompareOp.EQ, substitute(head.get(i), substitution, id), argument,
                        use.pos()));
            }
        }
        List<Literal> body = new ArrayList<>();
        for (Literal literal : definition.body()) {
            body.add(substitute(literal, substitution, id));
        }
        body.addAll(constraints);
        return body;
    }

    /**
     * The variables a body binds without its inline atoms: arguments of its other positive atoms, and `v = expr`
     * over bound variables (to a fixpoint).
     */
    private Set<String> grounded(List<Literal> body) {
        return GroundedVariables.of(body, atom -> !inline.containsKey(atom.relation()), InlineRelations::isGrounded);
    }

    private static boolean isGrounded(Term term, Set<String> grounded) {
        boolean[] all = {!(term instanceof Aggregate)};
        AstWalk.forEachVariable(term, v -> all[0] &= grounded.contains(v.name()));
        return all[0];
    }

    /**
     * Matches the use's value against a packed head term: the value is of the term's branch (not nil, or the
     * ADT's tag), and each field equals the field of the value (nested records field by field).
     */
    private void unpack(Term value, FunctorCall pack, Map<String, Term> substitution, int id, SourcePos pos,
                        List<Literal> out) {
        dev.jetlog.parser.ast.RecordAccess access = pack.record();
        if (access.type().isAdt()) {
            Term tag = FunctorCall.record(new dev.jetlog.parser.ast.RecordAccess(access.type(), access.branch(),
                    dev.jetlog.parser.ast.RecordAccess.TAG), List.of(value), pos);
            out.add(new Comparison(CompareOp.EQ, tag, new dev.jetlog.parser.ast.IntegerConstant(access.branch(), pos), pos));
        } else {
            out.add(new Comparison(CompareOp.NE, value, new dev.jetlog.parser.ast.NilConstant(pos), pos));
        }
        for (int field = 0; field < pack.args().size(); field++) {
            Term fieldValue = FunctorCall.record(new dev.jetlog.parser.ast.RecordAccess(access.type(), access.branch(),
                    field), List.of(value), pos);
            Term arg = pack.args().get(field);
            if (arg instanceof FunctorCall nested && nested.isRecordAccess() && nested.record().isPack()) {
                unpack(fieldValue, nested, substitution, id, pos, out);
            } else if (arg instanceof Variable v && !substitution.containsKey(v.name())) {
                Variable local = freshVariable(v, id);
                substitution.put(v.name(), local);
                out.add(new Comparison(CompareOp.EQ, local, fieldValue, pos));
            } else {
                out.add(new Comparison(CompareOp.EQ, substitute(arg, substitution, id), fieldValue, pos));
            }
        }
    }

    /** How often a variable occurs in a rule, head included. */
    private static int occurrences(Rule rule, String name) {
        int[] count = {0};
        List<Literal> all = new ArrayList<>(rule.body());
        all.add(rule.head());
        for (Literal literal : all) {
            for (Term term : AstWalk.terms(literal)) {
                AstWalk.forEachVariable(term, v -> count[0] += v.name().equals(name) ? 1 : 0);
            }
        }
        return count[0];
    }

    private static Variable freshVariable(Variable original, int id) {
        return new Variable("_" + original.name() + "~" + id, original.pos());
    }

    private Literal substitute(Literal literal, Map<String, Term> substitution, int id) {
        if (literal instanceof Atom atom) {
            return new Atom(atom.relation(), atom.args().stream().map(t -> substitute(t, substitution, id)).toList(),
                    atom.pos());
        }
        if (literal instanceof Negation negation) {
            return new Negation((Atom) substitute(negation.atom(), substitution, id), negation.pos());
        }
        if (literal instanceof Comparison c) {
            return new Comparison(c.op(), substitute(c.left(), substitution, id), substitute(c.right(), substitution, id),
                    c.pos());
        }
        return literal;
    }

    private Term substitute(Term term, Map<String, Term> substitution, int id) {
        if (term instanceof Variable v) {
            Term replacement = substitution.get(v.name());
            if (replacement == null) {
                replacement = freshVariable(v, id);
                substitution.put(v.name(), replacement);
            }
            return replacement;
        }
        if (term instanceof BinaryExpr b) {
            return new BinaryExpr(b.op(), substitute(b.left(), substitution, id), substitute(b.right(), substitution, id),
                    b.pos());
        }
        if (term instanceof UnaryExpr u) {
            return new UnaryExpr(u.op(), substitute(u.operand(), substitution, id), u.pos());
        }
        if (term instanceof FunctorCall f) {
            return new FunctorCall(f.name(), f.args().stream().map(t -> substitute(t, substitution, id)).toList(), f.pos(),
                    f.record());
        }
        if (term instanceof RecordTerm r) {
            return new RecordTerm(r.branch(), r.args().stream().map(t -> substitute(t, substitution, id)).toList(), r.pos());
        }
        if (term instanceof Aggregate a) {
            return new Aggregate(a.kind(), a.target() == null ? null : substitute(a.target(), substitution, id),
                    a.body().stream().map(l -> substitute(l, substitution, id)).toList(), a.pos());
        }
        return term;
    }

    /** Inline relations used in aggregate bodies: expanded in place when they have one rule. */
    private Rule expandAggregates(Rule rule, int depth) {
        Atom head = (Atom) expandAggregates((Literal) rule.head(), depth);
        List<Literal> body = new ArrayList<>();
        for (Literal literal : rule.body()) {
            body.add(expandAggregates(literal, depth));
        }
        return new Rule(head, body, rule.pos());
    }

    private Literal expandAggregates(Literal literal, int depth) {
        if (literal instanceof Atom atom) {
            return new Atom(atom.relation(), atom.args().stream().map(t -> expandAggregates(t, depth)).toList(), atom.pos());
        }
        if (literal instanceof Negation negation) {
            return new Negation((Atom) expandAggregates((Literal) negation.atom(), depth), negation.pos());
        }
        if (literal instanceof Comparison c) {
            return new Comparison(c.op(), expandAggregates(c.left(), depth), expandAggregates(c.right(), depth), c.pos());
        }
        return literal;
    }

    private Term expandAggregates(Term term, int depth) {
        if (term instanceof BinaryExpr b) {
            return new BinaryExpr(b.op(), expandAggregates(b.left(), depth), expandAggregates(b.right(), depth), b.pos());
        }
        if (term instanceof UnaryExpr u) {
            return new UnaryExpr(u.op(), expandAggregates(u.operand(), depth), u.pos());
        }
        if (term instanceof FunctorCall f) {
            return new FunctorCall(f.name(), f.args().stream().map(t -> expandAggregates(t, depth)).toList(), f.pos(),
                    f.record());
        }
        if (term instanceof RecordTerm r) {
            return new RecordTerm(r.branch(), r.args().stream().map(t -> expandAggregates(t, depth)).toList(), r.pos());
        }
        if (!(term instanceof Aggregate aggregate)) {
            return term;
        }
        // the aggregate's body as the body of a rule with a placeholder head, expanded like any rule
        Rule carrier = new Rule(new Atom("@aggregate", List.of(), aggregate.pos()), aggregate.body(), aggregate.pos());
        List<Rule> expanded = expandRule(carrier, depth);
        if (expanded.size() != 1) {
            errors.add(Diagnostic.error(aggregate.pos(), "an inline relation with " + (expanded.isEmpty() ? "no" : "several")
                    + " rules cannot be used in an aggregate body"));
            return aggregate;
        }
        Term target = aggregate.target() == null ? null : expandAggregates(aggregate.target(), depth);
        return new Aggregate(aggregate.kind(), target, expanded.get(0).body(), aggregate.pos());
    }
}
