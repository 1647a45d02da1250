/* scan.cu: exclusive prefix sums. A work-group scans a tile of 2 * JL_BLOCK values in work-group memory
 * (Blelloch's up-sweep and down-sweep) and writes the tile's total to block_sums; the host scans the
 * totals the same way, level by level, and scan_add adds each tile's offset back. */
#include "prelude.h"

#define JL_SCAN_TILE (2 * JL_BLOCK)

DEVFN void jl_scan_tile(LPTR u64* tile, u32 t) {
    u32 offset = 1;
    for (u32 d = JL_SCAN_TILE >> 1; d > 0; d >>= 1) {
        BARRIER();
        if (t < d) {
            u32 a = offset * (2 * t + 1) - 1;
            u32 b = offset * (2 * t + 2) - 1;
            tile[b] += tile[a];
        }
        offset <<= 1;
    }
    if (t == 0) {
        tile[JL_SCAN_TILE - 1] = 0;
    }
    for (u32 d = 1; d < JL_SCAN_TILE; d <<= 1) {
        offset >>= 1;
        BARRIER();
        if (t < d) {
            u32 a = offset * (2 * t + 1) - 1;
            u32 b = offset * (2 * t + 2) - 1;
            u64 left = tile[a];
            tile[a] = tile[b];
            tile[b] += left;
        }
    }
    BARRIER();
}

/* out[i] = sum of in[0, i) within each tile; block_sums[tile] = the tile's total. in holds u32 counts. */
KERNEL scan_tiles_u32(GLOBAL const u32* in, u64 n, GLOBAL u64* out, GLOBAL u64* block_sums) {
    SHARED u64 tile[JL_SCAN_TILE];
    u32 t = LOCAL_ID();
    u64 base = (u64)GROUP_ID() * JL_SCAN_TILE;
    u64 i0 = base + t;
    u64 i1 = base + t + JL_BLOCK;
    u64 v0 = i0 < n ? (u64)in[i0] : 0;
    u64 v1 = i1 < n ? (u64)in[i1] : 0;
    tile[t] = v0;
    tile[t + JL_BLOCK] = v1;
    jl_scan_tile(tile, t);
    if (i0 < n) {
        out[i0] = tile[t];
    }
    if (i1 < n) {
        out[i1] = tile[t + JL_BLOCK];
    }
    if (t == JL_BLOCK - 1) {
        block_sums[GROUP_ID()] = tile[t + JL_BLOCK] + v1;
    }
}

/* The same over u64 values, in place (for the tile totals of the level below). */
KERNEL scan_tiles_u64(GLOBAL u64* data, u64 n, GLOBAL u64* block_sums) {
    SHARED u64 tile[JL_SCAN_TILE];
    u32 t = LOCAL_ID();
    u64 base = (u64)GROUP_ID() * JL_SCAN_TILE;
    u64 i0 = base + t;
    u64 i1 = base + t + JL_BLOCK;
    u64 v0 = i0 < n ? data[i0] : 0;
    u64 v1 = i1 < n ? data[i1] : 0;
    tile[t] = v0;
    tile[t + JL_BLOCK] = v1;
    jl_scan_tile(tile, t);
    if (i0 < n) {
        data[i0] = tile[t];
    }
    if (i1 < n) {
        data[i1] = tile[t + JL_BLOCK];
    }
    if (t == JL_BLOCK - 1) {
        block_sums[GROUP_ID()] = tile[t + JL_BLOCK] + v1;
    }
}

/* Adds the scanned total of the tiles before each tile to its values. */
KERNEL scan_add(GLOBAL u64* data, u64 n, GLOBAL const u64* block_offsets) {
    u64 base = (u64)GROUP_ID() * JL_SCAN_TILE;
    u64 add = block_offsets[GROUP_ID()];
    u32 t = LOCAL_ID();
    if (base + t < n) {
        data[base + t] += add;
    }
    if (base + t + JL_BLOCK < n) {
        data[base + t + JL_BLOCK] += add;
    }
}
