// Builds the Term of an `expr` parse tree: variables, constants, arithmetic and aggregates.
// Functors become unary or binary expressions (variadic min/max/cat fold pairwise, left to right).
// Unsupported constructs (records, ADTs) are reported and replaced by a placeholder.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.AggregateKind;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.BinaryOp;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.FloatConstant;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.IntegerConstant;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.NilConstant;
import dev.jetlog.parser.ast.RecordTerm;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.ast.StringConstant;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.UnaryExpr;
import dev.jetlog.parser.ast.UnaryOp;
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
import java.util.function.Function;
import java.util.function.UnaryOperator;

final class ExpressionBuilder extends DatalogBaseVisitor<Term> {
    private final Positions positions;
    private final List<Diagnostic> errors;
    private BodyBuilder bodies;
    /** The column type a type name stands for, or null for an unknown name. */
    private final Function<String, ColumnType> types;
    /** The ADT branch a branch name stands for where the term is built (a component instance's own). */
    private final UnaryOperator<String> branches;

    ExpressionBuilder(Positions positions, List<Diagnostic> errors, Function<String, ColumnType> types,
                      UnaryOperator<String> branches) {
        this.positions = positions;
        this.errors = errors;
        this.types = types;
        this.branches = branches;
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
        return new UnaryExpr(UnaryOp.NEG, visit(operand), pos);
    }

    @Override
    public Term visitNotExpr(DatalogParser.NotExprContext ctx) {
        UnaryOp op = ctx.op.getType() == DatalogLexer.BNOT ? UnaryOp.BNOT : UnaryOp.LNOT;
        return new UnaryExpr(op, visit(ctx.expr()), positions.of(ctx.op));
    }

    @Override
    public Term visitBinaryExpr(DatalogParser.BinaryExprContext ctx) {
        return binary(ctx.op, ctx.expr(0), ctx.expr(1));
    }

    private Term binary(Token op, DatalogParser.ExprContext left, DatalogParser.ExprContext right) {
        BinaryOp operator = switch (op.getType()) {
            case DatalogLexer.PLUS -> BinaryOp.ADD;
            case DatalogLexer.MINUS -> BinaryOp.SUB;
            case DatalogLexer.STAR -> BinaryOp.MUL;
            case DatalogLexer.SLASH -> BinaryOp.DIV;
            case DatalogLexer.PERCENT -> BinaryOp.MOD;
            case DatalogLexer.CARET -> BinaryOp.POW;
            case DatalogLexer.BAND -> BinaryOp.BAND;
            case DatalogLexer.BOR -> BinaryOp.BOR;
            case DatalogLexer.BXOR -> BinaryOp.BXOR;
            case DatalogLexer.BSHL -> BinaryOp.BSHL;
            case DatalogLexer.BSHR -> BinaryOp.BSHR;
            case DatalogLexer.BSHRU -> BinaryOp.BSHRU;
            case DatalogLexer.LAND -> BinaryOp.LAND;
            case DatalogLexer.LOR -> BinaryOp.LOR;
            case DatalogLexer.LXOR -> BinaryOp.LXOR;
            default -> throw new IllegalStateException("not a binary operator: " + op.getText());
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
            default -> AggregateKind.MEAN;
        };
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
        String name = ctx.IDENT().getText();
        SourcePos pos = positions.of(ctx.start);
        List<DatalogParser.ExprContext> args = ctx.expr();
        UnaryOp unary = UnaryOp.functor(name);
        if (unary != null) {
            if (args.size() != 1) {
                return badArity(pos, name, "1 argument", args.size());
            }
            return new UnaryExpr(unary, visit(args.get(0)), pos);
        }
        if (name.equals("autoinc") || name.equals(FunctorCall.ITERATION_COUNTER)) {
            if (!args.isEmpty()) {
                return badArity(pos, name, "no arguments", args.size());
            }
            return new FunctorCall(name, List.of(), pos);
        }
        if (name.equals("range")) {
            if (args.size() != 2 && args.size() != 3) {
                return badArity(pos, name, "2 or 3 arguments", args.size());
            }
            return new FunctorCall(name, args.stream().map(this::visit).toList(), pos);
        }
        if (name.equals("substr")) {
            if (args.size() != 3) {
                return badArity(pos, name, "3 arguments", args.size());
            }
            return new FunctorCall(name, args.stream().map(this::visit).toList(), pos);
        }
        if (name.equals("cat")) {
            if (args.size() < 2) {
                return badArity(pos, name, "at least 2 arguments", args.size());
            }
            return fold(BinaryOp.CAT, args, pos);
        }
        return unsupported(ctx.start, Unsupported.functor(name));
    }

    @Override
    public Term visitMinMaxFunctorExpr(DatalogParser.MinMaxFunctorExprContext ctx) {
        BinaryOp op = ctx.start.getType() == DatalogLexer.MIN ? BinaryOp.MIN : BinaryOp.MAX;
        return fold(op, ctx.expr(), positions.of(ctx.start));
    }

    @Override
    public Term visitCastExpr(DatalogParser.CastExprContext ctx) {
        Token typeName = AstBuilder.typeToken(ctx.typeName());
        ColumnType type = types.apply(typeName.getText());
        if (type == null) {
            errors.add(Diagnostic.error(positions.of(typeName), "unknown type '" + typeName.getText() + "'"));
            type = ColumnType.NUMBER;
        }
        return new UnaryExpr(UnaryOp.castTo(type), visit(ctx.expr()), positions.of(ctx.start));
    }

    @Override
    public Term visitUserFunctorExpr(DatalogParser.UserFunctorExprContext ctx) {
        return new FunctorCall("@" + ctx.IDENT().getText(), ctx.expr().stream().map(this::visit).toList(),
                positions.of(ctx.start));
    }

    /** op(a, b, c, ...) as op(op(a, b), c) ... */
    private Term fold(BinaryOp op, List<DatalogParser.ExprContext> args, SourcePos pos) {
        Term result = visit(args.get(0));
        for (int i = 1; i < args.size(); i++) {
            result = new BinaryExpr(op, result, visit(args.get(i)), pos);
        }
        return result;
    }

    private Term badArity(SourcePos pos, String name, String expected, int given) {
        errors.add(Diagnostic.error(pos, "functor '" + name + "' takes " + expected + ", given " + given));
        return new IntegerConstant(0, pos);
    }

    @Override
    public Term visitRecordExpr(DatalogParser.RecordExprContext ctx) {
        return new RecordTerm(null, ctx.expr().stream().map(this::visit).toList(), positions.of(ctx.start));
    }

    /** `$Branch(args)` or `$Branch`: an ADT value; a bare `$` (Soufflé's old auto-increment) is an error. */
    @Override
    public Term visitAdtExpr(DatalogParser.AdtExprContext ctx) {
        if (ctx.IDENT().isEmpty()) {
            return unsupported(ctx.start, Unsupported.ADT);
        }
        // `$c.Leaf(1)` names a branch of an instance's ADT, as the instance's own items name it `$Leaf`
        String branch = String.join(".", ctx.IDENT().stream().map(org.antlr.v4.runtime.tree.TerminalNode::getText).toList());
        return new RecordTerm(branches.apply(branch), ctx.expr().stream().map(this::visit).toList(),
                positions.of(ctx.start));
    }

    private Term unsupported(Token at, String message) {
        SourcePos pos = positions.of(at);
        errors.add(Diagnostic.error(pos, message));
        return new IntegerConstant(0, pos);
    }

    @Override
    public Term visitVariableExpr(DatalogParser.VariableExprContext ctx) {
        if (ctx.IDENT().getText().equals("nil")) {
            return new NilConstant(positions.of(ctx.start));
        }
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
    public Term visitUnsignedExpr(DatalogParser.UnsignedExprContext ctx) {
        Token literal = ctx.UNSIGNED_INT().getSymbol();
        SourcePos pos = positions.of(ctx.start);
        String digits = literal.getText().substring(0, literal.getText().length() - 1);
        Long value = LiteralValues.integer(digits, false);
        if (value == null) {
            errors.add(Diagnostic.error(pos, "unsigned literal out of range: " + literal.getText()
                    + " is not in [0, 4294967295]"));
            return new IntegerConstant(0, true, pos);
        }
        return new IntegerConstant(value, true, pos);
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
        if (literal.getText().indexOf('.') >= 0) {
            Long address = LiteralValues.ipv4(literal.getText());
            if (address == null) {
                errors.add(Diagnostic.error(pos, "IPv4 literal " + literal.getText()
                        + " needs four parts from 0 to 255"));
                return new IntegerConstant(0, pos);
            }
            long number = (int) (long) address; // a number, as in Soufflé: 255.255.255.255 is -1
            return new IntegerConstant(negative ? -number : number, pos);
        }
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
