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
// the key's offset, with no hash and no probing, and the table is filled in key order.
package dev.jetlog.cpu.hisa;

import dev.jetlog.hisa.Tuples;
import dev.jetlog.hisa.KeyPacking;
import dev.jetlog.hisa.Hashing;
import dev.jetlog.hisa.HisaLayout;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

public final class HisaIndex {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(int[].class);

    private final Tuples rows;
    private final int[] order;
    private final int keyLength;
    private final int[] sortedRows;
    /** Ints per slot of the host table: tag, first sorted position + 1 (0 = empty slot), run length. */
    private static final int SLOT_INTS = 3;

    /** Ints per entry of a direct table: first sorted position + 1 (0 = no row has the key), run length. */
    private static final int DIRECT_INTS = 2;

    /**
     * Hashed: SLOT_INTS ints per slot (the tag, the key if one column long, else its hash; position + 1; run
     * length). Direct: DIRECT_INTS ints per key value from directMinimum on (position + 1, run length).
     */
    private final int[] table;
    private final int mask;
    private final int distinctKeys;
    /** True if the table is direct (one-column keys over a narrow range). */
    private final boolean direct;
    /** The smallest key of a direct table. */
    private final int directMinimum;
    /** The number of key values a direct table spans. */
    private final long directRange;

    private HisaIndex(Tuples rows, int[] order, int keyLength, int[] sortedRows, int[] table, int distinctKeys) {
        this.rows = rows;
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

    private HisaIndex(Tuples rows, int[] order, int[] sortedRows, int[] table, int distinctKeys, int minimum) {
        this.rows = rows;
        this.order = order;
        this.keyLength = 1;
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
        int n = rows.size();
        int[] data = rows.data();
        if (keyLength == 0) {
            return new HisaIndex(rows, order.clone(), 0, sortedRows, new int[SLOT_INTS], n == 0 ? 0 : 1);
        }
        int[] groupStart = groupStarts(data, arity, n, sortedRows, order, keyLength, parallel);
        int groups = groupStart.length;
        int capacity = HisaLayout.slotsFor(groups);
        if (keyLength == 1 && n > 0) {
            // sorted by the key first: the first and last rows hold the smallest and largest key
            int minimum = data[row(sortedRows, 0) * arity + order[0]];
            int maximum = data[row(sortedRows, n - 1) * arity + order[0]];
            long range = (long) maximum - minimum + 1;
            if (range * DIRECT_INTS <= 2L * capacity * SLOT_INTS) {
                return buildDirect(rows, order, sortedRows, groupStart, minimum, (int) range, parallel);
            }
        }
        int[] table = new int[capacity * SLOT_INTS];
        int tableMask = capacity - 1;
        boolean oneColumn = keyLength == 1;
        int keyColumn = order[0];
        parallel.forEachChunk(groups, parallel.chunksFor(groups, 1 << 14), (chunk, from, to) -> {
            for (int g = from; g < to; g++) {
                int start = groupStart[g];
                int end = g + 1 < groups ? groupStart[g + 1] : n;
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
        return new HisaIndex(rows, order.clone(), keyLength, sortedRows, table, groups);
    }

    /** The direct table over [minimum, minimum + range) of a one-column key, groups given by their starts. */
    private static HisaIndex buildDirect(Tuples rows, int[] order, int[] sortedRows, int[] groupStart, int minimum,
                                         int range, Parallel parallel) {
        int arity = rows.arity();
        int n = rows.size();
        int[] data = rows.data();
        int groups = groupStart.length;
        int[] table = new int[range * DIRECT_INTS];
        int column = order[0];
        parallel.forEachChunk(groups, parallel.chunksFor(groups, 1 << 14), (chunk, from, to) -> {
            for (int g = from; g < to; g++) {
                int start = groupStart[g];
                int end = g + 1 < groups ? groupStart[g + 1] : n;
                int offset = data[row(sortedRows, start) * arity + column] - minimum;
                table[DIRECT_INTS * offset] = start + 1;
                table[DIRECT_INTS * offset + 1] = end - start;
            }
        });
        return new HisaIndex(rows, order.clone(), sortedRows, table, groups, minimum);
    }

    /** The sorted positions where a new key prefix begins, found in parallel chunks. */
    private static int[] groupStarts(int[] data, int arity, int n, int[] sortedRows, int[] order, int keyLength,
                                     Parallel parallel) {
        int chunks = parallel.chunksFor(n, 1 << 15);
        int[][] starts = new int[chunks][];
        int[] counts = new int[chunks + 1];
        parallel.forEachChunk(n, chunks, (chunk, from, to) -> {
            int[] found = new int[Math.max(1, to - from)];
            int count = 0;
            for (int p = from; p < to; p++) {
                if (p == 0 || !samePrefix(data, row(sortedRows, p - 1) * arity, row(sortedRows, p) * arity, order, keyLength)) {
                    found[count++] = p;
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

    /** Row ids sorted by the index order: packed (key, row id) longs when they fit, else column radix passes. */
    private static int[] sortedRowIds(Tuples rows, int[] order, Parallel parallel) {
        int n = rows.size();
        int[] data = rows.data();
        KeyPacking packing = ColumnRanges.measure(rows, order, parallel);
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

    public Tuples rows() {
        return rows;
    }

    public int keyLength() {
        return keyLength;
    }

    public int size() {
        return rows.size();
    }

    public int distinctKeys() {
        return distinctKeys;
    }

    /**
     * The slot of key[0, keyLength), or -1 if no row has that key. With keyLength 0 every row matches
     * and the answer is 0 when the index holds a row.
     */
    public int find(int[] key) {
        if (keyLength == 0) {
            return rows.size() > 0 ? 0 : -1;
        }
        if (direct) {
            long offset = (long) key[0] - directMinimum;
            if (offset < 0 || offset >= directRange || table[DIRECT_INTS * (int) offset] == 0) {
                return -1;
            }
            return (int) offset;
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

    private boolean sameKey(int[] data, int base, int[] key) {
        for (int i = 0; i < keyLength; i++) {
            if (data[base + order[i]] != key[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first sorted position of the slot's run. */
    public int start(int slot) {
        if (direct) {
            return table[DIRECT_INTS * slot] - 1;
        }
        return keyLength == 0 ? 0 : table[SLOT_INTS * slot + 1] - 1;
    }

    /** The number of rows in the slot's run. */
    public int count(int slot) {
        if (direct) {
            return table[DIRECT_INTS * slot + 1];
        }
        return keyLength == 0 ? rows.size() : table[SLOT_INTS * slot + 2];
    }

    /** True if lookups read a direct table (a one-column key over a narrow range) rather than a hashed one. */
    boolean isDirect() {
        return direct;
    }

    /** Row ids in index order, or null when the index order is the canonical one (row id = position). */
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
