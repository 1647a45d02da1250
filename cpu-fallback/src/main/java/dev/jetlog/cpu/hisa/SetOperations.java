// Concatenation of row sets, and difference and merge of duplicate-free row sets in canonical order, split into independent
// parallel pieces by binary search (difference) and by co-ranking the merge path (merge).
package dev.jetlog.cpu.hisa;

import dev.jetlog.hisa.RowOrder;
import dev.jetlog.hisa.Tuples;

import java.util.Arrays;
import java.util.List;

public final class SetOperations {
    private static final int LINEAR_PROBES = 8;
    private SetOperations() {
    }

    /** The rows of all parts (of one arity), in order, in one new array; parts are copied in parallel. */
    public static Tuples concat(List<Tuples> parts, Parallel parallel) {
        int arity = parts.get(0).arity();
        long total = 0;
        for (Tuples part : parts) {
            total += part.size();
        }
        if (total * arity > Integer.MAX_VALUE - 16) {
            throw new OutOfMemoryError("relation exceeds 2^31 values");
        }
        int[] data = new int[(int) total * arity];
        int[] starts = new int[parts.size() + 1];
        for (int i = 0; i < parts.size(); i++) {
            starts[i + 1] = starts[i] + parts.get(i).size();
        }
        parallel.forEachChunk(parts.size(), Math.min(parts.size(), parallel.threads()), (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                Tuples part = parts.get(i);
                System.arraycopy(part.data(), 0, data, starts[i] * arity, part.size() * arity);
            }
        });
        return new Tuples(arity, data, (int) total);
    }

    /**
     * The rows of a that are not in b; both sorted and duplicate-free. The result is sorted: a itself where a
     * is one piece of work (at most 2^14 rows, or one thread) whose rows all sort after b's last, else a new row set.
     */
    public static Tuples difference(Tuples a, Tuples b, Parallel parallel) {
        int arity = a.arity();
        int na = a.size();
        int nb = b.size();
        if (na == 0 || nb == 0) {
            return new Tuples(arity, a.toArray(), na);
        }
        if (arity == 0) {
            return Tuples.empty(0);
        }
        int[] da = a.data();
        int[] db = b.data();
        int chunks = parallel.chunksFor(na, 1 << 14);
        if (chunks == 1) {
            // a few rows (one-row deltas of long iterations among them): no parallel loop, no second copy
            if (RowOrder.compare(da, 0, db, nb - 1, arity) > 0) {
                return a; // every row sorts after b's last (a counter's next step): a as it is, not a copy
            }
            int[] out = new int[na * arity];
            int written = keepAbsent(da, 0, na, db, nb, arity, out);
            return new Tuples(arity, written * 2 < na ? Arrays.copyOf(out, written * arity) : out, written);
        }
        int[][] kept = new int[chunks][];
        int[] counts = new int[chunks + 1];
        parallel.forEachChunk(na, chunks, (chunk, from, to) -> {
            int[] out = new int[(to - from) * arity];
            kept[chunk] = out;
            counts[chunk + 1] = keepAbsent(da, from, to, db, nb, arity, out);
        });
        for (int c = 0; c < chunks; c++) {
            counts[c + 1] += counts[c];
        }
        int[] result = new int[counts[chunks] * arity];
        parallel.forEachChunk(chunks, chunks, (chunk, from, to) -> {
            for (int c = from; c < to; c++) {
                System.arraycopy(kept[c], 0, result, counts[c] * arity, (counts[c + 1] - counts[c]) * arity);
            }
        });
        return new Tuples(arity, result, counts[chunks]);
    }

    /** Copies the rows [from, to) of sorted da that sorted db (nb rows) lacks to out; returns how many. */
    private static int keepAbsent(int[] da, int from, int to, int[] db, int nb, int arity, int[] out) {
        if (from < to && RowOrder.compare(da, from, db, nb - 1, arity) > 0) {
            // every row from here on sorts after db's last (new values past all known ones, as a counter's
            // next step): none is in db, and no search is needed to know it
            System.arraycopy(da, from * arity, out, 0, (to - from) * arity);
            return to - from;
        }
        int written = 0;
        int j = RowOrder.lowerBound(db, 0, nb, da, from, arity);
        for (int i = from; i < to; i++) {
            j = gallop(db, j, nb, da, i, arity);
            if (j == nb || RowOrder.compare(da, i, db, j, arity) != 0) {
                System.arraycopy(da, i * arity, out, written * arity, arity);
                written++;
            }
        }
        return written;
    }

    /**
     * The first position p >= from in sorted[.., n) whose row is not less than row probe of other,
     * by exponential then binary search from `from` (cheap when the answer is near).
     */
    static int gallop(int[] sorted, int from, int n, int[] other, int probe, int arity) {
        return gallop(sorted, from, n, other, probe, arity, false);
    }

    /**
     * Like {@link #gallop(int[], int, int, int[], int, int)}; with orEqual, the first position whose
     * row is greater than the probe (rows equal to it are skipped too).
     */
    static int gallop(int[] sorted, int from, int n, int[] other, int probe, int arity, boolean orEqual) {
        int limit = orEqual ? 0 : -1;
        if (from >= n || RowOrder.compare(sorted, from, other, probe, arity) > limit) {
            return from;
        }
        // a few sequential steps first: when the sets interleave densely the answer is near and
        // the rows are already in cache; only then jump exponentially
        // (the loop ends where the rows end, so that the JIT's bounds checks hoisted out of it hold)
        int probes = Math.min(LINEAR_PROBES, n - 1 - from);
        int lo = from;
        for (int linear = 0; linear < probes; linear++) {
            if (RowOrder.compare(sorted, lo + 1, other, probe, arity) > limit) {
                return lo + 1;
            }
            lo++;
        }
        if (probes < LINEAR_PROBES) {
            return n; // every row up to the last is at or below the probe
        }
        from = lo;
        int step = 1;
        int hi = from + 1;
        while (hi < n && RowOrder.compare(sorted, hi, other, probe, arity) <= limit) {
            lo = hi;
            step <<= 1;
            hi = (int) Math.min((long) n, (long) from + step);
        }
        // sorted[lo] <= limit side; find the first in (lo, hi] beyond it
        int left = lo + 1;
        int right = Math.min(hi, n);
        while (left < right) {
            int mid = (left + right) >>> 1;
            if (RowOrder.compare(sorted, mid, other, probe, arity) <= limit) {
                left = mid + 1;
            } else {
                right = mid;
            }
        }
        return left;
    }

    /**
     * The union of two sorted, duplicate-free, disjoint row sets, written sorted into target (which must
     * hold (|a| + |b|) * arity ints; pass null to allocate one exactly that size).
     */
    public static Tuples merge(Tuples a, Tuples b, int[] target, Parallel parallel) {
        int arity = a.arity();
        int na = a.size();
        int nb = b.size();
        int total = na + nb;
        int[] out = target != null ? target : new int[total * arity];
        if (out.length < total * arity) {
            throw new IllegalArgumentException("merge target holds " + out.length + " ints, needs " + total * arity);
        }
        if (arity == 0) {
            return new Tuples(0, out, Math.min(total, 1));
        }
        int[] da = a.data();
        int[] db = b.data();
        int chunks = parallel.chunksFor(total, 1 << 15);
        parallel.forEachChunk(total, chunks, (chunk, from, to) -> {
            int i = coRank(from, da, na, db, nb, arity);
            int iEnd = coRank(to, da, na, db, nb, arity);
            mergeRuns(da, i, iEnd, db, from - i, to - iEnd, out, from, arity);
        });
        return new Tuples(arity, out, total);
    }

    /**
     * Merges a[i, iEnd) and b[j, jEnd) into out from row k, copying whole runs at once: galloping
     * finds how many rows of one side come before the next row of the other, so a small delta
     * merged into a large full version costs little more than one bulk copy.
     */
    private static void mergeRuns(int[] a, int i, int iEnd, int[] b, int j, int jEnd, int[] out, int k, int arity) {
        while (i < iEnd && j < jEnd) {
            int runEnd = gallop(a, i, iEnd, b, j, arity, true);
            System.arraycopy(a, i * arity, out, k * arity, (runEnd - i) * arity);
            k += runEnd - i;
            i = runEnd;
            if (i == iEnd) {
                break;
            }
            runEnd = gallop(b, j, jEnd, a, i, arity, false);
            System.arraycopy(b, j * arity, out, k * arity, (runEnd - j) * arity);
            k += runEnd - j;
            j = runEnd;
        }
        System.arraycopy(a, i * arity, out, k * arity, (iEnd - i) * arity);
        k += iEnd - i;
        System.arraycopy(b, j * arity, out, k * arity, (jEnd - j) * arity);
    }

    /**
     * The union of full and delta (sorted, duplicate-free, disjoint), written into full's own array,
     * which must hold (|full| + |delta|) * arity ints: a merge from the back, where every row moves at
     * most once and no row of full is overwritten before it was moved. Runs of rows from one side move
     * with one copy each, so a small delta costs about one bulk move of the rows after its first row.
     */
    public static Tuples mergeInPlace(Tuples full, Tuples delta) {
        checkRoom(full, delta);
        int arity = full.arity();
        int[] out = full.data();
        int total = full.size() + delta.size();
        if (arity == 0) {
            return new Tuples(0, out, Math.min(total, 1));
        }
        int[] db = delta.data();
        int i = full.size() - 1;
        int j = delta.size() - 1;
        while (j >= 0 && i >= 0) {
            // rows of full after delta row j keep their order: move them as one run
            int first = firstGreater(out, 0, i, db, j, arity);
            int run = i - first + 1;
            if (run > 0) {
                System.arraycopy(out, first * arity, out, (first + j + 1) * arity, run * arity);
                i = first - 1;
            }
            if (i < 0) {
                break;
            }
            first = firstGreater(db, 0, j, out, i, arity);
            run = j - first + 1;
            System.arraycopy(db, first * arity, out, (i + first + 1) * arity, run * arity);
            j = first - 1;
        }
        if (j >= 0) {
            System.arraycopy(db, 0, out, 0, (j + 1) * arity);
        }
        return new Tuples(arity, out, total);
    }

    /**
     * {@link #mergeInPlace(Tuples, Tuples)} on the threads of parallel. Rows of full before delta's first
     * row stay where they are; the merged rows from there on are cut into one chunk per thread by co-ranking,
     * and each chunk merges its own rows of full and delta into its place, back to front. The first rows of
     * full that a chunk reads may lie under an earlier chunk's output: those (at most as many as the delta
     * rows before the chunk, about half of delta in all on two threads) are first copied aside, by all chunks
     * at once, and merged from the copy.
     */
    public static Tuples mergeInPlace(Tuples full, Tuples delta, Parallel parallel) {
        int moved = full.size() - unmoved(full, delta) + delta.size();
        return mergeInPlace(full, delta, parallel, Math.min(parallel.threads(), parallel.chunksFor(moved, 1 << 16)));
    }

    /** mergeInPlace in the given number of chunks (tests pick it; parallel still runs them). */
    static Tuples mergeInPlace(Tuples full, Tuples delta, Parallel parallel, int chunks) {
        if (chunks <= 1 || full.arity() == 0 || full.isEmpty() || delta.isEmpty()) {
            return mergeInPlace(full, delta);
        }
        checkRoom(full, delta);
        int arity = full.arity();
        int[] out = full.data();
        int[] db = delta.data();
        int nf = full.size();
        int nd = delta.size();
        int total = nf + nd;
        int unmoved = unmoved(full, delta);
        // chunk c makes merged rows [from[c], from[c + 1]) out of full rows [fullFrom[c], fullFrom[c + 1])
        int[] from = new int[chunks + 1];
        int[] fullFrom = new int[chunks + 1];
        // and finds its full rows that lie under earlier chunks' output at saved[savedFrom[c]..]
        int[] savedFrom = new int[chunks + 1];
        for (int c = 0; c <= chunks; c++) {
            from[c] = unmoved + Parallel.bound(total - unmoved, chunks, c);
            fullFrom[c] = coRank(from[c], out, nf, db, nd, arity);
        }
        for (int c = 0; c < chunks; c++) {
            savedFrom[c + 1] = savedFrom[c] + covered(from, fullFrom, c);
        }
        int[] saved = new int[savedFrom[chunks] * arity];
        parallel.forEachChunk(chunks, chunks, (c, ignoredFrom, ignoredTo) -> System.arraycopy(out,
                fullFrom[c] * arity, saved, savedFrom[c] * arity, covered(from, fullFrom, c) * arity));
        parallel.forEachChunk(chunks, chunks, (c, ignoredFrom, ignoredTo) -> {
            int start = from[c];
            int deltaFrom = start - fullFrom[c];
            // full rows [start, fullFrom[c + 1]) are still in place (none when the chunk's full rows were all saved)
            int i = fullFrom[c + 1] - 1;
            int j = from[c + 1] - fullFrom[c + 1] - 1;
            while (i >= start && j >= deltaFrom) {
                int first = firstGreater(out, start, i, db, j, arity);
                int run = i - first + 1;
                if (run > 0) {
                    System.arraycopy(out, first * arity, out, (first + j + 1) * arity, run * arity);
                    i = first - 1;
                }
                if (i < start) {
                    break;
                }
                first = firstGreater(db, deltaFrom, j, out, i, arity);
                run = j - first + 1;
                System.arraycopy(db, first * arity, out, (i + first + 1) * arity, run * arity);
                j = first - 1;
            }
            if (i >= start && deltaFrom > 0) {
                // the chunk's delta rows are placed: the rest of its full rows move past the delta rows before it
                System.arraycopy(out, start * arity, out, (start + deltaFrom) * arity, (i - start + 1) * arity);
            }
            // the saved rows and the delta rows left come first in the chunk's output
            int savedRows = covered(from, fullFrom, c);
            mergeRuns(saved, savedFrom[c], savedFrom[c] + savedRows, db, deltaFrom, j + 1, out, start, arity);
        });
        return new Tuples(arity, out, total);
    }

    /** How many of chunk c's full rows lie before its output, under earlier chunks' output. */
    private static int covered(int[] from, int[] fullFrom, int c) {
        return Math.max(0, Math.min(fullFrom[c + 1], from[c]) - fullFrom[c]);
    }

    /** How many rows of full come before delta's first row (and stay where they are in a merge in place). */
    private static int unmoved(Tuples full, Tuples delta) {
        if (delta.isEmpty() || full.arity() == 0) {
            return full.size();
        }
        return RowOrder.lowerBound(full.data(), 0, full.size(), delta.data(), 0, full.arity());
    }

    private static void checkRoom(Tuples full, Tuples delta) {
        long needed = ((long) full.size() + delta.size()) * full.arity();
        if (needed > full.data().length) {
            throw new IllegalArgumentException("merge in place needs " + needed + " ints, array holds "
                    + full.data().length);
        }
    }

    /**
     * The first position p in [lowest, last + 1] such that rows [p, last] of sorted are all greater than row
     * probe of other, found by galloping back from last (cheap when the run is short); rows before lowest are
     * not read.
     */
    static int firstGreater(int[] sorted, int lowest, int last, int[] other, int probe, int arity) {
        if (last < lowest || RowOrder.compare(sorted, last, other, probe, arity) <= 0) {
            return last + 1;
        }
        int greater = last;
        int step = 1;
        int below = last - 1;
        while (below >= lowest && RowOrder.compare(sorted, below, other, probe, arity) > 0) {
            greater = below;
            step <<= 1;
            below = last - step;
        }
        int left = Math.max(below + 1, lowest);
        int right = greater;
        while (left < right) {
            int mid = (left + right) >>> 1;
            if (RowOrder.compare(sorted, mid, other, probe, arity) > 0) {
                right = mid;
            } else {
                left = mid + 1;
            }
        }
        return left;
    }

    /** How many of the first d merged rows come from a (ties go to a first). */
    static int coRank(int d, int[] a, int na, int[] b, int nb, int arity) {
        int lo = Math.max(0, d - nb);
        int hi = Math.min(d, na);
        while (lo < hi) {
            int i = (lo + hi) >>> 1;
            int j = d - i;
            if (j > 0 && RowOrder.compare(a, i, b, j - 1, arity) <= 0) {
                lo = i + 1;
            } else {
                hi = i;
            }
        }
        return lo;
    }
}
