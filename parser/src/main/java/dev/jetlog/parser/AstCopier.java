// Deep copies of rules, literals and terms, so that every rule owns its own nodes (types are keyed by
// node identity). A copier may rename variable occurrences (by identity) and carry each copied node's
// recorded type over to the copy.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.BooleanLiteral;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.FloatConstant;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.IntegerConstant;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.NilConstant;
import dev.jetlog.parser.ast.RecordTerm;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.StringConstant;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.UnaryExpr;
import dev.jetlog.parser.ast.Variable;
import dev.jetlog.parser.ast.Wildcard;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

final class AstCopier {
    /** Copies nodes as they are; records no types. */
    static final AstCopier PLAIN = new AstCopier(Map.of(), null);

    private final Map<Variable, String> renames;
    private final IdentityHashMap<Term, ColumnType> types;

    /**
     * @param renames new names for variable occurrences, keyed by identity (an IdentityHashMap)
     * @param types   the recorded types: each copy of a typed term gets its original's type; null for none
     */
    AstCopier(Map<Variable, String> renames, IdentityHashMap<Term, ColumnType> types) {
        this.renames = renames;
        this.types = types;
    }

    Rule copy(Rule rule) {
        return new Rule(copy(rule.head()), copyAll(rule.body()), rule.pos());
    }

    List<Literal> copyAll(List<Literal> literals) {
        List<Literal> copies = new ArrayList<>(literals.size());
        for (Literal literal : literals) {
            copies.add(copy(literal));
        }
        return copies;
    }

    Literal copy(Literal literal) {
        if (literal instanceof Atom atom) {
            return copy(atom);
        }
        if (literal instanceof Negation negation) {
            return new Negation(copy(negation.atom()), negation.pos());
        }
        if (literal instanceof Comparison c) {
            return new Comparison(c.op(), copy(c.left()), copy(c.right()), c.pos());
        }
        BooleanLiteral b = (BooleanLiteral) literal;
        return new BooleanLiteral(b.value(), b.pos());
    }

    Atom copy(Atom atom) {
        List<Term> args = new ArrayList<>(atom.args().size());
        for (Term arg : atom.args()) {
            args.add(copy(arg));
        }
        return new Atom(atom.relation(), args, atom.pos());
    }

    Term copy(Term term) {
        Term copy = copyNode(term);
        if (types != null && types.containsKey(term)) {
            types.put(copy, types.get(term));
        }
        return copy;
    }

    private Term copyNode(Term term) {
        if (term instanceof Variable v) {
            return new Variable(renames.getOrDefault(v, v.name()), v.pos());
        } else if (term instanceof Wildcard w) {
            return new Wildcard(w.pos());
        } else if (term instanceof IntegerConstant c) {
            return new IntegerConstant(c.value(), c.unsigned(), c.pos());
        } else if (term instanceof FloatConstant c) {
            return new FloatConstant(c.value(), c.pos());
        } else if (term instanceof StringConstant c) {
            return new StringConstant(c.value(), c.pos());
        } else if (term instanceof BinaryExpr b) {
            return new BinaryExpr(b.op(), copy(b.left()), copy(b.right()), b.pos());
        } else if (term instanceof UnaryExpr n) {
            return new UnaryExpr(n.op(), copy(n.operand()), n.pos());
        } else if (term instanceof FunctorCall f) {
            return new FunctorCall(f.name(), f.args().stream().map(this::copy).toList(), f.pos(), f.record());
        } else if (term instanceof RecordTerm r) {
            return new RecordTerm(r.branch(), r.args().stream().map(this::copy).toList(), r.pos());
        } else if (term instanceof NilConstant n) {
            return new NilConstant(n.pos());
        }
        Aggregate a = (Aggregate) term;
        return new Aggregate(a.kind(), a.target() == null ? null : copy(a.target()), copyAll(a.body()), a.pos());
    }
}
