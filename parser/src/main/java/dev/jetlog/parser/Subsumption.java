// Soufflé's subsumption, `r(x, d1) <= r(x, d2) :- d2 <= d1.`: a tuple of r is deleted when the body finds
// it dominated by another tuple of r. Each such clause becomes ordinary rules for the hidden relation
// `r@dominated`, one per column, which hold the tuples to delete: both atoms and the body, and the two
// tuples differing in that column (a tuple never dominates itself). The planner evaluates these rules
// within r's stratum, and the evaluator deletes what they derive from r.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Variable;
import dev.jetlog.parser.ast.Wildcard;

import java.util.ArrayList;
import java.util.List;

public final class Subsumption {
    private static final String SUFFIX = "@dominated";

    private Subsumption() {
    }

    /** The hidden relation holding the tuples of relation that are dominated. */
    public static String dominatedRelation(String relation) {
        return relation + SUFFIX;
    }

    /** The relation whose dominated tuples the hidden relation holds, or null for any other name. */
    public static String subsumedRelation(String hidden) {
        return hidden.endsWith(SUFFIX) ? hidden.substring(0, hidden.length() - SUFFIX.length()) : null;
    }

    /** The hidden relation's declaration: the columns of the relation. */
    static RelationDecl declaration(RelationDecl relation) {
        return new RelationDecl(dominatedRelation(relation.name()), relation.attributes(), relation.pos());
    }

    /** The rules of one disjunct of `dominated <= dominating :- body.` */
    static List<Rule> rules(Atom dominated, Atom dominating, List<Literal> body, SourcePos pos) {
        boolean[] same = new boolean[Math.min(dominated.arity(), dominating.arity())];
        for (int i = 0; i < same.length; i++) {
            same[i] = dominated.args().get(i).toString().equals(dominating.args().get(i).toString())
                    && !(dominating.args().get(i) instanceof Wildcard);
        }
        // a record pattern (`r(n, [lo, hi]) <= r(n, [lo2, hi2])`) becomes a variable equal to it, so that the
        // column gives it its type and the tuples are compared as values
        List<Literal> records = new ArrayList<>();
        dominated = recordsAsVariables(dominated, "_dominated#", records);
        dominating = recordsAsVariables(dominating, "_dominating#", records);
        body = new ArrayList<>(body);
        body.addAll(records);
        // the dominated tuple is the head: its wildcards become variables
        List<Term> head = new ArrayList<>();
        for (int i = 0; i < dominated.arity(); i++) {
            Term arg = dominated.args().get(i);
            head.add(arg instanceof Wildcard w ? new Variable("_dominated#" + i, w.pos()) : arg);
        }
        Atom dominatedAtom = new Atom(dominated.relation(), head, dominated.pos());
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < dominated.arity() && i < dominating.arity(); i++) {
            Term mine = head.get(i);
            Term theirs = dominating.args().get(i);
            if (same[i]) {
                continue; // the same variable or constant: the tuples never differ in this column
            }
            List<Term> other = new ArrayList<>(dominating.args());
            if (theirs instanceof Wildcard w) {
                theirs = new Variable("_dominating#" + i, w.pos());
                other.set(i, theirs);
            }
            List<Literal> literals = new ArrayList<>();
            literals.add(AstCopier.PLAIN.copy(dominatedAtom));
            literals.add(new Atom(dominating.relation(), copyTerms(other), dominating.pos()));
            literals.addAll(AstCopier.PLAIN.copyAll(body));
            literals.add(new Comparison(CompareOp.NE, AstCopier.PLAIN.copy(mine), AstCopier.PLAIN.copy(theirs), pos));
            rules.add(new Rule(new Atom(dominatedRelation(dominated.relation()), copyTerms(head), dominated.pos()),
                    literals, pos));
        }
        return rules;
    }

    private static Atom recordsAsVariables(Atom atom, String prefix, List<Literal> equalities) {
        List<Term> args = new ArrayList<>(atom.args());
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) instanceof dev.jetlog.parser.ast.RecordTerm record) {
                Variable variable = new Variable(prefix + i, record.pos());
                equalities.add(new Comparison(CompareOp.EQ, variable, record, record.pos()));
                args.set(i, variable);
            }
        }
        return new Atom(atom.relation(), args, atom.pos());
    }

    private static List<Term> copyTerms(List<Term> terms) {
        return terms.stream().map(AstCopier.PLAIN::copy).toList();
    }
}
