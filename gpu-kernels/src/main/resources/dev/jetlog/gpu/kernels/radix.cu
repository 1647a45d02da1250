/* radix.cu: one pass of a stable LSD radix sort by a 4-bit digit, of row ids by one column or of packed
 * row keys. The digit of row r is ((u32)(data[r * arity + column] - column_min) >> shift) & 15, so signed
 * values sort in order; the digit of a packed key is (key >> shift) & 15. Each work-group owns a tile of
 * JL_RADIX_TILE consecutive items, each work-item JL_RADIX_ITEMS consecutive items of it: the histogram
 * kernel counts the tile's digits into hist[digit * tiles + tile], the host scans hist, and the scatter
 * kernel ranks the tile's items by digit in work-group memory and writes every item to its digit's next
 * place, in input order.
 * A packed key (pack_rows_u64) is a whole row in 64 bits, column 0 most significant: per column, its
 * value less the column's minimum, in as many bits as the column's range needs. Sorting the keys sorts
 * the rows, with every read coalesced, where sorting ids reads each row through its id on every pass. */
#include "prelude.h"

#define JL_RADIX_BITS 4
#define JL_RADIX_DIGITS 16
#define JL_RADIX_ITEMS 8
#define JL_RADIX_TILE (JL_BLOCK * JL_RADIX_ITEMS)

DEVFN u32 jl_digit(GLOBAL const i32* data, u32 arity, u32 column, i32 column_min, u32 shift, u32 row) {
    u32 key = (u32)data[(u64)row * arity + column] - (u32)column_min;
    return (key >> shift) & (JL_RADIX_DIGITS - 1);
}

DEVFN u32 jl_key_digit(u64 key, u32 shift) {
    return (u32)(key >> shift) & (JL_RADIX_DIGITS - 1);
}

/* The first of the JL_RADIX_ITEMS items of work-item t in its tile. */
DEVFN u64 jl_tile_item(u32 t) {
    return (u64)GROUP_ID() * JL_RADIX_TILE + (u64)t * JL_RADIX_ITEMS;
}

/* Counts the digits of the tile's items (digits: this work-item's, JL_RADIX_DIGITS where it has no item)
 * into hist[digit * tiles + tile]. */
DEVFN void jl_tile_histogram(LPTR u32* counts, u32 t, const u32* digits, GLOBAL u32* hist) {
    if (t < JL_RADIX_DIGITS) {
        counts[t] = 0;
    }
    BARRIER();
    for (u32 k = 0; k < JL_RADIX_ITEMS; k++) {
        if (digits[k] < JL_RADIX_DIGITS) {
            ATOMIC_ADD_LOCAL_U32(&counts[digits[k]], 1);
        }
    }
    BARRIER();
    if (t < JL_RADIX_DIGITS) {
        hist[(u64)t * GROUP_COUNT() + GROUP_ID()] = counts[t];
    }
}

/* Counters of the tile's items per digit and owning work-item, counts[jl_count_cell(digit, owner)]: each
 * digit's row of JL_BLOCK owners is padded by one cell per JL_SCAN_SPAN owners, so that the work-items
 * scanning a row's spans side by side fall in different memory banks. */
#define JL_SCAN_LANES (JL_BLOCK / JL_RADIX_DIGITS)
#define JL_SCAN_SPAN (JL_BLOCK / JL_SCAN_LANES)
#define JL_COUNT_ROW (JL_BLOCK + JL_SCAN_LANES)
#define JL_COUNT_CELLS (JL_RADIX_DIGITS * JL_COUNT_ROW)

DEVFN u32 jl_count_cell(u32 digit, u32 owner) {
    return digit * JL_COUNT_ROW + owner + owner / JL_SCAN_SPAN;
}

/* Each item's rank in the tile sorted stably by digit (ranks[k] for digits[k] < JL_RADIX_DIGITS), and
 * tile_start[d], the rank of the tile's first item of digit d: the items of lower digits, then the items of
 * digit d that work-items before t hold, then this work-item's earlier ones. Each digit's row of counters
 * is scanned by JL_SCAN_LANES work-items at once, each over a span of JL_SCAN_SPAN owners, instead of by
 * one work-item over all JL_BLOCK. */
DEVFN void jl_tile_ranks(LPTR u32* counts, LPTR u32* partial, LPTR u32* tile_start, u32 t, const u32* digits,
                         u32* ranks) {
    for (u32 d = 0; d < JL_RADIX_DIGITS; d++) {
        counts[jl_count_cell(d, t)] = 0;
    }
    for (u32 k = 0; k < JL_RADIX_ITEMS; k++) {
        if (digits[k] < JL_RADIX_DIGITS) {
            counts[jl_count_cell(digits[k], t)] += 1;
        }
    }
    BARRIER();
    u32 row = t / JL_SCAN_LANES;
    u32 lane = t % JL_SCAN_LANES;
    u32 span = jl_count_cell(row, lane * JL_SCAN_SPAN);
    u32 sum = 0;
    for (u32 i = 0; i < JL_SCAN_SPAN; i++) {
        u32 c = counts[span + i];
        counts[span + i] = sum;
        sum += c;
    }
    partial[t] = sum;
    BARRIER();
    if (lane == 0) {
        u32 running = 0;
        for (u32 i = 0; i < JL_SCAN_LANES; i++) {
            u32 c = partial[row * JL_SCAN_LANES + i];
            partial[row * JL_SCAN_LANES + i] = running;
            running += c;
        }
        tile_start[row] = running; /* the digit's total for now */
    }
    BARRIER();
    if (t == 0) {
        u32 running = 0;
        for (u32 d = 0; d < JL_RADIX_DIGITS; d++) {
            u32 c = tile_start[d];
            tile_start[d] = running;
            running += c;
        }
    }
    u32 before = partial[t];
    for (u32 i = 0; i < JL_SCAN_SPAN; i++) {
        counts[span + i] += before;
    }
    BARRIER();
    for (u32 k = 0; k < JL_RADIX_ITEMS; k++) {
        u32 d = digits[k];
        if (d < JL_RADIX_DIGITS) {
            u32 seen = 0; /* counted by comparison, so that no array is indexed by a digit (local memory) */
            for (u32 j = 0; j < k; j++) {
                seen += digits[j] == d ? 1 : 0;
            }
            ranks[k] = tile_start[d] + counts[jl_count_cell(d, t)] + seen;
        }
    }
}

/* The digits of the ids [first, first + JL_RADIX_ITEMS) (JL_RADIX_DIGITS past n), by their rows' column. */
DEVFN void jl_id_digits(GLOBAL const i32* data, u32 arity, u32 column, i32 column_min, u32 shift,
                        GLOBAL const u32* ids, u64 n, u64 first, u32* digits) {
    for (u32 k = 0; k < JL_RADIX_ITEMS; k++) {
        digits[k] = first + k < n ? jl_digit(data, arity, column, column_min, shift, ids[first + k]) : JL_RADIX_DIGITS;
    }
}

KERNEL radix_histogram(GLOBAL const i32* data, u32 arity, u32 column, i32 column_min, u32 shift,
                       GLOBAL const u32* ids, u64 n, GLOBAL u32* hist) {
    SHARED u32 counts[JL_RADIX_DIGITS];
    u32 t = LOCAL_ID();
    u64 first = jl_tile_item(t);
    u32 digits[JL_RADIX_ITEMS];
    jl_id_digits(data, arity, column, column_min, shift, ids, n, first, digits);
    jl_tile_histogram(counts, t, digits, hist);
}

/* offsets: hist after an exclusive scan, so offsets[digit * tiles + tile] is where the tile's first id of
 * that digit goes. */
KERNEL radix_scatter(GLOBAL const i32* data, u32 arity, u32 column, i32 column_min, u32 shift,
                     GLOBAL const u32* ids, u64 n, GLOBAL const u64* offsets, GLOBAL u32* ids_out) {
    SHARED u32 counts[JL_COUNT_CELLS];
    SHARED u32 partial[JL_BLOCK];
    SHARED u32 tile_start[JL_RADIX_DIGITS];
    u32 t = LOCAL_ID();
    u64 first = jl_tile_item(t);
    u32 digits[JL_RADIX_ITEMS];
    jl_id_digits(data, arity, column, column_min, shift, ids, n, first, digits);
    u32 ranks[JL_RADIX_ITEMS];
    jl_tile_ranks(counts, partial, tile_start, t, digits, ranks);
    for (u32 k = 0; k < JL_RADIX_ITEMS; k++) {
        u32 d = digits[k];
        if (d < JL_RADIX_DIGITS) {
            ids_out[offsets[(u64)d * GROUP_COUNT() + GROUP_ID()] + (ranks[k] - tile_start[d])] = ids[first + k];
        }
    }
}

/* layout: per column c, layout[3c] its minimum, layout[3c + 1] its shift in the key, layout[3c + 2] its bits */
KERNEL pack_rows_u64(GLOBAL const i32* data, u32 arity, u64 n, GLOBAL const i32* layout, GLOBAL u64* keys) {
    FOR_EACH(i, n) {
        u64 key = 0;
        for (u32 c = 0; c < arity; c++) {
            u64 value = (u64)((u32)data[i * arity + c] - (u32)layout[3 * c]);
            key |= value << (u32)layout[3 * c + 1];
        }
        keys[i] = key;
    }
}

KERNEL radix_histogram_u64(u32 shift, GLOBAL const u64* keys, u64 n, GLOBAL u32* hist) {
    SHARED u32 counts[JL_RADIX_DIGITS];
    u32 t = LOCAL_ID();
    u64 first = jl_tile_item(t);
    u32 digits[JL_RADIX_ITEMS];
    for (u32 k = 0; k < JL_RADIX_ITEMS; k++) {
        digits[k] = first + k < n ? jl_key_digit(keys[first + k], shift) : JL_RADIX_DIGITS;
    }
    jl_tile_histogram(counts, t, digits, hist);
}

/* As radix_scatter, for packed keys: offsets is the scanned histogram of radix_histogram_u64. The tile's
 * keys are first put in their sorted order in work-group memory (over the counters, no longer needed), then
 * written out by consecutive work-items to consecutive places of each digit's run. */
#define JL_SCRATCH_U64 ((JL_COUNT_CELLS + 1) / 2 > JL_RADIX_TILE ? (JL_COUNT_CELLS + 1) / 2 : JL_RADIX_TILE)

KERNEL radix_scatter_u64(u32 shift, GLOBAL const u64* keys, u64 n, GLOBAL const u64* offsets, GLOBAL u64* keys_out) {
    SHARED u64 scratch[JL_SCRATCH_U64];
    SHARED u32 partial[JL_BLOCK];
    SHARED u32 tile_start[JL_RADIX_DIGITS];
    SHARED u64 tile_place[JL_RADIX_DIGITS];
    u32 t = LOCAL_ID();
    u64 first = jl_tile_item(t);
    u64 mine[JL_RADIX_ITEMS];
    u32 digits[JL_RADIX_ITEMS];
    for (u32 k = 0; k < JL_RADIX_ITEMS; k++) {
        mine[k] = first + k < n ? keys[first + k] : 0;
        digits[k] = first + k < n ? jl_key_digit(mine[k], shift) : JL_RADIX_DIGITS;
    }
    if (t < JL_RADIX_DIGITS) {
        tile_place[t] = offsets[(u64)t * GROUP_COUNT() + GROUP_ID()];
    }
    u32 ranks[JL_RADIX_ITEMS];
    jl_tile_ranks((LPTR u32*)scratch, partial, tile_start, t, digits, ranks);
    BARRIER(); /* every counter read before the keys overwrite them */
    for (u32 k = 0; k < JL_RADIX_ITEMS; k++) {
        if (digits[k] < JL_RADIX_DIGITS) {
            scratch[ranks[k]] = mine[k];
        }
    }
    BARRIER();
    u64 tile_first = (u64)GROUP_ID() * JL_RADIX_TILE;
    u32 in_tile = tile_first >= n ? 0 : n - tile_first < (u64)JL_RADIX_TILE ? (u32)(n - tile_first) : JL_RADIX_TILE;
    for (u32 i = t; i < in_tile; i += JL_BLOCK) {
        u64 key = scratch[i];
        u32 d = jl_key_digit(key, shift);
        keys_out[tile_place[d] + (i - tile_start[d])] = key;
    }
}

/* flags[i] = 1 if sorted key i differs from key i - 1 (the first of each run of equal keys) */
KERNEL unique_keys_flags(GLOBAL const u64* keys, u64 n, GLOBAL u32* flags) {
    FOR_EACH(i, n) {
        flags[i] = i == 0 || keys[i] != keys[i - 1];
    }
}

/* Writes the row of each flagged key to out row offsets[i], unpacked by layout (as pack_rows_u64's). */
KERNEL unpack_rows_u64(GLOBAL const u64* keys, u64 n, GLOBAL const u32* flags, GLOBAL const u64* offsets,
                       GLOBAL const i32* layout, u32 arity, GLOBAL i32* out) {
    FOR_EACH(i, n) {
        if (flags[i]) {
            u64 key = keys[i];
            GLOBAL i32* row = out + offsets[i] * arity;
            for (u32 c = 0; c < arity; c++) {
                u32 bits = (u32)layout[3 * c + 2];
                u64 mask = bits == 0 ? 0 : (U64C(0xFFFFFFFFFFFFFFFF) >> (64 - bits));
                row[c] = (i32)((u32)((key >> (u32)layout[3 * c + 1]) & mask) + (u32)layout[3 * c]);
            }
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
