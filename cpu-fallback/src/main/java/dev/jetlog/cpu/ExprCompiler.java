// Compiles IR expressions and filters into RowExpr / RowFilter closures, with the arithmetic and
// comparison semantics of each value type (signed, unsigned, float32 bits).
package dev.jetlog.cpu;

import dev.jetlog.parser.ast.BinaryOp;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.planner.ir.Binary;
import dev.jetlog.planner.ir.ColumnRef;
import dev.jetlog.planner.ir.Constant;
import dev.jetlog.planner.ir.Expr;
import dev.jetlog.planner.ir.Filter;
import dev.jetlog.planner.ir.Side;
import dev.jetlog.planner.ir.SymbolFunction;
import dev.jetlog.planner.ir.Unary;
import dev.jetlog.planner.ir.UserFunction;
import dev.jetlog.planner.ir.ValueType;
import dev.jetlog.seminaive.spi.HostFunctions;

import java.util.List;

final class ExprCompiler {
    private final HostFunctions symbols;

    /** @param symbols evaluates the functions that read or extend the session's symbol table */
    ExprCompiler(HostFunctions symbols) {
        this.symbols = symbols;
    }

    RowExpr compile(Expr expr) {
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
        if (expr instanceof Unary unary) {
            RowExpr operand = compile(unary.operand());
            Unary.Op op = unary.op();
            if (op == Unary.Op.NEG_I) {
                return (in, ib, t, tb, agg) -> -operand.eval(in, ib, t, tb, agg);
            }
            return (in, ib, t, tb, agg) -> Values.unary(op, operand.eval(in, ib, t, tb, agg));
        }
        if (expr instanceof SymbolFunction function) {
            RowExpr[] args = function.args().stream().map(this::compile).toArray(RowExpr[]::new);
            SymbolFunction.Fn fn = function.fn();
            HostFunctions functions = symbols;
            return (in, ib, t, tb, agg) -> {
                int[] values = new int[args.length];
                for (int i = 0; i < args.length; i++) {
                    values[i] = args[i].eval(in, ib, t, tb, agg);
                }
                return functions.apply(fn, values);
            };
        }
        if (expr instanceof UserFunction function) {
            RowExpr[] args = function.args().stream().map(this::compile).toArray(RowExpr[]::new);
            HostFunctions functions = symbols;
            return (in, ib, t, tb, agg) -> {
                int[] values = new int[args.length];
                for (int i = 0; i < args.length; i++) {
                    values[i] = args[i].eval(in, ib, t, tb, agg);
                }
                return functions.call(function, values);
            };
        }
        Binary binary = (Binary) expr;
        RowExpr l = compile(binary.left());
        RowExpr r = compile(binary.right());
        BinaryOp op = binary.op();
        ValueType type = binary.type();
        if (type != ValueType.FLOAT) {
            switch (op) {
                case ADD:
                    return (in, ib, t, tb, agg) -> l.eval(in, ib, t, tb, agg) + r.eval(in, ib, t, tb, agg);
                case SUB:
                    return (in, ib, t, tb, agg) -> l.eval(in, ib, t, tb, agg) - r.eval(in, ib, t, tb, agg);
                case MUL:
                    return (in, ib, t, tb, agg) -> l.eval(in, ib, t, tb, agg) * r.eval(in, ib, t, tb, agg);
                default:
                    break;
            }
        }
        return (in, ib, t, tb, agg) -> Values.binary(op, type, l.eval(in, ib, t, tb, agg), r.eval(in, ib, t, tb, agg));
    }

    RowFilter compile(Filter filter) {
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
                default -> throw new IllegalArgumentException(op + " is a symbol function, not a comparison");
            };
        }
        ValueType type = filter.type();
        return (in, ib, t, tb, agg) -> Values.compare(op, type, l.eval(in, ib, t, tb, agg), r.eval(in, ib, t, tb, agg));
    }

    /** All filters as one; null when there are none. */
    RowFilter all(List<Filter> filters) {
        if (filters.isEmpty()) {
            return null;
        }
        RowFilter[] compiled = filters.stream().map(this::compile).toArray(RowFilter[]::new);
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
