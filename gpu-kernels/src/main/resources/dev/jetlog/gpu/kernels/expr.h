/* expr.h: the interpreter of step programs. The host (dev.jetlog.gpu.StepEncoder) encodes a plan step
 * once into an int array: a header of section offsets, then each expression as postfix code ending in
 * OP_END. Values are 32-bit; arithmetic and comparisons follow the value type of each operation,
 * with the JVM's semantics: integer overflow wraps, division by zero gives 0 (the planner guards such
 * rows away), MIN / -1 wraps, float results are IEEE single with x86-64's NaN bits (see jl_float_result2). */
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
#define AGG_MEAN  4
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
#define OP_BNOT   7
#define OP_LNOT   8
#define OP_ADD_I  10
#define OP_SUB_I  11
#define OP_MUL_I  12
#define OP_DIV_S  13
#define OP_MOD_S  14
#define OP_DIV_U  15
#define OP_MOD_U  16
#define OP_POW_S  17
#define OP_POW_U  18
#define OP_ADD_F  20
#define OP_SUB_F  21
#define OP_MUL_F  22
#define OP_DIV_F  23
#define OP_MOD_F  24
#define OP_POW_F  25
#define OP_MIN_F  26
#define OP_MAX_F  27
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
#define OP_BAND   50
#define OP_BOR    51
#define OP_BXOR   52
#define OP_BSHL   53
#define OP_BSHR_S 54
#define OP_BSHR_U 55
#define OP_LAND   56
#define OP_LOR    57
#define OP_LXOR   58
#define OP_MIN_S  60
#define OP_MAX_S  61
#define OP_MIN_U  62
#define OP_MAX_U  63
#define OP_I2F    70
#define OP_U2F    71
#define OP_F2I    72
#define OP_F2U    73

#define JL_STACK 16
/* float results take x86-64's bits, as FloatBits says: a NaN operand carries through (made quiet), a new NaN
   is the default one, sign set; whatever NaN the device's own arithmetic makes */
#define JL_NAN_BITS ((i32)0xffc00000u)
#define JL_QUIET_BIT 0x00400000

DEVFN int jl_is_nan_bits(i32 bits) {
    return (bits & 0x7fffffff) > 0x7f800000;
}

DEVFN i32 jl_float_result(float value) {
    return value != value ? JL_NAN_BITS : AS_INT(value);
}

DEVFN i32 jl_float_result1(float value, i32 a) {
    if (value == value) {
        return AS_INT(value);
    }
    return jl_is_nan_bits(a) ? (a | JL_QUIET_BIT) : JL_NAN_BITS;
}

DEVFN i32 jl_float_result2(float value, i32 a, i32 b) {
    if (value == value) {
        return AS_INT(value);
    }
    if (jl_is_nan_bits(a)) {
        return a | JL_QUIET_BIT;
    }
    return jl_is_nan_bits(b) ? (b | JL_QUIET_BIT) : JL_NAN_BITS;
}

/* Soufflé's (int32) pow(double, double), exactly in integers: MIN_VALUE on overflow or 0 to a negative power. */
DEVFN i32 jl_pow_s(i32 a, i32 b) {
    if (a == 0) {
        return b == 0 ? 1 : (b < 0 ? (i32)0x80000000u : 0);
    }
    if (a == 1) {
        return 1;
    }
    if (a == -1) {
        return (b & 1) == 0 ? 1 : -1;
    }
    if (b < 0) {
        return 0;
    }
    if (b >= 32) {
        return (i32)0x80000000u;
    }
    i64 result = 1;
    for (i32 i = 0; i < b; i++) {
        result *= a;
        if (result > (i64)2147483647 || result < -(i64)2147483648u) {
            return (i32)0x80000000u;
        }
    }
    return (i32)result;
}

/* Soufflé's (uint32) pow(double, double) on x86-64, exactly in integers: the power rounded to 53 significant
 * bits (ties to even), its low 32 bits; 0 from 2^63 on. */
DEVFN i32 jl_pow_u(i32 a, i32 b) {
    u64 base = (u64)(u32)a;
    u64 exponent = (u64)(u32)b;
    if (exponent == 0) {
        return 1;
    }
    if (base <= 1) {
        return (i32)base;
    }
    if (exponent >= 64) {
        return 0;
    }
    u64 result = 1;
    for (u64 i = 0; i < exponent; i++) {
        if (result > U64C(0x7fffffffffffffff) / base) {
            return 0;
        }
        result *= base;
    }
    i32 bits = 0;
    for (u64 v = result; v != 0; v >>= 1) {
        bits++;
    }
    i32 shift = bits - 53;
    if (shift > 0) {
        u64 kept = result >> shift;
        u64 rest = result & ((U64C(1) << shift) - 1);
        u64 midpoint = U64C(1) << (shift - 1);
        if (rest > midpoint || (rest == midpoint && (kept & 1) == 1)) {
            kept++;
        }
        result = kept << shift;
    }
    return (i32)(u32)result;
}

/* C++ on x86-64: float to int32 truncates; NaN and out-of-range give MIN_VALUE. */
DEVFN i32 jl_f2i(float x) {
    return (x > -2147483904.0f && x < 2147483648.0f) ? (i32)x : (i32)0x80000000u;
}

/* C++ on x86-64: float to uint32 through int64; NaN and |x| >= 2^63 give 0. */
DEVFN i32 jl_f2u(float x) {
    return (x > -9223372036854775808.0f && x < 9223372036854775808.0f) ? (i32)(u32)(u64)(i64)x : 0;
}

/* float power computed in double where the device has doubles, so that it matches the JVM's (float) Math.pow */
DEVFN float jl_pow_f(float x, float y) {
#if defined(JL_CUDA) || defined(cl_khr_fp64)
    return (float)pow((double)x, (double)y);
#else
    return pow(x, y);
#endif
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
        case OP_ADD_F: return jl_float_result2(x + y, a, b);
        case OP_SUB_F: return jl_float_result2(x - y, a, b);
        case OP_MUL_F: return jl_float_result2(x * y, a, b);
        case OP_DIV_F: return jl_float_result2(x / y, a, b);
        case OP_MOD_F: return jl_float_result2(FMOD(x, y), a, b);
        case OP_POW_F: return jl_float_result2(jl_pow_f(x, y), a, b);
        case OP_MIN_F: return y < x ? b : a;
        case OP_MAX_F: return x < y ? b : a;
        case OP_POW_S: return jl_pow_s(a, b);
        case OP_POW_U: return jl_pow_u(a, b);
        case OP_BAND:  return a & b;
        case OP_BOR:   return a | b;
        case OP_BXOR:  return a ^ b;
        case OP_BSHL:  return (i32)((u32)a << ((u32)b & 31u));
        case OP_BSHR_S: return a >> ((u32)b & 31u);
        case OP_BSHR_U: return (i32)((u32)a >> ((u32)b & 31u));
        case OP_LAND:  return (a != 0) && (b != 0);
        case OP_LOR:   return (a != 0) || (b != 0);
        case OP_LXOR:  return (a != 0) != (b != 0);
        case OP_MIN_S: return b < a ? b : a;
        case OP_MAX_S: return a < b ? b : a;
        case OP_MIN_U: return (u32)b < (u32)a ? b : a;
        case OP_MAX_U: return (u32)a < (u32)b ? b : a;
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
            stack[sp - 1] = (i32)((u32)stack[sp - 1] ^ 0x80000000u);
        } else if (op == OP_BNOT) {
            stack[sp - 1] = ~stack[sp - 1];
        } else if (op == OP_LNOT) {
            stack[sp - 1] = stack[sp - 1] == 0;
        } else if (op == OP_I2F) {
            stack[sp - 1] = jl_float_result((float)stack[sp - 1]);
        } else if (op == OP_U2F) {
            stack[sp - 1] = jl_float_result((float)(u32)stack[sp - 1]);
        } else if (op == OP_F2I) {
            stack[sp - 1] = jl_f2i(AS_FLOAT(stack[sp - 1]));
        } else if (op == OP_F2U) {
            stack[sp - 1] = jl_f2u(AS_FLOAT(stack[sp - 1]));
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
