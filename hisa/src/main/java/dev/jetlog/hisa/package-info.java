/**
 * What every backend shares about hash-indexed sorted arrays (HISA): the row layout of a relation
 * ({@link dev.jetlog.hisa.Tuples}), the canonical row order, the packing of rows into sortable keys,
 * the key hash and the hash table layout. The CPU's parallel operators live in {@code dev.jetlog.cpu.hisa};
 * the GPU kernels implement the same hash and layout in C.
 */
package dev.jetlog.hisa;
