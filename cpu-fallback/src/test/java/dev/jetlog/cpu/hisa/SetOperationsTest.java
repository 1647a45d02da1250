// Difference and merge of sorted row sets against a TreeSet model, including parallel splits.
package dev.jetlog.cpu.hisa;

import dev.jetlog.hisa.Tuples;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SetOperationsTest {
    /**
     * Rows of a past b's last row need no search: a few such rows are a itself; many, split over threads,
     * keep those past the end and drop the known ones before them.
     */
    @ParameterizedTest
    @CsvSource({"1, 1, 1", "2, 3, 1", "2, 3000, 2", "3, 100000, 2"})
    void rowsPastTheLastKnownRowAreKeptWithoutSearch(int arity, int na, int threads) {
        SplittableRandom random = new SplittableRandom(na);
        try (Parallel parallel = Parallel.of(threads)) {
            Tuples b = SortUnique.sortUnique(RowSets.random(random, arity, 50_000, 0, 1000), parallel);
            Tuples pastEnd = SortUnique.sortUnique(RowSets.random(random, arity, na, 2000, 1000), parallel);
            Tuples difference = SetOperations.difference(pastEnd, b, parallel);
            assertEquals(RowSets.rows(pastEnd), RowSets.rows(difference));
            if (pastEnd.size() < 1 << 14) {
                assertSame(pastEnd, difference, "a single piece past the end is returned as it is");
            }

            // known rows first, then rows past the end: only the latter are kept, in whichever piece they lie
            int[] mixed = java.util.Arrays.copyOf(b.data(), (b.size() + pastEnd.size()) * arity);
            System.arraycopy(pastEnd.data(), 0, mixed, b.size() * arity, pastEnd.size() * arity);
            Tuples knownThenNew = new Tuples(arity, mixed, b.size() + pastEnd.size());
            assertEquals(RowSets.rows(pastEnd), RowSets.rows(SetOperations.difference(knownThenNew, b, parallel)));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1, 5000, 80000, 1000000, 1",
        "2, 100000, 3000, 400, 2",
        "2, 90000, 70000, 300, 3",
        "3, 40000, 50000, 30, 2",
        "2, 0, 1000, 100, 2",
        "2, 1000, 0, 100, 2",
        "3, 20000, 30000, 4294967296, 2",
        "2, 3000, 90000, 60, 2",
    })
    void differenceAndMergeMatchModel(int arity, int na, int nb, long range, int threads) {
        SplittableRandom random = new SplittableRandom(na * 31L + nb);
        try (Parallel parallel = Parallel.of(threads)) {
            Tuples a = SortUnique.sortUnique(RowSets.random(random, arity, na, -7, range), parallel);
            Tuples b = SortUnique.sortUnique(RowSets.random(random, arity, nb, -7, range), parallel);
            TreeSet<List<Integer>> expected = RowSets.model(a);
            expected.removeAll(RowSets.model(b));
            Tuples difference = SetOperations.difference(a, b, parallel);
            assertEquals(new ArrayList<>(expected), RowSets.rows(difference));

            Tuples unsorted = RowSets.random(new SplittableRandom(na), arity, na, -7, range);
            TreeSet<List<Integer>> fresh = RowSets.model(unsorted);
            fresh.removeAll(RowSets.model(b));
            assertEquals(new ArrayList<>(fresh), RowSets.rows(SortUnique.sortUniqueMinus(unsorted, b, parallel)),
                    "fused sort-unique and difference");

            TreeSet<List<Integer>> union = RowSets.model(b);
            union.addAll(expected);
            Tuples merged = SetOperations.merge(b, difference, null, parallel);
            assertEquals(new ArrayList<>(union), RowSets.rows(merged));

            int[] target = new int[(b.size() + difference.size()) * arity + 17];
            Tuples mergedInto = SetOperations.merge(difference, b, target, parallel);
            assertEquals(new ArrayList<>(union), RowSets.rows(mergedInto));

            // in place: either side as the consumed full version, in an array with room for the other
            for (Tuples[] sides : new Tuples[][] {{b, difference}, {difference, b}}) {
                Tuples full = sides[0];
                int[] room = java.util.Arrays.copyOf(full.data(), (full.size() + sides[1].size()) * arity + 3);
                Tuples inPlace = SetOperations.mergeInPlace(new Tuples(arity, room, full.size()), sides[1]);
                assertEquals(new ArrayList<>(union), RowSets.rows(inPlace), "merged in place");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "1, 20000", "2, 3", "2, 50000", "4, 700"})
    void mergeInPlaceInterleavesRunsOfEverySize(int arity, int rows) {
        SplittableRandom random = new SplittableRandom(rows);
        try (Parallel parallel = Parallel.of(2)) {
            Tuples all = SortUnique.sortUnique(RowSets.random(random, arity, rows, 0, 1L << 20), parallel);
            // split into two sides by runs of random length, so both long and single-row runs occur
            int n = all.size();
            int[] full = new int[n * arity];
            int[] delta = new int[n * arity];
            int nf = 0;
            int nd = 0;
            boolean toFull = random.nextBoolean();
            for (int r = 0; r < n; ) {
                int run = 1 + random.nextInt(random.nextBoolean() ? 3 : 300);
                for (int k = 0; k < run && r < n; k++, r++) {
                    if (toFull) {
                        System.arraycopy(all.data(), r * arity, full, nf++ * arity, arity);
                    } else {
                        System.arraycopy(all.data(), r * arity, delta, nd++ * arity, arity);
                    }
                }
                toFull = !toFull;
            }
            Tuples merged = SetOperations.mergeInPlace(new Tuples(arity, full, nf), new Tuples(arity, delta, nd));
            assertEquals(RowSets.rows(all), RowSets.rows(merged));
        }
    }

    /**
     * The parallel merge in place, in 2 to 6 chunks on 1 to 3 threads, over splits where delta is sparse,
     * dense, larger than full, or gathered at either end: some chunks then have no rows of full left in
     * place, or have all theirs under earlier chunks' output.
     */
    @ParameterizedTest
    @CsvSource({"1, 40000", "2, 30000", "3, 5000", "2, 7"})
    void parallelMergeInPlaceMatchesTheSortedUnion(int arity, int rows) {
        SplittableRandom random = new SplittableRandom(rows * 7L + arity);
        Tuples all;
        try (Parallel parallel = Parallel.of(2)) {
            all = SortUnique.sortUnique(RowSets.random(random, arity, rows, -5, 1L << 22), parallel);
        }
        int n = all.size();
        double[][] shapes = {{0.01, 0.01, 0.01}, {0.5, 0.5, 0.5}, {0.95, 0.9, 0.99}, {0.0, 0.1, 0.9}, {0.9, 0.5, 0.0},
            {0.02, 0.0, 1.0}};
        for (double[] shape : shapes) {
            // shape: the share of rows sent to delta in the first, middle and last third
            int[] full = new int[n * arity];
            int[] delta = new int[n * arity];
            int nf = 0;
            int nd = 0;
            for (int r = 0; r < n; r++) {
                double share = shape[Math.min(2, r * 3 / Math.max(1, n))];
                if (random.nextDouble() < share) {
                    System.arraycopy(all.data(), r * arity, delta, nd++ * arity, arity);
                } else {
                    System.arraycopy(all.data(), r * arity, full, nf++ * arity, arity);
                }
            }
            for (int threads = 1; threads <= 3; threads++) {
                try (Parallel parallel = Parallel.of(threads)) {
                    for (int chunks = 2; chunks <= 6; chunks++) {
                        int[] room = java.util.Arrays.copyOf(full, n * arity);
                        Tuples merged = SetOperations.mergeInPlace(new Tuples(arity, room, nf),
                                new Tuples(arity, delta, nd), parallel, chunks);
                        assertEquals(RowSets.rows(all), RowSets.rows(merged),
                                java.util.Arrays.toString(shape) + " in " + chunks + " chunks on " + threads);
                    }
                }
            }
        }
    }
}
