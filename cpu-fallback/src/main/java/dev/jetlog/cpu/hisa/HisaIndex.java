// A hash-indexed sorted array (HISA, Sun et al., ASPLOS'25) over a duplicate-free row set held in
// canonical order: the data array is the row set itself; the sorted index array lists row ids in
// the index's column order (omitted when that order is the canonical one, as the data is already
// sorted by it); an open-addressing hash table (linear probing, load factor at most 0.8, slots as
// dev.jetlog.hisa.HisaLayout numbers them) maps each distinct key prefix to the first sorted position
// holding it and the number of positions that do. Unlike the device tables, each host slot also keeps
// a tag: the key itself for one-column keys, else its full hash, so a probe passes over the other keys
// of its cluster without reading their rows (a cache miss each) and a one-column key never reads one.
// A lookup hashes the key, probes to its slot and then reads a contiguous run of the sorted index.
// A one-column key whose values span a range at most twice as wide as the hashed table would be takes
// a direct table instead, one (position + 1, run length) pair per value of the range: a lookup is one read at
// the key's offset, with no hash and no probing, and the table is filled in key order. A whole-row key
// (an existence check) whose first column is that narrow takes a direct table over the first column, and
// a lookup then binary-searches that column's run, sorted by the other columns, for the row.
// An index may also hold just the rows whose one-column key is among given keys (buildForKeys), for a
// join whose few lookups would not repay sorting every row.
package dev.jetlog.cpu.hisa;

import dev.jetlog.hisa.Tuples;
import dev.jetlog.hisa.KeyPacking;
import dev.jetlog.hisa.Hashing;
import dev.jetlog.hisa.HisaLayout;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

public final class HisaIndex implements RunLookup {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(int[].class);

    private final Tuples rows;
    /** The sorted positions: every row, or for an index over some rows (buildForKeys), those rows. */
    private final int positions;
    private final int[] order;
    private final int keyLength;
    private final int[] sortedRows;
    /** Ints per slot of the host table: tag, first sorted position + 1 (0 = empty slot), run length. */
    private static final int SLOT_INTS = 3;

    /** Ints per entry of a direct table: first sorted position + 1 (0 = no row has the key), run length. */
    private static final int DIRECT_INTS = 2;
    /** The starts a chunk has room for before its array grows (doubling). */
    private static final int FIRST_STARTS_CAPACITY = 1 << 12;

    /**
     * Hashed: SLOT_INTS ints per slot (the tag, the key if one column long, else its hash; position + 1; run
     * length). Direct: DIRECT_INTS ints per value of the first key column from directMinimum on (position + 1,
     * run length of the rows with that value).
     */
    private final int[] table;
    private final int mask;
    private final int distinctKeys;
    /** True if the table is direct: over the first key column's narrow range (a one-column or whole-row key). */
    private final boolean direct;
    /** The smallest key of a direct table. */
    private final int directMinimum;
    /** The number of key values a direct table spans. */
    private final long directRange;

    private HisaIndex(Tuples rows, int positions, int[] order, int keyLength, int[] sortedRows, int[] table,
                      int distinctKeys) {
        this.rows = rows;
        this.positions = positions;
        this.order = order;
        this.keyLength = keyLength;
        this.sortedRows = sortedRows;
        this.table = table;
        this.mask = Integer.highestOneBit(table.length / SLOT_INTS) - 1;
        this.distinctKeys = distinctKeys;
        this.direct = false;
        this.directMinimum = 0;
        this.directRange = 0;
    }

    private HisaIndex(Tuples rows, int positions, int[] order, int keyLength, int[] sortedRows, int[] table,
                      int distinctKeys, int minimum) {
        this.rows = rows;
        this.positions = positions;
        this.order = order;
        this.keyLength = keyLength;
        this.sortedRows = sortedRows;
        this.table = table;
        this.mask = 0;
        this.distinctKeys = distinctKeys;
        this.direct = true;
        this.directMinimum = minimum;
        this.directRange = table.length / DIRECT_INTS;
    }

    /**
     * Builds the index over rows, which must be duplicate-free and in canonical order.
     * order lists every column once; the first keyLength of them form the hash key.
     */
    public static HisaIndex build(Tuples rows, int[] order, int keyLength, Parallel parallel) {
        int arity = rows.arity();
        if (order.length != arity || keyLength < 0 || keyLength > arity) {
            throw new IllegalArgumentException("index order of " + order.length + " columns, key "
                    + keyLength + ", for arity " + arity);
        }
        int[] sortedRows = isIdentity(order) ? null : sortedRowIds(rows, order, parallel);
        return fromSorted(rows, order, keyLength, sortedRows, rows.size(), parallel);
    }

    /**
     * True if an index in this order can be built over some of the rows by sorting them on its first
     * column alone: the columns after it follow in increasing column order, so that among rows equal on
     * it the canonical order is the index order.
     */
    public static boolean sortsOnFirstColumn(int[] order) {
        for (int i = 2; i < order.length; i++) {
            if (order[i - 1] > order[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index, with a one-column key, over just the rows whose key column (order[0]) holds one of keys
     * (any order, repeats allowed): one pass over that column finds them, and only they are sorted and
     * hashed. It answers lookups of those keys as the whole index would (other keys find nothing), for a
     * join whose few input rows would not repay sorting all rows. The order must sort on its first column
     * ({@link #sortsOnFirstColumn}).
     */
    public static HisaIndex buildForKeys(Tuples rows, int[] order, int[] keys, Parallel parallel) {
        if (order.length != rows.arity() || !sortsOnFirstColumn(order)) {
            throw new IllegalArgumentException("an index over some rows sorts on its first column alone");
        }
        KeySet wanted = KeySet.of(keys);
        int[] data = rows.data();
        int arity = rows.arity();
        int column = order[0];
        int n = rows.size();
        int[] found = new int[Math.min(n, 1 << 10)];
        int count = 0;
        for (int r = 0; r < n; r++) {
            if (wanted.contains(data[r * arity + column])) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, (int) Math.min(n, 2L * found.length));
                }
                found[count++] = r;
            }
        }
        return fromSorted(rows, order, 1, sortedOnColumn(data, arity, column, found, count, parallel), count, parallel);
    }

    /** Row ids [0, count) of ids (increasing) sorted stably on one column. */
    private static int[] sortedOnColumn(int[] data, int arity, int column, int[] ids, int count, Parallel parallel) {
        if (column == 0 || count == 0) {
            return Arrays.copyOf(ids, count); // canonical order sorts on the first column already
        }
        int minimum = Integer.MAX_VALUE;
        int maximum = Integer.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            int value = data[ids[i] * arity + column];
            minimum = Math.min(minimum, value);
            maximum = Math.max(maximum, value);
        }
        int indexBits = count <= 1 ? 1 : 32 - Integer.numberOfLeadingZeros(count - 1);
        int valueBits = 64 - Long.numberOfLeadingZeros((long) maximum - minimum);
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = ((long) data[ids[i] * arity + column] - minimum) << indexBits | i;
        }
        long[] sorted = LongRadixSort.sort(keys, count, valueBits + indexBits, parallel);
        long indexMask = (1L << indexBits) - 1;
        int[] sortedIds = new int[count];
        for (int i = 0; i < count; i++) {
            sortedIds[i] = ids[(int) (sorted[i] & indexMask)];
        }
        return sortedIds;
    }

    /** The index over the first n positions of sortedRows (null: rows [0, n) in canonical order). */
    private static HisaIndex fromSorted(Tuples rows, int[] order, int keyLength, int[] sortedRows, int n,
                                       Parallel parallel) {
        int arity = rows.arity();
        int[] data = rows.data();
        if (keyLength == 0) {
            return new HisaIndex(rows, n, order.clone(), 0, sortedRows, new int[SLOT_INTS], n == 0 ? 0 : 1);
        }
        int[] firstColumnGroups = null;
        if (n > 0 && (keyLength == 1 || keyLength == arity)) {
            // sorted by the key first: the first and last rows hold the smallest and largest first key column
            int minimum = data[row(sortedRows, 0) * arity + order[0]];
            int maximum = data[row(sortedRows, n - 1) * arity + order[0]];
            long range = (long) maximum - minimum + 1;
            boolean wholeRow = keyLength > 1;
            // a whole-row key has as many keys as rows; a one-column key, as many as the column has values
            if (!wholeRow || directFits(range, n)) {
                int[] firstColumnStarts = groupStarts(data, arity, n, sortedRows, order, 1, parallel);
                if (directFits(range, wholeRow ? n : firstColumnStarts.length)) {
                    return buildDirect(rows, n, order, keyLength, sortedRows, firstColumnStarts, minimum, (int) range,
                            parallel);
                }
                firstColumnGroups = wholeRow ? null : firstColumnStarts;
            }
        }
        int[] groupStart = firstColumnGroups != null ? firstColumnGroups
                : groupStarts(data, arity, n, sortedRows, order, keyLength, parallel);
        int groups = groupStart.length;
        int capacity = HisaLayout.slotsFor(groups);
        int[] table = new int[capacity * SLOT_INTS];
        int tableMask = capacity - 1;
        boolean oneColumn = keyLength == 1;
        int keyColumn = order[0];
        parallel.forEachChunk(groups, parallel.chunksFor(groups, 1 << 14), (chunk, from, to) -> {
            for (int g = from; g < to; g++) {
                int start = groupStart[g];
                int end = g + 1 < groups ? groupStart[nextGroup(g, groups)] : n;
                int base = row(sortedRows, start) * arity;
                int hash = Hashing.hashRow(data, base, order, keyLength);
                int slot = hash & tableMask;
                // claim the first free slot; other workers insert other keys concurrently
                while (!SLOTS.compareAndSet(table, SLOT_INTS * slot + 1, 0, start + 1)) {
                    slot = (slot + 1) & tableMask;
                }
                table[SLOT_INTS * slot] = oneColumn ? data[base + keyColumn] : hash;
                table[SLOT_INTS * slot + 2] = end - start;
            }
        });
        return new HisaIndex(rows, n, order.clone(), keyLength, sortedRows, table, groups);
    }

    /** True if a direct table over the range takes at most twice the memory of a hashed one holding the keys. */
    private static boolean directFits(long range, long keys) {
        return range * DIRECT_INTS <= 2L * HisaLayout.slotsFor(keys) * SLOT_INTS;
    }

    /**
     * The direct table over [minimum, minimum + range) of the first key column, its runs given by their starts;
     * for a whole-row key, a lookup then searches the run for the other columns.
     */
    private static HisaIndex buildDirect(Tuples rows, int n, int[] order, int keyLength, int[] sortedRows,
                                         int[] groupStart, int minimum, int range, Parallel parallel) {
        int arity = rows.arity();
        int[] data = rows.data();
        int groups = groupStart.length;
        int[] table = new int[range * DIRECT_INTS];
        int column = order[0];
        parallel.forEachChunk(groups, parallel.chunksFor(groups, 1 << 14), (chunk, from, to) -> {
            for (int g = from; g < to; g++) {
                int start = groupStart[g];
                int end = g + 1 < groups ? groupStart[nextGroup(g, groups)] : n;
                int offset = data[row(sortedRows, start) * arity + column] - minimum;
                table[DIRECT_INTS * offset] = start + 1;
                table[DIRECT_INTS * offset + 1] = end - start;
            }
        });
        return new HisaIndex(rows, n, order.clone(), keyLength, sortedRows, table, keyLength == 1 ? groups : n,
                minimum);
    }

    /**
     * g + 1, clamped to the last group. The clamp keeps the JIT from hoisting the bounds check of
     * groupStart[g + 1], which only the groups before the last read, out of the loop for all g in the chunk:
     * that check fails on the last chunk and sent the compiled loop back to the interpreter.
     */
    private static int nextGroup(int g, int groups) {
        return Math.min(g + 1, groups - 1);
    }

    /** The sorted positions where a new key prefix begins, found in parallel chunks. */
    private static int[] groupStarts(int[] data, int arity, int n, int[] sortedRows, int[] order, int keyLength,
                                     Parallel parallel) {
        int chunks = parallel.chunksFor(n, 1 << 15);
        int[][] starts = new int[chunks][];
        int[] counts = new int[chunks + 1];
        parallel.forEachChunk(n, chunks, (chunk, from, to) -> {
            // grown as starts are found rather than sized for the chunk's rows: a key prefix shared by many
            // rows has few starts, and a chunk-sized array was a transient int per row of the relation
            int[] found = new int[Math.max(1, Math.min(to - from, FIRST_STARTS_CAPACITY))];
            int count = 0;
            if (from == 0 && to > 0) {
                found[count++] = 0;
            }
            // from 1 on, the row before always read, and one loop per row order: the JIT hoists the checks it
            // makes out of a loop, and a loop whose hoisted checks fail runs interpreted until recompiled
            int limit = to - from;
            if (sortedRows == null) {
                for (int p = Math.max(from, 1); p < to; p++) {
                    if (!samePrefix(data, (p - 1) * arity, p * arity, order, keyLength)) {
                        found = withRoom(found, count, limit);
                        found[count++] = p;
                    }
                }
            } else {
                for (int p = Math.max(from, 1); p < to; p++) {
                    if (!samePrefix(data, sortedRows[p - 1] * arity, sortedRows[p] * arity, order, keyLength)) {
                        found = withRoom(found, count, limit);
                        found[count++] = p;
                    }
                }
            }
            starts[chunk] = found;
            counts[chunk + 1] = count;
        });
        for (int c = 0; c < chunks; c++) {
            counts[c + 1] += counts[c];
        }
        int[] all = new int[counts[chunks]];
        for (int c = 0; c < chunks; c++) {
            System.arraycopy(starts[c], 0, all, counts[c], counts[c + 1] - counts[c]);
        }
        return all;
    }

    /** found, or a copy twice as long (at most limit), if it has no room for element count. */
    private static int[] withRoom(int[] found, int count, int limit) {
        return count < found.length ? found : Arrays.copyOf(found, (int) Math.min(limit, 2L * found.length));
    }

    private static int row(int[] sortedRows, int position) {
        return sortedRows == null ? position : sortedRows[position];
    }

    private static boolean samePrefix(int[] data, int a, int b, int[] order, int length) {
        for (int i = 0; i < length; i++) {
            if (data[a + order[i]] != data[b + order[i]]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentity(int[] order) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * Row ids sorted by the index order: packed (key, row id) longs when they fit, else column radix passes.
     * The rows are in canonical order already, so the sort need only key on the order's columns up to where
     * the rest of them follow in increasing column order: among rows equal on the key, row id order (the
     * canonical one) is the index order. For [1, 0] that is column 1 alone, half the bits to sort.
     */
    private static int[] sortedRowIds(Tuples rows, int[] order, Parallel parallel) {
        int n = rows.size();
        int[] data = rows.data();
        int keyColumns = order.length - 1;
        while (keyColumns > 0 && order[keyColumns - 1] < order[keyColumns]) {
            keyColumns--;
        }
        KeyPacking packing = ColumnRanges.measure(rows, Arrays.copyOf(order, keyColumns), parallel);
        int rowBits = n <= 1 ? 1 : 32 - Integer.numberOfLeadingZeros(n - 1);
        if (!packing.fits(rowBits)) {
            return PermutationRadixSort.sortedRowIds(rows, order, parallel);
        }
        long[] keys = new long[n];
        int chunks = parallel.chunksFor(n, 1 << 16);
        parallel.forEachChunk(n, chunks, (chunk, from, to) -> {
            for (int r = from; r < to; r++) {
                keys[r] = (packing.pack(data, r) << rowBits) | r;
            }
        });
        long[] sorted = LongRadixSort.sort(keys, n, packing.bits() + rowBits, parallel);
        long rowMask = (1L << rowBits) - 1;
        int[] ids = new int[n];
        parallel.forEachChunk(n, chunks, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                ids[i] = (int) (sorted[i] & rowMask);
            }
        });
        return ids;
    }

    @Override
    public Tuples rows() {
        return rows;
    }

    public int keyLength() {
        return keyLength;
    }

    /** The rows the index holds: all of rows(), or for an index over some rows, those. */
    public int size() {
        return positions;
    }

    public int distinctKeys() {
        return distinctKeys;
    }

    /**
     * The slot of key[0, keyLength), or -1 if no row has that key. With keyLength 0 every row matches
     * and the answer is 0 when the index holds a row.
     */
    @Override
    public int find(int[] key) {
        if (keyLength == 0) {
            return positions > 0 ? 0 : -1;
        }
        if (direct) {
            long offset = (long) key[0] - directMinimum;
            if (offset < 0 || offset >= directRange || table[DIRECT_INTS * (int) offset] == 0) {
                return -1;
            }
            if (keyLength == 1) {
                return (int) offset;
            }
            int at = DIRECT_INTS * (int) offset;
            return positionInRun(table[at] - 1, table[at] - 1 + table[at + 1], key);
        }
        int hash = Hashing.hash(key, keyLength);
        int slot = hash & mask;
        if (keyLength == 1) {
            int wanted = key[0];
            while (true) {
                int at = SLOT_INTS * slot;
                if (table[at + 1] == 0) {
                    return -1;
                }
                if (table[at] == wanted) {
                    return slot;
                }
                slot = (slot + 1) & mask;
            }
        }
        int[] data = rows.data();
        int arity = rows.arity();
        while (true) {
            int at = SLOT_INTS * slot;
            int start = table[at + 1];
            if (start == 0) {
                return -1;
            }
            if (table[at] == hash && sameKey(data, row(sortedRows, start - 1) * arity, key)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * The sorted position in [from, to), a run of rows equal in the first key column, of the row whose other
     * columns equal the rest of the whole-row key (binary search: the run is sorted by them), or -1.
     */
    private int positionInRun(int from, int to, int[] key) {
        int[] data = rows.data();
        int arity = rows.arity();
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareRest(data, row(sortedRows, mid) * arity, key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < to && compareRest(data, row(sortedRows, lo) * arity, key) == 0 ? lo : -1;
    }

    /** Compares the key columns after the first of the row at data[base..] with key[1..] (signed, as sorted). */
    private int compareRest(int[] data, int base, int[] key) {
        for (int i = 1; i < keyLength; i++) {
            int value = data[base + order[i]];
            if (value != key[i]) {
                return value < key[i] ? -1 : 1;
            }
        }
        return 0;
    }

    private boolean sameKey(int[] data, int base, int[] key) {
        for (int i = 0; i < keyLength; i++) {
            if (data[base + order[i]] != key[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first sorted position of the slot's run. */
    @Override
    public int start(int slot) {
        if (direct) {
            // a whole-row key's lookup gives the row's sorted position
            return keyLength == 1 ? table[DIRECT_INTS * slot] - 1 : slot;
        }
        return keyLength == 0 ? 0 : table[SLOT_INTS * slot + 1] - 1;
    }

    /** The number of rows in the slot's run. */
    @Override
    public int count(int slot) {
        if (direct) {
            return keyLength == 1 ? table[DIRECT_INTS * slot + 1] : 1;
        }
        return keyLength == 0 ? positions : table[SLOT_INTS * slot + 2];
    }

    /** True if lookups read a direct table (a one-column key over a narrow range) rather than a hashed one. */
    boolean isDirect() {
        return direct;
    }

    /** Row ids in index order, or null when the index order is the canonical one (row id = position). */
    @Override
    public int[] sortedRows() {
        return sortedRows;
    }

    /** The row id at a sorted position. */
    public int rowAt(int position) {
        return sortedRows == null ? position : sortedRows[position];
    }

    /** Bytes of the index beyond its rows: the sorted index array and the hash table. */
    public long bytes() {
        return ((sortedRows == null ? 0L : sortedRows.length) + table.length) * Integer.BYTES;
    }

    /** True if some row has the key. */
    public boolean contains(int[] key) {
        return find(key) >= 0;
    }
}
