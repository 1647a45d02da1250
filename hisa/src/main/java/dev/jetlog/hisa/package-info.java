/**
 * Hash-indexed sorted arrays (HISA) of int tuples and the set operators of the semi-naive loop on
 * them: parallel radix sort-unique, difference and merge of sorted row sets, all running on a
 * {@link dev.jetlog.hisa.Parallel} pool of a fixed number of threads.
 */
package dev.jetlog.hisa;
