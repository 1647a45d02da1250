/* rows.cu: whole-row operations of the set operators: gather by row ids, the keep flags of unique and
 * difference, compaction by scanned flags, and the merge of two disjoint sorted row sets along the merge
 * path: the output is cut into tiles of JL_MERGE_TILE rows, a binary search on each tile's diagonal finds
 * how many of its rows come from the first set, and each work-item then merges one tile sequentially. */
#include "prelude.h"
#include "hash.h"

/* out row i = in row ids[i] */
KERNEL gather_rows(GLOBAL const i32* in, u32 arity, GLOBAL const u32* ids, u64 n, GLOBAL i32* out) {
    FOR_EACH(i, n) {
        GLOBAL const i32* from = in + (u64)ids[i] * arity;
        GLOBAL i32* to = out + i * arity;
        for (u32 c = 0; c < arity; c++) {
            to[c] = from[c];
        }
    }
}

/* flags[i] = 1 if sorted row i differs from row i - 1 (the first of each run of equal rows) */
KERNEL unique_flags(GLOBAL const i32* sorted, u32 arity, u64 n, GLOBAL u32* flags) {
    FOR_EACH(i, n) {
        flags[i] = i == 0 || jl_compare_rows(sorted + (i - 1) * arity, sorted + i * arity, arity) != 0;
    }
}

/* flags[i] = 1 if row i of sorted a is not in sorted b */
KERNEL difference_flags(GLOBAL const i32* a, u64 na, GLOBAL const i32* b, u64 nb, u32 arity, GLOBAL u32* flags) {
    FOR_EACH(i, na) {
        GLOBAL const i32* row = a + i * arity;
        u64 at = jl_lower_bound(b, nb, arity, row);
        flags[i] = at == nb || jl_compare_rows(b + at * arity, row, arity) != 0;
    }
}

/* Copies each row i with flags[i] set to out row offsets[i] (offsets: the exclusive scan of flags). */
KERNEL compact_rows(GLOBAL const i32* in, u32 arity, u64 n, GLOBAL const u32* flags, GLOBAL const u64* offsets,
                    GLOBAL i32* out) {
    FOR_EACH(i, n) {
        if (flags[i]) {
            GLOBAL const i32* from = in + i * arity;
            GLOBAL i32* to = out + offsets[i] * arity;
            for (u32 c = 0; c < arity; c++) {
                to[c] = from[c];
            }
        }
    }
}

#define JL_MERGE_TILE 128

DEVFN void jl_copy_row(GLOBAL const i32* from, GLOBAL i32* to, u32 arity) {
    for (u32 c = 0; c < arity; c++) {
        to[c] = from[c];
    }
}

/* splits[k] = how many rows of a are among the first min(k * JL_MERGE_TILE, na + nb) rows of the merge
 * of the disjoint sorted sets a and b, for k in [0, tiles]. */
KERNEL merge_partition(GLOBAL const i32* a, u64 na, GLOBAL const i32* b, u64 nb, u32 arity, u64 tiles,
                       GLOBAL u64* splits) {
    FOR_EACH(k, tiles + 1) {
        u64 d = k * JL_MERGE_TILE;
        d = d < na + nb ? d : na + nb;
        u64 lo = d > nb ? d - nb : 0;
        u64 hi = d < na ? d : na;
        while (lo < hi) {
            u64 mid = (lo + hi) >> 1;
            if (jl_compare_rows(a + mid * arity, b + (d - mid - 1) * arity, arity) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        splits[k] = lo;
    }
}

/* Each work-item merges one tile of the output between its two splits. */
KERNEL merge_tiles(GLOBAL const i32* a, u64 na, GLOBAL const i32* b, u64 nb, u32 arity, u64 tiles,
                   GLOBAL const u64* splits, GLOBAL i32* out) {
    FOR_EACH(k, tiles) {
        u64 d = k * JL_MERGE_TILE;
        u64 end = d + JL_MERGE_TILE < na + nb ? d + JL_MERGE_TILE : na + nb;
        u64 i = splits[k];
        u64 j = d - i;
        u64 i_end = splits[k + 1];
        u64 j_end = end - i_end;
        for (; d < end; d++) {
            GLOBAL const i32* from;
            if (j >= j_end || (i < i_end && jl_compare_rows(a + i * arity, b + j * arity, arity) < 0)) {
                from = a + i * arity;
                i++;
            } else {
                from = b + j * arity;
                j++;
            }
            jl_copy_row(from, out + d * arity, arity);
        }
    }
}

KERNEL fill_i32(GLOBAL i32* data, u64 n, i32 value) {
    FOR_EACH(i, n) {
        data[i] = value;
    }
}
