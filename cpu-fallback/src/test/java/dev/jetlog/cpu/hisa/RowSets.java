// Test helpers: random row sets and a simple sorted-set model of them to compare the operators with.
package dev.jetlog.cpu.hisa;

import dev.jetlog.hisa.Tuples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

final class RowSets {
    private RowSets() {
    }

    /** n random rows; values in [lo, lo + range) per column. */
    static Tuples random(SplittableRandom random, int arity, int n, int lo, long range) {
        int[] data = new int[n * arity];
        for (int i = 0; i < data.length; i++) {
            data[i] = (int) (lo + random.nextLong(range));
        }
        return new Tuples(arity, data, n);
    }

    static TreeSet<List<Integer>> model(Tuples tuples) {
        TreeSet<List<Integer>> set = new TreeSet<>(RowSets::compareLists);
        for (int r = 0; r < tuples.size(); r++) {
            set.add(row(tuples, r));
        }
        return set;
    }

    static List<Integer> row(Tuples tuples, int r) {
        List<Integer> row = new ArrayList<>(tuples.arity());
        for (int c = 0; c < tuples.arity(); c++) {
            row.add(tuples.get(r, c));
        }
        return row;
    }

    static List<List<Integer>> rows(Tuples tuples) {
        List<List<Integer>> rows = new ArrayList<>();
        for (int r = 0; r < tuples.size(); r++) {
            rows.add(row(tuples, r));
        }
        return rows;
    }

    static int compareLists(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static Tuples of(int arity, int... values) {
        return new Tuples(arity, Arrays.copyOf(values, values.length), arity == 0 ? 0 : values.length / arity);
    }
}
