// Integer division and remainder by zero have no value: for every such operation in a step's
// expressions, a filter `divisor != 0` drops the rows where it would be undefined.
package dev.jetlog.planner;

import dev.jetlog.parser.ast.BinaryOp;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.planner.ir.Binary;
import dev.jetlog.planner.ir.Constant;
import dev.jetlog.planner.ir.Expr;
import dev.jetlog.planner.ir.Filter;
import dev.jetlog.planner.ir.SymbolFunction;
import dev.jetlog.planner.ir.Unary;
import dev.jetlog.planner.ir.UserFunction;
import dev.jetlog.planner.ir.ValueType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

final class DivisionGuards {
    private DivisionGuards() {
    }

    /** Guard filters for the given expressions, then the given filters, without repeats. */
    static List<Filter> guarded(List<Filter> filters, List<Expr> expressions) {
        Set<Filter> guards = new LinkedHashSet<>();
        for (Filter filter : filters) {
            collect(filter.left(), guards);
            collect(filter.right(), guards);
        }
        for (Expr expr : expressions) {
            collect(expr, guards);
        }
        guards.addAll(filters);
        return new ArrayList<>(guards);
    }

    /** The guard filters of one expression (none if it divides by nothing). */
    static List<Filter> of(Expr expr) {
        Set<Filter> guards = new LinkedHashSet<>();
        collect(expr, guards);
        return new ArrayList<>(guards);
    }

    private static void collect(Expr expr, Set<Filter> guards) {
        if (expr instanceof Binary arithmetic) {
            collect(arithmetic.left(), guards);
            collect(arithmetic.right(), guards);
            boolean divides = arithmetic.op() == BinaryOp.DIV || arithmetic.op() == BinaryOp.MOD;
            if (divides && arithmetic.type() != ValueType.FLOAT) {
                guards.add(new Filter(CompareOp.NE, arithmetic.type(), arithmetic.right(), new Constant(0)));
            }
        } else if (expr instanceof Unary unary) {
            collect(unary.operand(), guards);
        } else if (expr instanceof SymbolFunction function) {
            function.args().forEach(arg -> collect(arg, guards));
        } else if (expr instanceof UserFunction function) {
            function.args().forEach(arg -> collect(arg, guards));
        }
    }
}
