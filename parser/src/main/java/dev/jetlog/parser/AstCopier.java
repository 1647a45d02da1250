// Deep copies of literals and terms, so that every rule owns its own nodes (types are keyed by node identity).
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.BooleanLiteral;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.FloatConstant;
import dev.jetlog.parser.ast.IntegerConstant;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.NegateExpr;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.StringConstant;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Variable;
import dev.jetlog.parser.ast.Wildcard;

import java.util.ArrayList;
import java.util.List;

final class AstCopier {
    private AstCopier() {
    }

    static List<Literal> copyAll(List<Literal> literals) {
        List<Literal> copies = new ArrayList<>(literals.size());
        for (Literal literal : literals) {
            copies.add(copy(literal));
        }
        return copies;
    }

    static Literal copy(Literal literal) {
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

    static Atom copy(Atom atom) {
        List<Term> args = new ArrayList<>(atom.args().size());
        for (Term arg : atom.args()) {
            args.add(copy(arg));
        }
        return new Atom(atom.relation(), args, atom.pos());
    }

    static Term copy(Term term) {
        if (term instanceof Variable v) {
            return new Variable(v.name(), v.pos());
        } else if (term instanceof Wildcard w) {
            return new Wildcard(w.pos());
        } else if (term instanceof IntegerConstant c) {
            return new IntegerConstant(c.value(), c.pos());
        } else if (term instanceof FloatConstant c) {
            return new FloatConstant(c.value(), c.pos());
        } else if (term instanceof StringConstant c) {
            return new StringConstant(c.value(), c.pos());
        } else if (term instanceof BinaryExpr b) {
            return new BinaryExpr(b.op(), copy(b.left()), copy(b.right()), b.pos());
        } else if (term instanceof NegateExpr n) {
            return new NegateExpr(copy(n.operand()), n.pos());
        }
        Aggregate a = (Aggregate) term;
        return new Aggregate(a.kind(), a.target() == null ? null : copy(a.target()), copyAll(a.body()), a.pos());
    }
}
