// A union-find over int values, for eqrel relations: each value belongs to one class, named by the value at
// its root. Union by size keeps the larger class's name, so over a whole evaluation a value changes class at
// most log2(n) times; each class keeps its members in a circular list to rename them when it is absorbed.
// Changes are reported in batches: the values a batch added or moved, with their class before and after.
package dev.jetlog.seminaive.eval;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.Arrays;

final class UnionFind {
    private static final int NO_SLOT = -1;
    private final Int2IntOpenHashMap slots = new Int2IntOpenHashMap();
    private int[] values = new int[16];
    private int[] parents = new int[16];
    private int[] sizes = new int[16];
    /** The next member of the same class (a circular list through every member). */
    private int[] nextMembers = new int[16];
    /** Per slot: the batch that added it, the batch that last touched it, and its class before that batch. */
    private int[] bornIn = new int[16];
    private int[] touchedIn = new int[16];
    private int[] classBefore = new int[16];
    private int count;
    private int batch = 1;
    private final IntArrayList touched = new IntArrayList();

    /** The changes of one batch, row-major pairs: (value, class) rows to delete and rows to add. */
    record Changes(int[] removed, int removedRows, int[] added, int addedRows) {
    }

    UnionFind() {
        slots.defaultReturnValue(NO_SLOT);
    }

    /** The number of values in some class. */
    int size() {
        return count;
    }

    /**
     * Puts the two values of each pair (row-major) in one class; adds to kept the pairs that brought a new
     * value or joined two classes, and to redundant the others (their values were in one class already), so
     * that the kept pairs alone give the same classes. Either list may be null: those pairs are not collected.
     */
    void unionAll(int[] pairs, int rowCount, IntArrayList kept, IntArrayList redundant) {
        for (int r = 0; r < rowCount; r++) {
            int a = pairs[2 * r];
            int b = pairs[2 * r + 1];
            boolean bringsValue = !slots.containsKey(a) || !slots.containsKey(b);
            boolean joins = union(slot(a), slot(b));
            IntArrayList into = bringsValue || joins ? kept : redundant;
            if (into != null) {
                into.add(a);
                into.add(b);
            }
        }
    }

    /** The values this batch added or moved to another class, and ends the batch. */
    Changes takeChanges() {
        IntArrayList removed = new IntArrayList();
        IntArrayList moved = new IntArrayList();
        for (int i = 0; i < touched.size(); i++) {
            int slot = touched.getInt(i);
            int now = values[find(slot)];
            boolean isNew = bornIn[slot] == batch;
            if (!isNew && classBefore[slot] == now) {
                continue;
            }
            if (!isNew) {
                removed.add(values[slot]);
                removed.add(classBefore[slot]);
            }
            moved.add(values[slot]);
            moved.add(now);
        }
        touched.clear();
        batch++;
        return new Changes(removed.toIntArray(), removed.size() / 2, moved.toIntArray(), moved.size() / 2);
    }

    private int slot(int value) {
        int slot = slots.get(value);
        if (slot != NO_SLOT) {
            return slot;
        }
        if (count == values.length) {
            int capacity = values.length * 2;
            values = Arrays.copyOf(values, capacity);
            parents = Arrays.copyOf(parents, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
            nextMembers = Arrays.copyOf(nextMembers, capacity);
            bornIn = Arrays.copyOf(bornIn, capacity);
            touchedIn = Arrays.copyOf(touchedIn, capacity);
            classBefore = Arrays.copyOf(classBefore, capacity);
        }
        slot = count++;
        slots.put(value, slot);
        values[slot] = value;
        parents[slot] = slot;
        sizes[slot] = 1;
        nextMembers[slot] = slot;
        bornIn[slot] = batch;
        touchedIn[slot] = batch;
        touched.add(slot);
        return slot;
    }

    private int find(int slot) {
        while (parents[slot] != slot) {
            parents[slot] = parents[parents[slot]];
            slot = parents[slot];
        }
        return slot;
    }

    /** Joins the classes of the two slots; false if they were one class already. */
    private boolean union(int a, int b) {
        int rootA = find(a);
        int rootB = find(b);
        if (rootA == rootB) {
            return false;
        }
        if (sizes[rootA] < sizes[rootB]) {
            int swap = rootA;
            rootA = rootB;
            rootB = swap;
        }
        // every member of the smaller class changes class: remember the class it had before this batch
        int member = rootB;
        do {
            if (touchedIn[member] != batch) {
                touchedIn[member] = batch;
                classBefore[member] = values[rootB];
                touched.add(member);
            }
            member = nextMembers[member];
        } while (member != rootB);
        parents[rootB] = rootA;
        sizes[rootA] += sizes[rootB];
        int next = nextMembers[rootA];
        nextMembers[rootA] = nextMembers[rootB];
        nextMembers[rootB] = next;
        return true;
    }
}
