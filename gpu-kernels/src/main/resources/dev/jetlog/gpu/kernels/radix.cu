/* radix.cu: one pass of a stable LSD radix sort of row ids by a 4-bit digit of one column. The digit of
 * row r is ((u32)(data[r * arity + column] - column_min) >> shift) & 15, so signed values sort in order.
 * Each work-group owns a tile of JL_RADIX_TILE consecutive ids, each work-item JL_RADIX_ITEMS
 * consecutive ids of it: radix_histogram counts the tile's digits into hist[digit * tiles + tile], the
 * host scans hist, and radix_scatter writes every id to its digit's next place, in input order. */
#include "prelude.h"

#define JL_RADIX_BITS 4
#define JL_RADIX_DIGITS 16
#define JL_RADIX_ITEMS 8
#define JL_RADIX_TILE (JL_BLOCK * JL_RADIX_ITEMS)

DEVFN u32 jl_digit(GLOBAL const i32* data, u32 arity, u32 column, i32 column_min, u32 shift, u32 row) {
    u32 key = (u32)data[(u64)row * arity + column] - (u32)column_min;
    return (key >> shift) & (JL_RADIX_DIGITS - 1);
}

KERNEL radix_histogram(GLOBAL const i32* data, u32 arity, u32 column, i32 column_min, u32 shift,
                       GLOBAL const u32* ids, u64 n, GLOBAL u32* hist) {
    SHARED u32 counts[JL_RADIX_DIGITS];
    u32 t = LOCAL_ID();
    u32 tile = GROUP_ID();
    u32 tiles = GROUP_COUNT();
    if (t < JL_RADIX_DIGITS) {
        counts[t] = 0;
    }
    BARRIER();
    u64 first = (u64)tile * JL_RADIX_TILE + (u64)t * JL_RADIX_ITEMS;
    for (u32 k = 0; k < JL_RADIX_ITEMS; k++) {
        u64 i = first + k;
        if (i < n) {
            ATOMIC_ADD_LOCAL_U32(&counts[jl_digit(data, arity, column, column_min, shift, ids[i])], 1);
        }
    }
    BARRIER();
    if (t < JL_RADIX_DIGITS) {
        hist[(u64)t * tiles + tile] = counts[t];
    }
}

/* offsets: hist after an exclusive scan, so offsets[digit * tiles + tile] is where the tile's first id of
 * that digit goes. */
KERNEL radix_scatter(GLOBAL const i32* data, u32 arity, u32 column, i32 column_min, u32 shift,
                     GLOBAL const u32* ids, u64 n, GLOBAL const u64* offsets, GLOBAL u32* ids_out) {
    /* counts[digit][item owner]: how many ids of that digit each work-item holds, then scanned over owners */
    SHARED u32 counts[JL_RADIX_DIGITS * JL_BLOCK];
    u32 t = LOCAL_ID();
    u32 tile = GROUP_ID();
    u32 tiles = GROUP_COUNT();
    for (u32 d = 0; d < JL_RADIX_DIGITS; d++) {
        counts[d * JL_BLOCK + t] = 0;
    }
    u64 first = (u64)tile * JL_RADIX_TILE + (u64)t * JL_RADIX_ITEMS;
    u32 digits[JL_RADIX_ITEMS];
    for (u32 k = 0; k < JL_RADIX_ITEMS; k++) {
        u64 i = first + k;
        digits[k] = i < n ? jl_digit(data, arity, column, column_min, shift, ids[i]) : JL_RADIX_DIGITS;
        if (digits[k] < JL_RADIX_DIGITS) {
            counts[digits[k] * JL_BLOCK + t] += 1;
        }
    }
    BARRIER();
    if (t < JL_RADIX_DIGITS) {
        u32 running = 0;
        for (u32 owner = 0; owner < JL_BLOCK; owner++) {
            u32 c = counts[t * JL_BLOCK + owner];
            counts[t * JL_BLOCK + owner] = running;
            running += c;
        }
    }
    BARRIER();
    u32 seen[JL_RADIX_DIGITS];
    for (u32 d = 0; d < JL_RADIX_DIGITS; d++) {
        seen[d] = 0;
    }
    for (u32 k = 0; k < JL_RADIX_ITEMS; k++) {
        u32 d = digits[k];
        if (d < JL_RADIX_DIGITS) {
            u64 at = offsets[(u64)d * tiles + tile] + counts[d * JL_BLOCK + t] + seen[d];
            seen[d] += 1;
            ids_out[at] = ids[first + k];
        }
    }
}

/* ids[i] = i */
KERNEL iota_u32(GLOBAL u32* ids, u64 n) {
    FOR_EACH(i, n) {
        ids[i] = (u32)i;
    }
}

/* Per work-group minimum and maximum of one column over rows [0, n): out[2g], out[2g + 1]. */
KERNEL column_range(GLOBAL const i32* data, u32 arity, u32 column, u64 n, GLOBAL i32* out) {
    SHARED i32 lo[JL_BLOCK];
    SHARED i32 hi[JL_BLOCK];
    u32 t = LOCAL_ID();
    i32 low = 2147483647;
    i32 high = -2147483647 - 1;
    FOR_EACH(i, n) {
        i32 v = data[i * arity + column];
        low = v < low ? v : low;
        high = v > high ? v : high;
    }
    lo[t] = low;
    hi[t] = high;
    for (u32 stride = JL_BLOCK / 2; stride > 0; stride >>= 1) {
        BARRIER();
        if (t < stride) {
            lo[t] = lo[t + stride] < lo[t] ? lo[t + stride] : lo[t];
            hi[t] = hi[t + stride] > hi[t] ? hi[t + stride] : hi[t];
        }
    }
    if (t == 0) {
        out[2 * GROUP_ID()] = lo[0];
        out[2 * GROUP_ID() + 1] = hi[0];
    }
}
