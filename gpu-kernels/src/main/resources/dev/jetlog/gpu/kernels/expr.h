/* expr.h: the interpreter of step programs. The host (dev.jetlog.gpu.StepEncoder) encodes a plan step
 * once into an int array: a header of section offsets, then each expression as postfix code ending in
 * OP_END. Values are 32-bit; arithmetic and comparisons follow the value type of each operation,
 * with the JVM's semantics: integer overflow wraps, division by zero gives 0 (the planner guards such
 * rows away), MIN / -1 wraps, float results are IEEE single and NaN is always 0x7fc00000. */
#ifndef JETLOG_EXPR_H
#define JETLOG_EXPR_H

/* header slots (offsets into the program; -1 means "none") */
#define P_KEY_COUNT       0
#define P_KEY_TABLE       1
#define P_BEFORE          2
#define P_PAIR            3
#define P_OUT_COUNT       4
#define P_OUT_TABLE       5
#define P_DISTINCT_COUNT  6
#define P_DISTINCT_TABLE  7
#define P_SKIP            8
#define P_INNER           9
#define P_TARGET          10
#define P_POST            11
#define P_AGG_KIND        12
#define P_AGG_TYPE        13
#define P_STACK           14
#define P_HEADER          16

/* repeat skipping (P_SKIP) */
#define SKIP_NONE      0
#define SKIP_DISTINCT  1
#define SKIP_EXISTENCE 2

/* aggregate kinds and value types */
#define AGG_COUNT 0
#define AGG_SUM   1
#define AGG_MIN   2
#define AGG_MAX   3
#define TYPE_SIGNED   0
#define TYPE_UNSIGNED 1
#define TYPE_FLOAT    2

/* opcodes */
#define OP_END    0
#define OP_CONST  1
#define OP_IN     2
#define OP_TUP    3
#define OP_AGG    4
#define OP_NEG_I  5
#define OP_NEG_F  6
#define OP_ADD_I  10
#define OP_SUB_I  11
#define OP_MUL_I  12
#define OP_DIV_S  13
#define OP_MOD_S  14
#define OP_DIV_U  15
#define OP_MOD_U  16
#define OP_ADD_F  20
#define OP_SUB_F  21
#define OP_MUL_F  22
#define OP_DIV_F  23
#define OP_MOD_F  24
#define OP_EQ     30
#define OP_NE     31
#define OP_LT_S   32
#define OP_LE_S   33
#define OP_GT_S   34
#define OP_GE_S   35
#define OP_LT_U   36
#define OP_LE_U   37
#define OP_GT_U   38
#define OP_GE_U   39
#define OP_EQ_F   40
#define OP_NE_F   41
#define OP_LT_F   42
#define OP_LE_F   43
#define OP_GT_F   44
#define OP_GE_F   45

#define JL_STACK 16
#define JL_NAN_BITS 0x7fc00000

DEVFN i32 jl_float_result(float value) {
    return value != value ? (i32)JL_NAN_BITS : AS_INT(value);
}

DEVFN i32 jl_binary(i32 op, i32 a, i32 b) {
    float x = AS_FLOAT(a);
    float y = AS_FLOAT(b);
    switch (op) {
        case OP_ADD_I: return (i32)((u32)a + (u32)b);
        case OP_SUB_I: return (i32)((u32)a - (u32)b);
        case OP_MUL_I: return (i32)((u32)a * (u32)b);
        case OP_DIV_S: return b == 0 ? 0 : (b == -1 ? (i32)(0u - (u32)a) : a / b);
        case OP_MOD_S: return b == 0 || b == -1 ? 0 : a % b;
        case OP_DIV_U: return b == 0 ? 0 : (i32)((u32)a / (u32)b);
        case OP_MOD_U: return b == 0 ? 0 : (i32)((u32)a % (u32)b);
        case OP_ADD_F: return jl_float_result(x + y);
        case OP_SUB_F: return jl_float_result(x - y);
        case OP_MUL_F: return jl_float_result(x * y);
        case OP_DIV_F: return jl_float_result(x / y);
        case OP_MOD_F: return jl_float_result(FMOD(x, y));
        case OP_EQ:    return a == b;
        case OP_NE:    return a != b;
        case OP_LT_S:  return a < b;
        case OP_LE_S:  return a <= b;
        case OP_GT_S:  return a > b;
        case OP_GE_S:  return a >= b;
        case OP_LT_U:  return (u32)a < (u32)b;
        case OP_LE_U:  return (u32)a <= (u32)b;
        case OP_GT_U:  return (u32)a > (u32)b;
        case OP_GE_U:  return (u32)a >= (u32)b;
        case OP_EQ_F:  return x == y;
        case OP_NE_F:  return x != y;
        case OP_LT_F:  return x < y;
        case OP_LE_F:  return x <= y;
        case OP_GT_F:  return x > y;
        case OP_GE_F:  return x >= y;
        default:       return 0;
    }
}

/* Evaluates the expression at code[pc] on an input row, a tuple and an aggregate value. */
DEVFN i32 jl_eval(GLOBAL const i32* code, i32 pc, GLOBAL const i32* in, GLOBAL const i32* tuple, i32 agg) {
    i32 op = code[pc];
    /* the common case: a plain column */
    if (code[pc + 2] == OP_END) {
        if (op == OP_IN) {
            return in[code[pc + 1]];
        }
        if (op == OP_TUP) {
            return tuple[code[pc + 1]];
        }
        if (op == OP_CONST) {
            return code[pc + 1];
        }
    }
    i32 stack[JL_STACK];
    i32 sp = 0;
    for (;;) {
        op = code[pc++];
        if (op == OP_END) {
            return stack[sp - 1];
        } else if (op == OP_CONST) {
            stack[sp++] = code[pc++];
        } else if (op == OP_IN) {
            stack[sp++] = in[code[pc++]];
        } else if (op == OP_TUP) {
            stack[sp++] = tuple[code[pc++]];
        } else if (op == OP_AGG) {
            stack[sp++] = agg;
        } else if (op == OP_NEG_I) {
            stack[sp - 1] = (i32)(0u - (u32)stack[sp - 1]);
        } else if (op == OP_NEG_F) {
            stack[sp - 1] = jl_float_result(-AS_FLOAT(stack[sp - 1]));
        } else {
            i32 b = stack[--sp];
            stack[sp - 1] = jl_binary(op, stack[sp - 1], b);
        }
    }
}

/* True if every comparison of the filter block at code[block] holds (a block is a count, then offsets). */
DEVFN i32 jl_filters(GLOBAL const i32* code, i32 block, GLOBAL const i32* in, GLOBAL const i32* tuple, i32 agg) {
    if (block < 0) {
        return 1;
    }
    i32 count = code[block];
    for (i32 f = 0; f < count; f++) {
        if (!jl_eval(code, code[block + 1 + f], in, tuple, agg)) {
            return 0;
        }
    }
    return 1;
}

/* Writes the step's output row (code[P_OUT_COUNT] values) at out. */
DEVFN void jl_project(GLOBAL const i32* code, GLOBAL const i32* in, GLOBAL const i32* tuple, i32 agg, GLOBAL i32* out) {
    i32 width = code[P_OUT_COUNT];
    i32 table = code[P_OUT_TABLE];
    for (i32 c = 0; c < width; c++) {
        out[c] = jl_eval(code, code[table + c], in, tuple, agg);
    }
}

#endif
