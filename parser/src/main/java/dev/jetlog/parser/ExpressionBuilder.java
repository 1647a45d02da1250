// Builds the Term of an `expr` parse tree: variables, constants, arithmetic and aggregates.
// Unsupported constructs (functors, records, ADTs, bitwise operators) are reported and replaced by a placeholder.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.AggregateKind;
import dev.jetlog.parser.ast.ArithmeticOp;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.FloatConstant;
import dev.jetlog.parser.ast.IntegerConstant;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.NegateExpr;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.ast.StringConstant;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Variable;
import dev.jetlog.parser.ast.Wildcard;
import dev.jetlog.parser.grammar.DatalogBaseVisitor;
import dev.jetlog.parser.grammar.DatalogLexer;
import dev.jetlog.parser.grammar.DatalogParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.List;

final class ExpressionBuilder extends DatalogBaseVisitor<Term> {
    private final Positions positions;
    private final List<Diagnostic> errors;
    private BodyBuilder bodies;

    ExpressionBuilder(Positions positions, List<Diagnostic> errors) {
        this.positions = positions;
        this.errors = errors;
    }

    /** Aggregate bodies are built by the body builder, which in turn builds its terms here. */
    void setBodyBuilder(BodyBuilder bodies) {
        this.bodies = bodies;
    }

    Term term(DatalogParser.ExprContext ctx) {
        return visit(ctx);
    }

    @Override
    public Term visitParenExpr(DatalogParser.ParenExprContext ctx) {
        return visit(ctx.expr());
    }

    @Override
    public Term visitNegateExpr(DatalogParser.NegateExprContext ctx) {
        SourcePos pos = positions.of(ctx.start);
        DatalogParser.ExprContext operand = ctx.expr();
        if (operand instanceof DatalogParser.IntExprContext literal) {
            return integer(literal.INT().getSymbol(), pos, true);
        }
        if (operand instanceof DatalogParser.FloatExprContext literal) {
            return floating(literal.FLOAT().getSymbol(), pos, true);
        }
        return new NegateExpr(visit(operand), pos);
    }

    @Override
    public Term visitMulExpr(DatalogParser.MulExprContext ctx) {
        return binary(ctx.op, ctx.expr(0), ctx.expr(1));
    }

    @Override
    public Term visitAddExpr(DatalogParser.AddExprContext ctx) {
        return binary(ctx.op, ctx.expr(0), ctx.expr(1));
    }

    private Term binary(Token op, DatalogParser.ExprContext left, DatalogParser.ExprContext right) {
        ArithmeticOp operator = switch (op.getType()) {
            case DatalogLexer.PLUS -> ArithmeticOp.ADD;
            case DatalogLexer.MINUS -> ArithmeticOp.SUB;
            case DatalogLexer.STAR -> ArithmeticOp.MUL;
            case DatalogLexer.SLASH -> ArithmeticOp.DIV;
            default -> ArithmeticOp.MOD;
        };
        return new BinaryExpr(operator, visit(left), visit(right), positions.of(op));
    }

    @Override
    public Term visitAggregateExpr(DatalogParser.AggregateExprContext ctx) {
        DatalogParser.AggregateContext aggregate = ctx.aggregate();
        Token keyword = aggregate.aggregateFunction().start;
        SourcePos pos = positions.of(keyword);
        AggregateKind kind = switch (keyword.getType()) {
            case DatalogLexer.COUNT -> AggregateKind.COUNT;
            case DatalogLexer.SUM -> AggregateKind.SUM;
            case DatalogLexer.MIN -> AggregateKind.MIN;
            case DatalogLexer.MAX -> AggregateKind.MAX;
            default -> null;
        };
        if (kind == null) {
            errors.add(Diagnostic.error(pos, "aggregate '" + keyword.getText() + "' is not supported"));
            kind = AggregateKind.SUM;
        }
        Term target = aggregate.expr() == null ? null : visit(aggregate.expr());
        if (kind == AggregateKind.COUNT && target != null) {
            errors.add(Diagnostic.error(target.pos(), "'count' takes no target expression"));
            target = null;
        } else if (kind != AggregateKind.COUNT && target == null) {
            errors.add(Diagnostic.error(pos, "'" + keyword.getText() + "' needs a target expression, as in '"
                    + keyword.getText() + " x : { r(x) }'"));
            target = new IntegerConstant(0, pos);
        }
        List<Literal> body;
        if (aggregate.atom() != null) {
            body = List.of(bodies.atom(aggregate.atom()));
        } else {
            List<List<Literal>> disjuncts = DnfExpander.expand(bodies.visit(aggregate.disjunction()));
            if (disjuncts.size() != 1) {
                Token semicolon = firstToken(aggregate.disjunction(), DatalogLexer.SEMICOLON);
                errors.add(Diagnostic.error(semicolon != null ? positions.of(semicolon) : pos,
                        "disjunction is not supported in an aggregate body"));
            }
            body = disjuncts.get(0);
        }
        return new Aggregate(kind, target, body, pos);
    }

    private static Token firstToken(ParserRuleContext ctx, int type) {
        for (ParseTree child : ctx.children) {
            if (child instanceof TerminalNode terminal && terminal.getSymbol().getType() == type) {
                return terminal.getSymbol();
            }
            if (child instanceof ParserRuleContext rule) {
                Token found = firstToken(rule, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Override
    public Term visitFunctorExpr(DatalogParser.FunctorExprContext ctx) {
        return unsupported(ctx.start, Unsupported.functor(ctx.IDENT().getText()));
    }

    @Override
    public Term visitMinMaxFunctorExpr(DatalogParser.MinMaxFunctorExprContext ctx) {
        return unsupported(ctx.start, Unsupported.functor(ctx.start.getText()));
    }

    @Override
    public Term visitUnsupportedUnaryExpr(DatalogParser.UnsupportedUnaryExprContext ctx) {
        return unsupported(ctx.start, Unsupported.operator(ctx.start.getText()));
    }

    @Override
    public Term visitUnsupportedBinaryExpr(DatalogParser.UnsupportedBinaryExprContext ctx) {
        Token op = ctx.UNSUPPORTED_BINARY().getSymbol();
        return unsupported(op, Unsupported.operator(op.getText()));
    }

    @Override
    public Term visitRecordExpr(DatalogParser.RecordExprContext ctx) {
        return unsupported(ctx.start, Unsupported.RECORDS);
    }

    @Override
    public Term visitAdtExpr(DatalogParser.AdtExprContext ctx) {
        return unsupported(ctx.start, Unsupported.ADT);
    }

    private Term unsupported(Token at, String message) {
        SourcePos pos = positions.of(at);
        errors.add(Diagnostic.error(pos, message));
        return new IntegerConstant(0, pos);
    }

    @Override
    public Term visitVariableExpr(DatalogParser.VariableExprContext ctx) {
        return new Variable(ctx.IDENT().getText(), positions.of(ctx.start));
    }

    @Override
    public Term visitWildcardExpr(DatalogParser.WildcardExprContext ctx) {
        return new Wildcard(positions.of(ctx.start));
    }

    @Override
    public Term visitIntExpr(DatalogParser.IntExprContext ctx) {
        return integer(ctx.INT().getSymbol(), positions.of(ctx.start), false);
    }

    @Override
    public Term visitFloatExpr(DatalogParser.FloatExprContext ctx) {
        return floating(ctx.FLOAT().getSymbol(), positions.of(ctx.start), false);
    }

    @Override
    public Term visitStringExpr(DatalogParser.StringExprContext ctx) {
        return new StringConstant(string(ctx.STRING().getSymbol()), positions.of(ctx.start));
    }

    private Term integer(Token literal, SourcePos pos, boolean negative) {
        Long value = LiteralValues.integer(literal.getText(), negative);
        if (value == null) {
            errors.add(Diagnostic.error(pos, "integer literal out of range: " + (negative ? "-" : "") + literal.getText()
                    + " is not in [-2147483648, 4294967295]"));
            return new IntegerConstant(0, pos);
        }
        return new IntegerConstant(value, pos);
    }

    private Term floating(Token literal, SourcePos pos, boolean negative) {
        Float value = LiteralValues.floating(literal.getText(), negative);
        if (value == null) {
            errors.add(Diagnostic.error(pos, "float literal out of range: " + literal.getText()));
            return new FloatConstant(0, pos);
        }
        return new FloatConstant(value, pos);
    }

    /** The value of a string token, reporting invalid escapes. */
    String string(Token token) {
        try {
            return LiteralValues.unescape(token.getText());
        } catch (LiteralValues.BadEscape e) {
            errors.add(Diagnostic.error(positions.of(token, e.offset), e.getMessage()));
            return token.getText();
        }
    }
}
