// Compiles IR expressions and filters into RowExpr / RowFilter closures, with the arithmetic and
// comparison semantics of each value type (signed, unsigned, float32 bits).
package dev.jetlog.cpu;

import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.planner.ir.Arithmetic;
import dev.jetlog.planner.ir.ColumnRef;
import dev.jetlog.planner.ir.Constant;
import dev.jetlog.planner.ir.Expr;
import dev.jetlog.planner.ir.Filter;
import dev.jetlog.planner.ir.Negate;
import dev.jetlog.planner.ir.Side;
import dev.jetlog.planner.ir.ValueType;

import java.util.List;

final class ExprCompiler {
    private ExprCompiler() {
    }

    static RowExpr compile(Expr expr) {
        if (expr instanceof ColumnRef ref) {
            int column = ref.column();
            return switch (ref.side()) {
                case INPUT -> (in, ib, t, tb, agg) -> in[ib + column];
                case TUPLE -> (in, ib, t, tb, agg) -> t[tb + column];
                case AGGREGATE -> (in, ib, t, tb, agg) -> agg;
            };
        }
        if (expr instanceof Constant constant) {
            int value = constant.value();
            return (in, ib, t, tb, agg) -> value;
        }
        if (expr instanceof Negate negate) {
            RowExpr operand = compile(negate.operand());
            if (negate.type() == ValueType.FLOAT) {
                return (in, ib, t, tb, agg) -> Values.floatBits(-Float.intBitsToFloat(operand.eval(in, ib, t, tb, agg)));
            }
            return (in, ib, t, tb, agg) -> -operand.eval(in, ib, t, tb, agg);
        }
        Arithmetic arithmetic = (Arithmetic) expr;
        RowExpr l = compile(arithmetic.left());
        RowExpr r = compile(arithmetic.right());
        return switch (arithmetic.type()) {
            case SIGNED -> switch (arithmetic.op()) {
                case ADD -> (in, ib, t, tb, agg) -> l.eval(in, ib, t, tb, agg) + r.eval(in, ib, t, tb, agg);
                case SUB -> (in, ib, t, tb, agg) -> l.eval(in, ib, t, tb, agg) - r.eval(in, ib, t, tb, agg);
                case MUL -> (in, ib, t, tb, agg) -> l.eval(in, ib, t, tb, agg) * r.eval(in, ib, t, tb, agg);
                case DIV -> (in, ib, t, tb, agg) -> Values.divide(l.eval(in, ib, t, tb, agg), r.eval(in, ib, t, tb, agg));
                case MOD -> (in, ib, t, tb, agg) -> Values.remainder(l.eval(in, ib, t, tb, agg), r.eval(in, ib, t, tb, agg));
            };
            case UNSIGNED -> switch (arithmetic.op()) {
                case ADD -> (in, ib, t, tb, agg) -> l.eval(in, ib, t, tb, agg) + r.eval(in, ib, t, tb, agg);
                case SUB -> (in, ib, t, tb, agg) -> l.eval(in, ib, t, tb, agg) - r.eval(in, ib, t, tb, agg);
                case MUL -> (in, ib, t, tb, agg) -> l.eval(in, ib, t, tb, agg) * r.eval(in, ib, t, tb, agg);
                case DIV -> (in, ib, t, tb, agg) -> Values.divideUnsigned(l.eval(in, ib, t, tb, agg), r.eval(in, ib, t, tb, agg));
                case MOD -> (in, ib, t, tb, agg) -> Values.remainderUnsigned(l.eval(in, ib, t, tb, agg), r.eval(in, ib, t, tb, agg));
            };
            case FLOAT -> {
                var op = arithmetic.op();
                yield (in, ib, t, tb, agg) -> Values.floatArithmetic(op, l.eval(in, ib, t, tb, agg), r.eval(in, ib, t, tb, agg));
            }
        };
    }

    static RowFilter compile(Filter filter) {
        RowExpr l = compile(filter.left());
        RowExpr r = compile(filter.right());
        CompareOp op = filter.op();
        if (filter.type() == ValueType.SIGNED) {
            return switch (op) {
                case EQ -> (in, ib, t, tb, agg) -> l.eval(in, ib, t, tb, agg) == r.eval(in, ib, t, tb, agg);
                case NE -> (in, ib, t, tb, agg) -> l.eval(in, ib, t, tb, agg) != r.eval(in, ib, t, tb, agg);
                case LT -> (in, ib, t, tb, agg) -> l.eval(in, ib, t, tb, agg) < r.eval(in, ib, t, tb, agg);
                case LE -> (in, ib, t, tb, agg) -> l.eval(in, ib, t, tb, agg) <= r.eval(in, ib, t, tb, agg);
                case GT -> (in, ib, t, tb, agg) -> l.eval(in, ib, t, tb, agg) > r.eval(in, ib, t, tb, agg);
                case GE -> (in, ib, t, tb, agg) -> l.eval(in, ib, t, tb, agg) >= r.eval(in, ib, t, tb, agg);
            };
        }
        ValueType type = filter.type();
        return (in, ib, t, tb, agg) -> Values.compare(op, type, l.eval(in, ib, t, tb, agg), r.eval(in, ib, t, tb, agg));
    }

    /** All filters as one; null when there are none. */
    static RowFilter all(List<Filter> filters) {
        if (filters.isEmpty()) {
            return null;
        }
        RowFilter[] compiled = filters.stream().map(ExprCompiler::compile).toArray(RowFilter[]::new);
        if (compiled.length == 1) {
            return compiled[0];
        }
        return (in, ib, t, tb, agg) -> {
            for (RowFilter filter : compiled) {
                if (!filter.test(in, ib, t, tb, agg)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** True if some filter or expression reads the side. */
    static boolean reads(List<Filter> filters, Side side) {
        return filters.stream().anyMatch(f -> f.reads(side));
    }
}
