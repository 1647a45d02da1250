/* hisa.cu: building a HISA index on the device. The sorted index array comes from the radix sort of row
 * ids; group_flags marks each position whose key prefix differs from the one before; after a scan,
 * group_starts lists the first position of each key; table_insert claims a slot per key by linear
 * probing with compare-and-swap (slot = first position + 1, then the run length), exactly the layout
 * of dev.jetlog.hisa.HisaLayout. */
#include "prelude.h"
#include "hash.h"

DEVFN i32 jl_same_prefix(GLOBAL const i32* a, GLOBAL const i32* b, GLOBAL const u32* order, u32 length) {
    for (u32 i = 0; i < length; i++) {
        if (a[order[i]] != b[order[i]]) {
            return 0;
        }
    }
    return 1;
}

KERNEL group_flags(GLOBAL const i32* data, u32 arity, GLOBAL const u32* sorted, u32 use_sorted, u64 n,
                   GLOBAL const u32* order, u32 key_length, GLOBAL u32* flags) {
    FOR_EACH(p, n) {
        flags[p] = p == 0 || !jl_same_prefix(data + (u64)jl_row_at(sorted, use_sorted, p - 1) * arity,
                                             data + (u64)jl_row_at(sorted, use_sorted, p) * arity, order, key_length);
    }
}

KERNEL group_starts(GLOBAL const u32* flags, GLOBAL const u64* offsets, u64 n, GLOBAL u32* starts) {
    FOR_EACH(p, n) {
        if (flags[p]) {
            starts[offsets[p]] = (u32)p;
        }
    }
}

KERNEL table_insert(GLOBAL const i32* data, u32 arity, GLOBAL const u32* sorted, u32 use_sorted, u64 n,
                    GLOBAL const u32* order, u32 key_length, GLOBAL const u32* starts, u64 groups,
                    GLOBAL i32* table, u32 mask) {
    FOR_EACH(g, groups) {
        u32 start = starts[g];
        u32 end = g + 1 < groups ? starts[g + 1] : (u32)n;
        GLOBAL const i32* row = data + (u64)jl_row_at(sorted, use_sorted, start) * arity;
        u32 h = JL_HASH_SEED;
        for (u32 i = 0; i < key_length; i++) {
            h = jl_hash_step(h, row[order[i]], i);
        }
        u32 slot = h & mask;
        while (ATOMIC_CAS_I32(table + 2 * (u64)slot, 0, (i32)(start + 1)) != 0) {
            slot = (slot + 1) & mask;
        }
        table[2 * (u64)slot + 1] = (i32)(end - start);
    }
}
