// Encodes a plan step, once, into the int program that the kernels interpret (expr.h): a header of
// section offsets (keys, filters before and after the lookup, outputs, distinct columns, aggregate
// parts), then every expression in postfix form ending in OP_END. The opcodes and header slots here
// are those of expr.h.
package dev.jetlog.gpu;

import dev.jetlog.parser.ast.AggregateKind;
import dev.jetlog.parser.ast.BinaryOp;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.planner.ir.AggregateStep;
import dev.jetlog.planner.ir.AntiJoinStep;
import dev.jetlog.planner.ir.Binary;
import dev.jetlog.planner.ir.ColumnRef;
import dev.jetlog.planner.ir.Constant;
import dev.jetlog.planner.ir.Expr;
import dev.jetlog.planner.ir.Filter;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.ScanStep;
import dev.jetlog.planner.ir.Side;
import dev.jetlog.planner.ir.Step;
import dev.jetlog.planner.ir.SymbolFunction;
import dev.jetlog.planner.ir.Unary;
import dev.jetlog.planner.ir.UnitStep;
import dev.jetlog.planner.ir.UserFunction;
import dev.jetlog.planner.ir.ValueType;
import dev.jetlog.seminaive.spi.BackendException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

final class StepEncoder {
    // header slots
    static final int P_KEY_COUNT = 0;
    static final int P_KEY_TABLE = 1;
    static final int P_BEFORE = 2;
    static final int P_PAIR = 3;
    static final int P_OUT_COUNT = 4;
    static final int P_OUT_TABLE = 5;
    static final int P_DISTINCT_COUNT = 6;
    static final int P_DISTINCT_TABLE = 7;
    static final int P_SKIP = 8;
    static final int P_INNER = 9;
    static final int P_TARGET = 10;
    static final int P_POST = 11;
    static final int P_AGG_KIND = 12;
    static final int P_AGG_TYPE = 13;
    static final int P_HEADER = 16;

    static final int SKIP_NONE = 0;
    static final int SKIP_DISTINCT = 1;
    static final int SKIP_EXISTENCE = 2;

    /** Limits of the kernels: expression stack depth (JL_STACK) and key length (JL_MAX_KEY). */
    static final int MAX_STACK = 16;
    static final int MAX_KEY = 32;

    // opcodes
    static final int OP_END = 0;
    static final int OP_CONST = 1;
    static final int OP_IN = 2;
    static final int OP_TUP = 3;
    static final int OP_AGG = 4;
    static final int OP_NEG_I = 5;
    static final int OP_NEG_F = 6;
    static final int OP_BNOT = 7;
    static final int OP_LNOT = 8;
    static final int OP_ADD_I = 10;
    static final int OP_SUB_I = 11;
    static final int OP_MUL_I = 12;
    static final int OP_DIV_S = 13;
    static final int OP_MOD_S = 14;
    static final int OP_DIV_U = 15;
    static final int OP_MOD_U = 16;
    static final int OP_POW_S = 17;
    static final int OP_POW_U = 18;
    static final int OP_ADD_F = 20;
    static final int OP_SUB_F = 21;
    static final int OP_MUL_F = 22;
    static final int OP_DIV_F = 23;
    static final int OP_MOD_F = 24;
    static final int OP_POW_F = 25;
    static final int OP_MIN_F = 26;
    static final int OP_MAX_F = 27;
    static final int OP_EQ = 30;
    static final int OP_LT_S = 32;
    static final int OP_LT_U = 36;
    static final int OP_EQ_F = 40;
    static final int OP_BAND = 50;
    static final int OP_BOR = 51;
    static final int OP_BXOR = 52;
    static final int OP_BSHL = 53;
    static final int OP_BSHR_S = 54;
    static final int OP_BSHR_U = 55;
    static final int OP_LAND = 56;
    static final int OP_LOR = 57;
    static final int OP_LXOR = 58;
    static final int OP_MIN_S = 60;
    static final int OP_MAX_S = 61;
    static final int OP_MIN_U = 62;
    static final int OP_MAX_U = 63;
    static final int OP_I2F = 70;
    static final int OP_U2F = 71;
    static final int OP_F2I = 72;
    static final int OP_F2U = 73;

    private final int[] header = new int[P_HEADER];
    private final List<Integer> body = new ArrayList<>();

    private StepEncoder() {
        Arrays.fill(header, -1);
        header[P_KEY_COUNT] = 0;
        header[P_OUT_COUNT] = 0;
        header[P_DISTINCT_COUNT] = 0;
        header[P_SKIP] = SKIP_NONE;
        header[P_AGG_KIND] = 0;
        header[P_AGG_TYPE] = 0;
    }

    /** The program of a step. */
    static int[] encode(Step step) {
        StepEncoder encoder = new StepEncoder();
        if (step instanceof UnitStep unit) {
            encoder.filters(P_BEFORE, unit.filters());
        } else if (step instanceof ScanStep scan) {
            encoder.filters(P_PAIR, scan.filters());
            if (scan.skipsRepeats()) {
                encoder.distinct(Arrays.copyOfRange(scan.order().order(), 0, scan.distinctColumns()));
                encoder.header[P_SKIP] = SKIP_DISTINCT;
            }
        } else if (step instanceof JoinStep join) {
            encoder.key(join.key());
            encoder.filters(P_BEFORE, join.filters().stream().filter(f -> !f.reads(Side.TUPLE)).toList());
            encoder.filters(P_PAIR, join.filters().stream().filter(f -> f.reads(Side.TUPLE)).toList());
            if (join.skipsRepeats()) {
                int keyLength = join.index().keyLength();
                encoder.distinct(Arrays.copyOfRange(join.index().order(), keyLength, join.distinctColumns()));
                encoder.header[P_SKIP] = join.distinctColumns() == keyLength ? SKIP_EXISTENCE : SKIP_DISTINCT;
            }
        } else if (step instanceof AntiJoinStep anti) {
            encoder.key(anti.key());
            encoder.filters(P_BEFORE, anti.filters());
        } else {
            AggregateStep aggregate = (AggregateStep) step;
            encoder.key(aggregate.key());
            encoder.filters(P_INNER, aggregate.innerFilters());
            if (aggregate.target() != null) {
                encoder.header[P_TARGET] = encoder.expression(aggregate.target());
            }
            encoder.filters(P_POST, aggregate.filters());
            encoder.header[P_AGG_KIND] = kind(aggregate.kind());
            encoder.header[P_AGG_TYPE] = aggregate.type().ordinal();
        }
        encoder.table(P_OUT_COUNT, P_OUT_TABLE, step.output());
        return encoder.finish();
    }

    private void key(List<Expr> key) {
        if (key.size() > MAX_KEY) {
            throw new BackendException("a join key of " + key.size() + " columns exceeds the GPU backend's "
                    + MAX_KEY);
        }
        table(P_KEY_COUNT, P_KEY_TABLE, key);
    }

    private void table(int countSlot, int tableSlot, List<Expr> exprs) {
        header[countSlot] = exprs.size();
        int table = reserve(exprs.size());
        header[tableSlot] = table;
        for (int i = 0; i < exprs.size(); i++) {
            int at = expression(exprs.get(i));
            body.set(table - P_HEADER + i, at);
        }
    }

    private void distinct(int[] columns) {
        header[P_DISTINCT_COUNT] = columns.length;
        int table = reserve(columns.length);
        header[P_DISTINCT_TABLE] = table;
        for (int i = 0; i < columns.length; i++) {
            body.set(table - P_HEADER + i, columns[i]);
        }
    }

    private void filters(int slot, List<Filter> filters) {
        if (filters.isEmpty()) {
            return;
        }
        int block = reserve(1 + filters.size());
        header[slot] = block;
        body.set(block - P_HEADER, filters.size());
        for (int i = 0; i < filters.size(); i++) {
            Filter filter = filters.get(i);
            int at = position();
            checkDepth(Math.max(depth(filter.left()), depth(filter.right()) + 1));
            emit(filter.left());
            emit(filter.right());
            body.add(comparison(filter.op(), filter.type()));
            body.add(OP_END);
            body.set(block - P_HEADER + 1 + i, at);
        }
    }

    /** Appends an expression; returns its offset. */
    private int expression(Expr expr) {
        checkDepth(depth(expr));
        int at = position();
        emit(expr);
        body.add(OP_END);
        return at;
    }

    private void emit(Expr expr) {
        if (expr instanceof ColumnRef ref) {
            switch (ref.side()) {
                case INPUT -> {
                    body.add(OP_IN);
                    body.add(ref.column());
                }
                case TUPLE -> {
                    body.add(OP_TUP);
                    body.add(ref.column());
                }
                case AGGREGATE -> body.add(OP_AGG);
            }
        } else if (expr instanceof Constant constant) {
            body.add(OP_CONST);
            body.add(constant.value());
        } else if (expr instanceof Unary unary) {
            emit(unary.operand());
            body.add(switch (unary.op()) {
                case NEG_I -> OP_NEG_I;
                case NEG_F -> OP_NEG_F;
                case BNOT -> OP_BNOT;
                case LNOT -> OP_LNOT;
                case I2F -> OP_I2F;
                case U2F -> OP_U2F;
                case F2I -> OP_F2I;
                case F2U -> OP_F2U;
            });
        } else if (expr instanceof SymbolFunction || expr instanceof UserFunction) {
            throw new BackendException("the GPU kernels cannot evaluate " + expr + ": it runs on the host");
        } else {
            Binary arithmetic = (Binary) expr;
            emit(arithmetic.left());
            emit(arithmetic.right());
            body.add(arithmetic(arithmetic.op(), arithmetic.type()));
        }
    }

    private static int arithmetic(BinaryOp op, ValueType type) {
        boolean unsigned = type == ValueType.UNSIGNED;
        if (type == ValueType.FLOAT) {
            return switch (op) {
                case ADD -> OP_ADD_F;
                case SUB -> OP_SUB_F;
                case MUL -> OP_MUL_F;
                case DIV -> OP_DIV_F;
                case MOD -> OP_MOD_F;
                case POW -> OP_POW_F;
                case MIN -> OP_MIN_F;
                case MAX -> OP_MAX_F;
                default -> throw new BackendException("operator " + op.symbol() + " is not defined on floats");
            };
        }
        return switch (op) {
            case ADD -> OP_ADD_I;
            case SUB -> OP_SUB_I;
            case MUL -> OP_MUL_I;
            case DIV -> unsigned ? OP_DIV_U : OP_DIV_S;
            case MOD -> unsigned ? OP_MOD_U : OP_MOD_S;
            case POW -> unsigned ? OP_POW_U : OP_POW_S;
            case BAND -> OP_BAND;
            case BOR -> OP_BOR;
            case BXOR -> OP_BXOR;
            case BSHL -> OP_BSHL;
            case BSHR -> unsigned ? OP_BSHR_U : OP_BSHR_S;
            case BSHRU -> OP_BSHR_U;
            case LAND -> OP_LAND;
            case LOR -> OP_LOR;
            case LXOR -> OP_LXOR;
            case MIN -> unsigned ? OP_MIN_U : OP_MIN_S;
            case MAX -> unsigned ? OP_MAX_U : OP_MAX_S;
            case CAT -> throw new BackendException("cat needs the symbol table");
        };
    }

    private static int comparison(CompareOp op, ValueType type) {
        int index = op.ordinal();
        return switch (type) {
            case FLOAT -> OP_EQ_F + index;
            case UNSIGNED -> index < 2 ? OP_EQ + index : OP_LT_U + index - 2;
            case SIGNED -> index < 2 ? OP_EQ + index : OP_LT_S + index - 2;
        };
    }

    private static int kind(AggregateKind kind) {
        return switch (kind) {
            case COUNT -> 0;
            case SUM -> 1;
            case MIN -> 2;
            case MAX -> 3;
            case MEAN -> 4;
        };
    }

    private static int depth(Expr expr) {
        if (expr instanceof Unary unary) {
            return depth(unary.operand());
        }
        if (expr instanceof Binary arithmetic) {
            return Math.max(depth(arithmetic.left()), depth(arithmetic.right()) + 1);
        }
        return 1;
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_STACK) {
            throw new BackendException("an expression nested " + depth + " deep exceeds the GPU backend's "
                    + MAX_STACK + " levels");
        }
    }

    private int position() {
        return P_HEADER + body.size();
    }

    private int reserve(int ints) {
        int at = position();
        for (int i = 0; i < ints; i++) {
            body.add(0);
        }
        return at;
    }

    private int[] finish() {
        int[] program = new int[P_HEADER + body.size() + 3];
        System.arraycopy(header, 0, program, 0, P_HEADER);
        for (int i = 0; i < body.size(); i++) {
            program[P_HEADER + i] = body.get(i);
        }
        return program;
    }
}
