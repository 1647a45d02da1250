/* hash.h: the key hash and row comparisons. The hash is the one of dev.jetlog.hisa.Hashing (murmur3's
 * 32-bit finaliser, chained over the key), so that host and device agree on every slot. */
#ifndef JETLOG_HASH_H
#define JETLOG_HASH_H

#define JL_MAX_KEY 32

DEVFN u32 jl_mix(u32 h) {
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

DEVFN u32 jl_hash_step(u32 h, i32 value, u32 position) {
    return jl_mix(h ^ (u32)value) + 0x7f4a7c15u * position;
}

#define JL_HASH_SEED 0x9e3779b9u

/* Compares rows a and b (signed, lexicographic over arity columns): <0, 0 or >0. */
DEVFN i32 jl_compare_rows(GLOBAL const i32* a, GLOBAL const i32* b, u32 arity) {
    for (u32 c = 0; c < arity; c++) {
        i32 x = a[c];
        i32 y = b[c];
        if (x != y) {
            return x < y ? -1 : 1;
        }
    }
    return 0;
}

/* The first row index in [0, n) of sorted rows that is not less than probe. */
DEVFN u64 jl_lower_bound(GLOBAL const i32* sorted, u64 n, u32 arity, GLOBAL const i32* probe) {
    u64 lo = 0;
    u64 hi = n;
    while (lo < hi) {
        u64 mid = (lo + hi) >> 1;
        if (jl_compare_rows(sorted + mid * arity, probe, arity) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* The row id at a position of an index: the sorted index array, or the position itself (canonical order). */
DEVFN u32 jl_row_at(GLOBAL const u32* sorted, u32 use_sorted, u64 position) {
    return use_sorted ? sorted[position] : (u32)position;
}

#endif
