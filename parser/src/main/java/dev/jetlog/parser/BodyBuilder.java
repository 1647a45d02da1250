// Builds the BodyFormula of a rule or aggregate body parse tree (`,` `;` `!` and parentheses), and its atoms.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.BooleanLiteral;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.grammar.DatalogBaseVisitor;
import dev.jetlog.parser.grammar.DatalogLexer;
import dev.jetlog.parser.grammar.DatalogParser;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

final class BodyBuilder extends DatalogBaseVisitor<BodyFormula> {
    private final Positions positions;
    private final ExpressionBuilder terms;
    private final List<Diagnostic> errors;
    /** The relation a name in the source stands for (component instances rename their relations). */
    private final UnaryOperator<String> relationNames;

    BodyBuilder(Positions positions, ExpressionBuilder terms, List<Diagnostic> errors,
                UnaryOperator<String> relationNames) {
        this.positions = positions;
        this.errors = errors;
        this.relationNames = relationNames;
        this.terms = terms;
    }

    Atom atom(DatalogParser.AtomContext ctx) {
        List<Term> args = new ArrayList<>();
        for (DatalogParser.ExprContext arg : ctx.expr()) {
            args.add(terms.term(arg));
        }
        return new Atom(relationNames.apply(ctx.qualifiedName().getText()), args, positions.of(ctx.start));
    }

    @Override
    public BodyFormula visitDisjunction(DatalogParser.DisjunctionContext ctx) {
        if (ctx.conjunction().size() == 1) {
            return visit(ctx.conjunction(0));
        }
        List<BodyFormula> parts = new ArrayList<>();
        for (DatalogParser.ConjunctionContext conjunction : ctx.conjunction()) {
            parts.add(visit(conjunction));
        }
        return new BodyFormula.Or(parts);
    }

    @Override
    public BodyFormula visitConjunction(DatalogParser.ConjunctionContext ctx) {
        if (ctx.bodyItem().size() == 1) {
            return visit(ctx.bodyItem(0));
        }
        List<BodyFormula> parts = new ArrayList<>();
        for (DatalogParser.BodyItemContext item : ctx.bodyItem()) {
            parts.add(visit(item));
        }
        return new BodyFormula.And(parts);
    }

    @Override
    public BodyFormula visitNegatedItem(DatalogParser.NegatedItemContext ctx) {
        return new BodyFormula.Not(visit(ctx.bodyItem()), positions.of(ctx.start));
    }

    @Override
    public BodyFormula visitGroupItem(DatalogParser.GroupItemContext ctx) {
        return visit(ctx.disjunction());
    }

    @Override
    public BodyFormula visitAtomItem(DatalogParser.AtomItemContext ctx) {
        Atom atom = atom(ctx.atom());
        CompareOp predicate = switch (atom.relation()) {
            case "match" -> CompareOp.MATCH;
            case "contains" -> CompareOp.CONTAINS;
            default -> null;
        };
        if (predicate != null) {
            // match and contains are keywords in Soufflé: never relations
            if (atom.arity() != 2) {
                errors.add(Diagnostic.error(atom.pos(), "'" + atom.relation() + "' takes 2 arguments, given "
                        + atom.arity()));
                return new BodyFormula.Leaf(new BooleanLiteral(false, atom.pos()));
            }
            return new BodyFormula.Leaf(new Comparison(predicate, atom.args().get(0), atom.args().get(1), atom.pos()));
        }
        return new BodyFormula.Leaf(atom);
    }

    @Override
    public BodyFormula visitComparisonItem(DatalogParser.ComparisonItemContext ctx) {
        Token op = ctx.compareOp().start;
        CompareOp operator = switch (op.getType()) {
            case DatalogLexer.EQ -> CompareOp.EQ;
            case DatalogLexer.NE -> CompareOp.NE;
            case DatalogLexer.LT -> CompareOp.LT;
            case DatalogLexer.LE -> CompareOp.LE;
            case DatalogLexer.GT -> CompareOp.GT;
            default -> CompareOp.GE;
        };
        Term left = terms.term(ctx.expr(0));
        Term right = terms.term(ctx.expr(1));
        return new BodyFormula.Leaf(new Comparison(operator, left, right, positions.of(op)));
    }

    @Override
    public BodyFormula visitTrueItem(DatalogParser.TrueItemContext ctx) {
        return new BodyFormula.Leaf(new BooleanLiteral(true, positions.of(ctx.start)));
    }

    @Override
    public BodyFormula visitFalseItem(DatalogParser.FalseItemContext ctx) {
        return new BodyFormula.Leaf(new BooleanLiteral(false, positions.of(ctx.start)));
    }
}
