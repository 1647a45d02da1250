// Translates AST terms into IR expressions over the columns a step can see, encoding constants by
// the types the checker gave them and replacing each aggregate by the variable that carries its result.
package dev.jetlog.planner;

import dev.jetlog.parser.CheckedProgram;
import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.FloatConstant;
import dev.jetlog.parser.ast.IntegerConstant;
import dev.jetlog.parser.ast.NegateExpr;
import dev.jetlog.parser.ast.StringConstant;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Variable;
import dev.jetlog.parser.ast.Wildcard;
import dev.jetlog.planner.ir.Arithmetic;
import dev.jetlog.planner.ir.Constant;
import dev.jetlog.planner.ir.Expr;
import dev.jetlog.planner.ir.Negate;
import dev.jetlog.planner.ir.ValueType;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
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
        } else if (term instanceof NegateExpr negate) {
            collect(negate.operand(), names);
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
        if (term instanceof StringConstant string) {
            return new Constant(symbols.applyAsInt(string.value()));
        }
        if (term instanceof BinaryExpr binary) {
            return new Arithmetic(binary.op(), valueType(term),
                    translate(binary.left(), env), translate(binary.right(), env));
        }
        if (term instanceof NegateExpr negate) {
            return new Negate(valueType(term), translate(negate.operand(), env));
        }
        if (term instanceof Wildcard) {
            throw new IllegalStateException("a wildcard has no value at " + term.pos());
        }
        throw new IllegalStateException("unknown term " + term);
    }

    private static Expr lookup(String name, Map<String, Expr> env) {
        Expr expr = env.get(name);
        if (expr == null) {
            throw new IllegalStateException("variable " + name + " is not bound");
        }
        return expr;
    }
}
