// An `eqrel` relation r is an equivalence relation, stored as its classes rather than as every pair of
// each class. The relation r itself keeps the pairs that facts, inputs and rule heads give (its edges);
// the hidden relation `r@class(value, class)` maps each value they mention to its class (the evaluator
// computes it from the edges with a union-find); `r@closure(a, b)` holds every pair of each class, made
// from r@class by one rule and evaluated only when read (outputs, the API, a negation inside an
// aggregate). A body atom `r(a, b)` becomes `r@class(a, k), r@class(b, k)`, which reads as many tuples as
// the pairs it matches but stores none of them; `!r(a, b)` splits its rule in two: `!r@class(a, _)`, or
// `r@class(a, k), !r@class(b, k)`.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.Comparison;
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
import java.util.List;
import java.util.Set;

public final class EquivalenceRelations {
    private static final String CLASS_SUFFIX = "@class";
    private static final String CLOSURE_SUFFIX = "@closure";
    private static final String CLASS_VARIABLE = "eqrel#class#";

    private final Set<String> equivalences;
    private int fresh;

    private EquivalenceRelations(Set<String> equivalences) {
        this.equivalences = equivalences;
    }

    /** The hidden relation mapping each value of the eqrel relation to its class. */
    public static String classRelation(String relation) {
        return relation + CLASS_SUFFIX;
    }

    /** The hidden relation holding every pair of each class of the eqrel relation. */
    public static String closureRelation(String relation) {
        return relation + CLOSURE_SUFFIX;
    }

    /** The eqrel relation whose classes the hidden relation holds, or null for any other name. */
    public static String ofClassRelation(String hidden) {
        return hidden.endsWith(CLASS_SUFFIX) ? hidden.substring(0, hidden.length() - CLASS_SUFFIX.length()) : null;
    }

    /** The eqrel relation whose pairs the hidden relation holds, or null for any other name. */
    public static String ofClosureRelation(String hidden) {
        return hidden.endsWith(CLOSURE_SUFFIX) ? hidden.substring(0, hidden.length() - CLOSURE_SUFFIX.length()) : null;
    }

    /** The name a user knows a relation by: the eqrel relation for its hidden relations, else the name itself. */
    public static String userName(String relation) {
        String eqrel = ofClassRelation(relation);
        if (eqrel == null) {
            eqrel = ofClosureRelation(relation);
        }
        return eqrel == null ? relation : eqrel;
    }

    /** Adds an error unless the eqrel declaration has two columns of one type, no choice domain and no inline. */
    static void check(RelationDecl decl, SourcePos qualifier, boolean inline, List<Diagnostic> errors) {
        if (decl.arity() != 2 || decl.columnType(0) != decl.columnType(1)) {
            errors.add(Diagnostic.error(qualifier, "eqrel relation " + decl.name()
                    + " must have two columns of the same type"));
        } else if (!decl.choiceDomains().isEmpty()) {
            errors.add(Diagnostic.error(qualifier, "eqrel relation " + decl.name()
                    + " cannot have a choice-domain: choosing pairs would break its equivalence classes"));
        } else if (inline) {
            errors.add(Diagnostic.error(qualifier, "eqrel relation " + decl.name()
                    + " cannot be inline: it is stored as its equivalence classes"));
        }
    }

    /**
     * The program with the hidden relations of each eqrel relation declared, the rule that makes its closure,
     * and every body use read through its classes.
     */
    static Program rewrite(Program program, Set<String> equivalences) {
        if (equivalences.isEmpty()) {
            return program;
        }
        EquivalenceRelations rewriter = new EquivalenceRelations(equivalences);
        List<RelationDecl> declarations = new ArrayList<>(program.declarations());
        List<Rule> rules = new ArrayList<>();
        for (RelationDecl decl : program.declarations()) {
            if (equivalences.contains(decl.name())) {
                Attribute value = decl.attributes().get(0);
                Attribute klass = new Attribute("class", value.type(), value.pos(), value.compound());
                declarations.add(new RelationDecl(classRelation(decl.name()), List.of(value, klass), decl.pos()));
                declarations.add(new RelationDecl(closureRelation(decl.name()), decl.attributes(), decl.pos()));
                rules.add(rewriter.closureRule(decl));
            }
        }
        for (Rule rule : program.rules()) {
            rules.addAll(rewriter.rewrite(rule));
        }
        return new Program(declarations, program.functors(), program.directives(), rules);
    }

    /** r@closure(a, b) :- r@class(a, k), r@class(b, k). */
    private Rule closureRule(RelationDecl decl) {
        SourcePos pos = decl.pos();
        Atom head = new Atom(closureRelation(decl.name()), List.of(new Variable("a", pos), new Variable("b", pos)), pos);
        List<Literal> body = List.of(
                new Atom(classRelation(decl.name()), List.of(new Variable("a", pos), new Variable("k", pos)), pos),
                new Atom(classRelation(decl.name()), List.of(new Variable("b", pos), new Variable("k", pos)), pos));
        return new Rule(head, body, pos);
    }

    /** The rule with its uses of eqrel relations read through their classes: one rule, or more for negations. */
    private List<Rule> rewrite(Rule rule) {
        fresh = 0;
        List<List<Literal>> bodies = new ArrayList<>();
        bodies.add(new ArrayList<>());
        for (Literal literal : rule.body()) {
            if (literal instanceof Negation negation && twoValueNegation(negation)) {
                // a not in any class, or b not in a's class
                List<List<Literal>> split = new ArrayList<>();
                for (List<Literal> body : bodies) {
                    List<Literal> absent = new ArrayList<>(AstCopier.PLAIN.copyAll(body));
                    Atom atom = negation.atom();
                    absent.add(new Negation(classAtom(atom, rewrite(atom.args().get(0)),
                            new Wildcard(atom.pos())), negation.pos()));
                    split.add(absent);
                    List<Literal> elsewhere = new ArrayList<>(body);
                    Variable klass = freshVariable(atom.pos());
                    elsewhere.add(classAtom(atom, rewrite(atom.args().get(0)), klass));
                    elsewhere.add(new Negation(classAtom(atom, rewrite(atom.args().get(1)), copy(klass)),
                            negation.pos()));
                    split.add(elsewhere);
                }
                bodies = split;
                continue;
            }
            List<Literal> rewritten = rewrite(literal, false);
            for (int i = 0; i < bodies.size(); i++) {
                bodies.get(i).addAll(i == 0 ? rewritten : AstCopier.PLAIN.copyAll(rewritten));
            }
        }
        Atom head = new Atom(rule.head().relation(), rule.head().args().stream().map(this::rewrite).toList(),
                rule.head().pos());
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            rules.add(new Rule(i == 0 ? head : AstCopier.PLAIN.copy(head), bodies.get(i), rule.pos()));
        }
        return rules;
    }

    /** A negated eqrel atom whose two values differ and are both given: it splits its rule. */
    private boolean twoValueNegation(Negation negation) {
        Atom atom = negation.atom();
        return equivalences.contains(atom.relation()) && !(atom.args().get(0) instanceof Wildcard)
                && !(atom.args().get(1) instanceof Wildcard) && !sameValue(atom.args().get(0), atom.args().get(1));
    }

    /**
     * The literals that replace one literal. Inside an aggregate every match counts, so a `_` of an eqrel atom
     * still ranges over the class, and a negation of two values reads the closure.
     */
    private List<Literal> rewrite(Literal literal, boolean inAggregate) {
        if (literal instanceof Atom atom && equivalences.contains(atom.relation())) {
            return positive(atom, inAggregate);
        }
        if (literal instanceof Atom atom) {
            return List.of(new Atom(atom.relation(), atom.args().stream().map(this::rewrite).toList(), atom.pos()));
        }
        if (literal instanceof Negation negation && equivalences.contains(negation.atom().relation())) {
            Atom atom = negation.atom();
            Term first = atom.args().get(0);
            Term second = atom.args().get(1);
            if (twoValueNegation(negation)) {
                return List.of(new Negation(new Atom(closureRelation(atom.relation()),
                        List.of(rewrite(first), rewrite(second)), atom.pos()), negation.pos()));
            }
            Term given = first instanceof Wildcard ? second : first;
            return List.of(new Negation(classAtom(atom, rewrite(given), new Wildcard(atom.pos())), negation.pos()));
        }
        if (literal instanceof Negation negation) {
            Atom atom = negation.atom();
            return List.of(new Negation(new Atom(atom.relation(), atom.args().stream().map(this::rewrite).toList(),
                    atom.pos()), negation.pos()));
        }
        if (literal instanceof Comparison c) {
            return List.of(new Comparison(c.op(), rewrite(c.left()), rewrite(c.right()), c.pos()));
        }
        return List.of(literal);
    }

    /** The class atoms that match the pairs of r(a, b). */
    private List<Literal> positive(Atom atom, boolean inAggregate) {
        Term first = atom.args().get(0);
        Term second = atom.args().get(1);
        if (sameValue(first, second)) {
            return List.of(classAtom(atom, rewrite(first), new Wildcard(atom.pos())));
        }
        if (!inAggregate && (first instanceof Wildcard || second instanceof Wildcard)) {
            Term given = first instanceof Wildcard ? second : first;
            return List.of(classAtom(atom, rewrite(given), new Wildcard(atom.pos())));
        }
        Variable klass = freshVariable(atom.pos());
        return List.of(classAtom(atom, rewrite(first), klass), classAtom(atom, rewrite(second), copy(klass)));
    }

    /** True if both terms surely stand for the same value (the same variable or constant; never `_`). */
    private static boolean sameValue(Term first, Term second) {
        return !(first instanceof Wildcard) && !(second instanceof Wildcard) && first.toString().equals(second.toString())
                && (first instanceof Variable || !(first instanceof FunctorCall || first instanceof Aggregate));
    }

    private Term rewrite(Term term) {
        if (term instanceof Aggregate a) {
            List<Literal> body = new ArrayList<>();
            for (Literal literal : a.body()) {
                body.addAll(rewrite(literal, true));
            }
            return new Aggregate(a.kind(), a.target() == null ? null : rewrite(a.target()), body, a.pos());
        } else if (term instanceof BinaryExpr b) {
            return new BinaryExpr(b.op(), rewrite(b.left()), rewrite(b.right()), b.pos());
        } else if (term instanceof UnaryExpr u) {
            return new UnaryExpr(u.op(), rewrite(u.operand()), u.pos());
        } else if (term instanceof FunctorCall f) {
            return new FunctorCall(f.name(), f.args().stream().map(this::rewrite).toList(), f.pos(), f.record());
        } else if (term instanceof RecordTerm r) {
            return new RecordTerm(r.branch(), r.args().stream().map(this::rewrite).toList(), r.pos());
        }
        return term;
    }

    private static Atom classAtom(Atom use, Term value, Term klass) {
        return new Atom(classRelation(use.relation()), List.of(value, klass), use.pos());
    }

    private Variable freshVariable(SourcePos pos) {
        return new Variable(CLASS_VARIABLE + fresh++, pos);
    }

    private static Variable copy(Variable variable) {
        return new Variable(variable.name(), variable.pos());
    }
}
