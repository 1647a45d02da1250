// Translates AST terms into IR expressions over the columns a step can see, encoding constants by
// the types the checker gave them and replacing each aggregate by the variable that carries its result.
package dev.jetlog.planner;

import dev.jetlog.parser.CheckedProgram;
import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.BinaryOp;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.FloatConstant;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.FunctorDecl;
import dev.jetlog.parser.ast.IntegerConstant;
import dev.jetlog.parser.ast.NilConstant;
import dev.jetlog.parser.ast.RecordAccess;
import dev.jetlog.parser.ast.StringConstant;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.UnaryExpr;
import dev.jetlog.parser.ast.UnaryOp;
import dev.jetlog.parser.ast.Variable;
import dev.jetlog.parser.ast.Wildcard;
import dev.jetlog.planner.ir.Binary;
import dev.jetlog.planner.ir.Constant;
import dev.jetlog.planner.ir.Expr;
import dev.jetlog.planner.ir.SymbolFunction;
import dev.jetlog.planner.ir.Unary;
import dev.jetlog.planner.ir.UserFunction;
import dev.jetlog.planner.ir.ValueType;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

final class TermTranslator {
    private final CheckedProgram program;
    private final ToIntFunction<String> symbols;
    private final IdentityHashMap<Aggregate, String> aggregateVariables;

    TermTranslator(CheckedProgram program, ToIntFunction<String> symbols,
                   IdentityHashMap<Aggregate, String> aggregateVariables) {
        this.program = program;
        this.symbols = symbols;
        this.aggregateVariables = aggregateVariables;
    }

    /** The variable names a term reads; an aggregate reads the variable that carries its result. */
    Set<String> variables(Term term) {
        Set<String> names = new LinkedHashSet<>();
        collect(term, names);
        return names;
    }

    private void collect(Term term, Set<String> names) {
        if (term instanceof Variable variable) {
            names.add(variable.name());
        } else if (term instanceof BinaryExpr binary) {
            collect(binary.left(), names);
            collect(binary.right(), names);
        } else if (term instanceof UnaryExpr unary) {
            collect(unary.operand(), names);
        } else if (term instanceof FunctorCall call) {
            call.args().forEach(arg -> collect(arg, names));
        } else if (term instanceof Aggregate aggregate) {
            names.add(aggregateVariable(aggregate));
        }
    }

    String aggregateVariable(Aggregate aggregate) {
        String name = aggregateVariables.get(aggregate);
        if (name == null) {
            throw new IllegalStateException("aggregate without a result variable: " + aggregate);
        }
        return name;
    }

    ValueType valueType(Term term) {
        return ValueType.of(program.typeOf(term));
    }

    boolean isSymbol(Term term) {
        return program.typeOf(term) == ColumnType.SYMBOL;
    }

    /** Translates a term whose variables are all bound in env. */
    Expr translate(Term term, Map<String, Expr> env) {
        if (term instanceof Variable variable) {
            return lookup(variable.name(), env);
        }
        if (term instanceof Aggregate aggregate) {
            return lookup(aggregateVariable(aggregate), env);
        }
        if (term instanceof IntegerConstant integer) {
            return new Constant(program.typeOf(term) == ColumnType.FLOAT
                    ? Float.floatToRawIntBits((float) integer.value()) : (int) integer.value());
        }
        if (term instanceof FloatConstant floating) {
            return new Constant(Float.floatToRawIntBits(floating.value()));
        }
        if (term instanceof NilConstant) {
            return new Constant(0);
        }
        if (term instanceof StringConstant string) {
            return new Constant(symbols.applyAsInt(string.value()));
        }
        if (term instanceof BinaryExpr binary) {
            return binary(binary, translate(binary.left(), env), translate(binary.right(), env));
        }
        if (term instanceof UnaryExpr unary) {
            return unary(unary, translate(unary.operand(), env));
        }
        if (term instanceof FunctorCall call) {
            List<Expr> args = call.args().stream().map(arg -> translate(arg, env)).toList();
            if (call.isRange()) {
                throw new IllegalStateException("range() is a generator, not a value, at " + call.pos());
            }
            if (call.isRecordAccess()) {
                return recordAccess(call.record(), args);
            }
            if (call.isAutoIncrement()) {
                return new SymbolFunction(SymbolFunction.Fn.AUTOINC, List.of());
            }
            if (call.isIterationCounter()) {
                return new SymbolFunction(SymbolFunction.Fn.ITERATION, List.of());
            }
            if (call.isUserDefined()) {
                FunctorDecl decl = program.program().functor(call.functorName());
                return new UserFunction(decl.name(), decl.parameters(), decl.result(), args);
            }
            return new SymbolFunction(SymbolFunction.Fn.SUBSTR, args);
        }
        if (term instanceof Wildcard) {
            throw new IllegalStateException("a wildcard has no value at " + term.pos());
        }
        throw new IllegalStateException("unknown term " + term);
    }

    /** Packing (an ADT value stores its branch first) or reading a field (or an ADT value's branch). */
    private static Expr recordAccess(RecordAccess access, List<Expr> args) {
        if (access.isPack()) {
            List<Expr> fields = new java.util.ArrayList<>();
            if (access.type().isAdt()) {
                fields.add(new Constant(access.branch()));
            }
            fields.addAll(args);
            return new SymbolFunction(SymbolFunction.Fn.PACK, fields);
        }
        int stored = access.field() == RecordAccess.TAG ? 0 : access.type().storedIndex(access.field());
        return new SymbolFunction(SymbolFunction.Fn.FIELD, List.of(args.get(0), new Constant(stored)));
    }

    private Expr binary(BinaryExpr binary, Expr left, Expr right) {
        ColumnType type = program.typeOf(binary);
        if (binary.op() == BinaryOp.CAT || binary.op() == BinaryOp.ADD && type == ColumnType.SYMBOL) {
            return new SymbolFunction(SymbolFunction.Fn.CAT, List.of(left, right));
        }
        if (type == ColumnType.SYMBOL) {
            SymbolFunction.Fn fn = binary.op() == BinaryOp.MIN ? SymbolFunction.Fn.MIN : SymbolFunction.Fn.MAX;
            return new SymbolFunction(fn, List.of(left, right));
        }
        return new Binary(binary.op(), ValueType.of(type), left, right);
    }

    /** A unary operator or functor; conversions between one representation are the operand itself. */
    private Expr unary(UnaryExpr unary, Expr operand) {
        ColumnType from = program.typeOf(unary.operand());
        return switch (unary.op()) {
            case NEG -> new Unary(from == ColumnType.FLOAT ? Unary.Op.NEG_F : Unary.Op.NEG_I, operand);
            case BNOT -> new Unary(Unary.Op.BNOT, operand);
            case LNOT -> new Unary(Unary.Op.LNOT, operand);
            case ORD, AS_NUMBER, AS_UNSIGNED, AS_FLOAT, AS_SYMBOL, AS_RECORD -> operand;
            case STRLEN -> new SymbolFunction(SymbolFunction.Fn.STRLEN, List.of(operand));
            case SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, TANH, ASINH, ACOSH, ATANH, LOG, EXP ->
                    new SymbolFunction(SymbolFunction.Fn.valueOf(unary.op().name()), List.of(operand));
            case TO_NUMBER, TO_UNSIGNED -> switch (from) {
                case NUMBER, UNSIGNED -> operand;
                case FLOAT -> new Unary(unary.op() == UnaryOp.TO_NUMBER ? Unary.Op.F2I : Unary.Op.F2U, operand);
                case SYMBOL -> new SymbolFunction(unary.op() == UnaryOp.TO_NUMBER
                        ? SymbolFunction.Fn.TO_NUMBER : SymbolFunction.Fn.TO_UNSIGNED, List.of(operand));
                case RECORD -> throw notConvertible(unary);
            };
            case TO_FLOAT -> switch (from) {
                case NUMBER -> new Unary(Unary.Op.I2F, operand);
                case UNSIGNED -> new Unary(Unary.Op.U2F, operand);
                case FLOAT -> operand;
                case SYMBOL -> new SymbolFunction(SymbolFunction.Fn.TO_FLOAT, List.of(operand));
                case RECORD -> throw notConvertible(unary);
            };
            case TO_STRING -> from == ColumnType.SYMBOL ? operand : new SymbolFunction(switch (from) {
                case NUMBER -> SymbolFunction.Fn.NUMBER_TO_STRING;
                case UNSIGNED -> SymbolFunction.Fn.UNSIGNED_TO_STRING;
                case FLOAT -> SymbolFunction.Fn.FLOAT_TO_STRING;
                case SYMBOL, RECORD -> throw notConvertible(unary);
            }, List.of(operand));
        };
    }

    /** The type checker rejects these conversions; reaching one is a bug. */
    private static IllegalStateException notConvertible(UnaryExpr unary) {
        return new IllegalStateException(unary.op().symbol() + " of a " + "non-convertible value at " + unary.pos());
    }

    private static Expr lookup(String name, Map<String, Expr> env) {
        Expr expr = env.get(name);
        if (expr == null) {
            throw new IllegalStateException("variable " + name + " is not bound");
        }
        return expr;
    }
}
