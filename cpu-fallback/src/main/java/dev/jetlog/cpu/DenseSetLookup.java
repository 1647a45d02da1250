// An existence check against a relation's full version answered by its dense set: a key inside the set's
// box is a bit test (the rows held before this iteration's additions, so the answer is the full version's
// whatever the rules add meanwhile); a key outside it is looked up in the indexes of full's tiers. One
// lookup replaces a probe into every tier. Only for steps that read nothing of the matched tuple, so the
// run it reports is a single placeholder row.
package dev.jetlog.cpu;

import dev.jetlog.cpu.hisa.HisaIndex;
import dev.jetlog.cpu.hisa.RunLookup;
import dev.jetlog.hisa.Tuples;

import java.util.List;

final class DenseSetLookup implements RunLookup {
    private final DenseBitSet set;
    /** Key position to the column of the row it holds. */
    private final int[] order;
    private final List<HisaIndex> tiers;
    private final Tuples placeholder;

    DenseSetLookup(DenseBitSet set, int[] order, List<HisaIndex> tiers) {
        this.set = set;
        this.order = order.clone();
        this.tiers = List.copyOf(tiers);
        this.placeholder = new Tuples(order.length, new int[order.length], 1);
    }

    @Override
    public int find(int[] key) {
        long bit = 0;
        for (int i = 0; i < order.length; i++) {
            int column = order[i];
            long digit = set.digit(column, key[i]);
            if (digit < 0) {
                return findInTiers(key);
            }
            bit += digit * set.stride(column);
        }
        return set.heldBefore(bit) ? 0 : -1;
    }

    private int findInTiers(int[] key) {
        for (HisaIndex tier : tiers) {
            if (tier.find(key) >= 0) {
                return 0;
            }
        }
        return -1;
    }

    @Override
    public int start(int slot) {
        return 0;
    }

    @Override
    public int count(int slot) {
        return 1;
    }

    @Override
    public Tuples rows() {
        return placeholder;
    }

    @Override
    public int[] sortedRows() {
        return null;
    }
}
