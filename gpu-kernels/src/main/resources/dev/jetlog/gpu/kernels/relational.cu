/* relational.cu: the relational operators of a plan step, each in two passes over its input: the first
 * counts (or flags) the rows each input row yields, the host scans the counts into offsets and allocates
 * the output, the second writes the rows at their offsets. A probe hashes the step's key (computed from
 * the input row by the step program), finds the key's slot in the HISA table and reads its run of the
 * sorted index array. */
#include "prelude.h"
#include "hash.h"
#include "expr.h"

/* Finds the run of key in the index: 1 and [*start, *start + *count), or 0 when no row has the key.
 * With key_length 0 every row matches. */
DEVFN i32 jl_probe(GLOBAL const i32* rel, u32 arity, GLOBAL const u32* sorted, u32 use_sorted, u64 rows,
                   GLOBAL const i32* table, u32 mask, GLOBAL const u32* order, u32 key_length,
                   const i32* key, u64* start, u64* count) {
    if (key_length == 0) {
        *start = 0;
        *count = rows;
        return rows > 0;
    }
    u32 h = JL_HASH_SEED;
    for (u32 i = 0; i < key_length; i++) {
        h = jl_hash_step(h, key[i], i);
    }
    u32 slot = h & mask;
    for (;;) {
        i32 first = table[2 * (u64)slot];
        if (first == 0) {
            return 0;
        }
        GLOBAL const i32* row = rel + (u64)jl_row_at(sorted, use_sorted, (u64)(first - 1)) * arity;
        i32 equal = 1;
        for (u32 i = 0; i < key_length; i++) {
            if (row[order[i]] != key[i]) {
                equal = 0;
                break;
            }
        }
        if (equal) {
            *start = (u64)(first - 1);
            *count = (u64)(u32)table[2 * (u64)slot + 1];
            return 1;
        }
        slot = (slot + 1) & mask;
    }
}

/* Computes the step's key from the input row into key; returns its length. */
DEVFN u32 jl_key(GLOBAL const i32* code, GLOBAL const i32* in_row, i32* key) {
    u32 length = (u32)code[P_KEY_COUNT];
    i32 table = code[P_KEY_TABLE];
    for (u32 k = 0; k < length; k++) {
        key[k] = jl_eval(code, code[table + k], in_row, in_row, 0);
    }
    return length;
}

/* True if tuples a and b agree on the step's distinct columns. */
DEVFN i32 jl_same_distinct(GLOBAL const i32* code, GLOBAL const i32* a, GLOBAL const i32* b) {
    i32 count = code[P_DISTINCT_COUNT];
    i32 table = code[P_DISTINCT_TABLE];
    for (i32 i = 0; i < count; i++) {
        i32 column = code[table + i];
        if (a[column] != b[column]) {
            return 0;
        }
    }
    return 1;
}

/* The index a step probes, as kernel arguments. */
#define INDEX_PARAMS GLOBAL const i32* rel, u32 arity, GLOBAL const u32* sorted, u32 use_sorted, u64 rows, \
                     GLOBAL const i32* table, u32 mask, GLOBAL const u32* order
#define INDEX_ARGS rel, arity, sorted, use_sorted, rows, table, mask, order

/* The rows one input row yields in a join: counted, and written at out when write is set. */
DEVFN u32 jl_join_row(GLOBAL const i32* code, GLOBAL const i32* in_row, INDEX_PARAMS, u32 write, GLOBAL i32* out) {
    if (!jl_filters(code, code[P_BEFORE], in_row, in_row, 0)) {
        return 0;
    }
    i32 key[JL_MAX_KEY];
    u32 key_length = jl_key(code, in_row, key);
    u64 start;
    u64 count;
    if (!jl_probe(INDEX_ARGS, key_length, key, &start, &count)) {
        return 0;
    }
    i32 skip = code[P_SKIP];
    i32 pair = code[P_PAIR];
    u32 width = (u32)code[P_OUT_COUNT];
    u32 emitted = 0;
    GLOBAL const i32* last = 0;
    for (u64 p = start; p < start + count; p++) {
        GLOBAL const i32* tuple = rel + (u64)jl_row_at(sorted, use_sorted, p) * arity;
        if (last != 0) {
            if (skip == SKIP_EXISTENCE) {
                break;
            }
            if (jl_same_distinct(code, last, tuple)) {
                continue;
            }
        }
        if (!jl_filters(code, pair, in_row, tuple, 0)) {
            continue;
        }
        if (write) {
            jl_project(code, in_row, tuple, 0, out + (u64)emitted * width);
        }
        emitted++;
        if (skip != SKIP_NONE) {
            last = tuple;
        }
    }
    return emitted;
}

KERNEL join_count(GLOBAL const i32* code, GLOBAL const i32* in, u32 in_width, u64 n, INDEX_PARAMS,
                  GLOBAL u32* counts) {
    FOR_EACH(i, n) {
        counts[i] = jl_join_row(code, in + i * in_width, INDEX_ARGS, 0, (GLOBAL i32*)0);
    }
}

KERNEL join_write(GLOBAL const i32* code, GLOBAL const i32* in, u32 in_width, u64 n, INDEX_PARAMS,
                  GLOBAL const u64* offsets, GLOBAL i32* out) {
    u32 width = (u32)code[P_OUT_COUNT];
    FOR_EACH(i, n) {
        jl_join_row(code, in + i * in_width, INDEX_ARGS, 1, out + offsets[i] * width);
    }
}

/* counts[i]: the tuples of the index that input row first + i matches on its key, before any filter (what
 * Backend.joinRowsWithin counts). */
KERNEL join_match_counts(GLOBAL const i32* code, GLOBAL const i32* in, u32 in_width, u64 first, u64 n, INDEX_PARAMS,
                         GLOBAL u32* counts) {
    FOR_EACH(i, n) {
        i32 key[JL_MAX_KEY];
        u32 key_length = jl_key(code, in + (first + i) * in_width, key);
        u64 start;
        u64 count;
        counts[i] = jl_probe(INDEX_ARGS, key_length, key, &start, &count) ? (u32)count : 0;
    }
}

/* flags[i] = 1 where rows [0, i] match at most budget tuples in all (offsets: the exclusive scan of counts);
 * the flags are ones, then zeros. */
KERNEL within_budget_flags(GLOBAL const u64* offsets, GLOBAL const u32* counts, u64 n, u64 budget,
                           GLOBAL u32* flags) {
    FOR_EACH(i, n) {
        flags[i] = offsets[i] + counts[i] <= budget;
    }
}

/* Scan: position p of the index order is kept if its tuple passes the filters and, when the step skips
 * repeats, no earlier tuple of its group (equal on the distinct columns) does. */
KERNEL scan_flags(GLOBAL const i32* code, INDEX_PARAMS, GLOBAL u32* flags) {
    i32 filters = code[P_PAIR];
    i32 skip = code[P_SKIP];
    FOR_EACH(p, rows) {
        GLOBAL const i32* tuple = rel + (u64)jl_row_at(sorted, use_sorted, p) * arity;
        u32 keep = jl_filters(code, filters, tuple, tuple, 0);
        if (keep && skip != SKIP_NONE) {
            for (u64 q = p; q > 0; q--) {
                GLOBAL const i32* before = rel + (u64)jl_row_at(sorted, use_sorted, q - 1) * arity;
                if (!jl_same_distinct(code, before, tuple)) {
                    break;
                }
                if (jl_filters(code, filters, before, before, 0)) {
                    keep = 0;
                    break;
                }
            }
        }
        flags[p] = keep;
    }
}

KERNEL scan_write(GLOBAL const i32* code, INDEX_PARAMS, GLOBAL const u32* flags, GLOBAL const u64* offsets,
                  GLOBAL i32* out) {
    u32 width = (u32)code[P_OUT_COUNT];
    FOR_EACH(p, rows) {
        if (flags[p]) {
            GLOBAL const i32* tuple = rel + (u64)jl_row_at(sorted, use_sorted, p) * arity;
            jl_project(code, tuple, tuple, 0, out + offsets[p] * width);
        }
    }
}

/* Anti-join: input rows that pass the filters and whose key has no match. */
KERNEL antijoin_flags(GLOBAL const i32* code, GLOBAL const i32* in, u32 in_width, u64 n, INDEX_PARAMS,
                      GLOBAL u32* flags) {
    FOR_EACH(i, n) {
        GLOBAL const i32* in_row = in + i * in_width;
        u32 keep = 0;
        if (jl_filters(code, code[P_BEFORE], in_row, in_row, 0)) {
            i32 key[JL_MAX_KEY];
            u32 key_length = jl_key(code, in_row, key);
            u64 start;
            u64 count;
            keep = !jl_probe(INDEX_ARGS, key_length, key, &start, &count);
        }
        flags[i] = keep;
    }
}

/* Keeps the flagged input rows, projected (for anti-joins and unit steps). */
KERNEL select_write(GLOBAL const i32* code, GLOBAL const i32* in, u32 in_width, u64 n, GLOBAL const u32* flags,
                    GLOBAL const u64* offsets, GLOBAL i32* out) {
    u32 width = (u32)code[P_OUT_COUNT];
    FOR_EACH(i, n) {
        if (flags[i]) {
            GLOBAL const i32* in_row = in + i * in_width;
            jl_project(code, in_row, in_row, 0, out + offsets[i] * width);
        }
    }
}

/* Unit steps and plain filters: input rows that pass the filters. */
KERNEL select_flags(GLOBAL const i32* code, GLOBAL const i32* in, u32 in_width, u64 n, GLOBAL u32* flags) {
    FOR_EACH(i, n) {
        GLOBAL const i32* in_row = in + i * in_width;
        flags[i] = jl_filters(code, code[P_BEFORE], in_row, in_row, 0);
    }
}

/* min and max over floats skip NaNs, as Soufflé's comparisons do: a NaN so far gives way to any number */
DEVFN int jl_nan_replaced(i32 type, i32 so_far, i32 next) {
    return type == TYPE_FLOAT && jl_is_nan_bits(so_far) && !jl_is_nan_bits(next);
}

DEVFN i32 jl_less(i32 type, i32 a, i32 b) {
    if (type == TYPE_FLOAT) {
        return AS_FLOAT(a) < AS_FLOAT(b);
    }
    if (type == TYPE_UNSIGNED) {
        return (u32)a < (u32)b;
    }
    return a < b;
}

/* Aggregate: folds the input row's matches into values[i]; flags[i] says whether the row survives
 * (min, max and mean of nothing drop it, then the filters on the result). Mean is the float sum divided
 * by the number of matches, as Soufflé computes it. */
KERNEL aggregate_values(GLOBAL const i32* code, GLOBAL const i32* in, u32 in_width, u64 n, INDEX_PARAMS,
                        GLOBAL u32* flags, GLOBAL i32* values) {
    i32 kind = code[P_AGG_KIND];
    i32 type = code[P_AGG_TYPE];
    i32 inner = code[P_INNER];
    i32 target = code[P_TARGET];
    FOR_EACH(i, n) {
        GLOBAL const i32* in_row = in + i * in_width;
        i32 key[JL_MAX_KEY];
        u32 key_length = jl_key(code, in_row, key);
        u64 start;
        u64 count;
        i32 value = 0;
        i32 any = 0;
        u32 matches = 0;
        if (jl_probe(INDEX_ARGS, key_length, key, &start, &count)) {
            for (u64 p = start; p < start + count; p++) {
                GLOBAL const i32* tuple = rel + (u64)jl_row_at(sorted, use_sorted, p) * arity;
                if (!jl_filters(code, inner, in_row, tuple, 0)) {
                    continue;
                }
                if (kind == AGG_COUNT) {
                    value += 1;
                } else {
                    i32 v = jl_eval(code, target, in_row, tuple, 0);
                    if (kind == AGG_SUM || kind == AGG_MEAN) {
                        value = type == TYPE_FLOAT ? jl_float_result2(AS_FLOAT(value) + AS_FLOAT(v), value, v)
                                                   : (i32)((u32)value + (u32)v);
                    } else if (kind == AGG_MIN) {
                        value = !any || jl_less(type, v, value) || jl_nan_replaced(type, value, v) ? v : value;
                    } else {
                        value = !any || jl_less(type, value, v) || jl_nan_replaced(type, value, v) ? v : value;
                    }
                }
                any = 1;
                matches++;
            }
        }
        if (kind == AGG_MEAN && any) {
            value = jl_float_result1(AS_FLOAT(value) / (float)matches, value);
        }
        u32 keep = any || kind == AGG_COUNT || kind == AGG_SUM;
        if (keep) {
            keep = jl_filters(code, code[P_POST], in_row, in_row, value);
        }
        flags[i] = keep;
        values[i] = value;
    }
}

KERNEL aggregate_write(GLOBAL const i32* code, GLOBAL const i32* in, u32 in_width, u64 n, GLOBAL const u32* flags,
                       GLOBAL const i32* values, GLOBAL const u64* offsets, GLOBAL i32* out) {
    u32 width = (u32)code[P_OUT_COUNT];
    FOR_EACH(i, n) {
        if (flags[i]) {
            GLOBAL const i32* in_row = in + i * in_width;
            jl_project(code, in_row, in_row, values[i], out + offsets[i] * width);
        }
    }
}
