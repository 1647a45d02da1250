// Sort-unique against a TreeSet model, over arities, value ranges (packed and unpacked paths) and thread counts;
// also of rows given in parts (sorted where they lie), with and without known rows to drop.
package dev.jetlog.cpu.hisa;

import dev.jetlog.hisa.Tuples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SortUniqueTest {
    @ParameterizedTest
    @CsvSource({
        "1, 20000, 0, 1000, 1",
        "1, 20000, -2147483648, 4294967296, 2",
        "2, 100000, 0, 300, 2",
        "2, 100000, -50, 100000, 3",
        "2, 50000, -2147483648, 4294967296, 2",
        "3, 60000, 0, 40, 2",
        "3, 30000, -2147483648, 4294967296, 4",
        "5, 20000, 0, 5, 2",
    })
    void matchesSortedSetModel(int arity, int n, int lo, long range, int threads) {
        SplittableRandom random = new SplittableRandom(arity * 1000L + n);
        Tuples input = RowSets.random(random, arity, n, lo, range);
        try (Parallel parallel = Parallel.of(threads)) {
            Tuples sorted = SortUnique.sortUnique(input, parallel);
            assertEquals(new ArrayList<>(RowSets.model(input)), RowSets.rows(sorted));
        }
    }

    @ParameterizedTest
    @CsvSource({
        // arity, parts, largest part, value range, threads: many small parts are joined before the sort
        "2, 1, 50000, 1000, 2",
        "2, 40, 3000, 500, 2",
        "2, 300, 40, 100000, 2",
        "2, 12, 70000, 4000, 3",
        "3, 25, 9000, 30, 2",
        "2, 30, 5000, 4294967296, 2",
        "1, 50, 2000, 100, 1",
    })
    void rowsInPartsMatchTheModelOfTheirUnion(int arity, int partCount, int largest, long range, int threads) {
        SplittableRandom random = new SplittableRandom(arity * 7919L + partCount);
        List<Tuples> parts = new ArrayList<>();
        TreeSet<List<Integer>> union = new TreeSet<>(RowSets::compareLists);
        for (int p = 0; p < partCount; p++) {
            // sizes from 0 up to largest, so that empty, tiny and large parts mix
            Tuples part = RowSets.random(random, arity, random.nextInt(largest + 1), (int) -(range / 2), range);
            parts.add(part);
            union.addAll(RowSets.model(part));
        }
        Tuples known = RowSets.random(random, arity, 20000, (int) -(range / 2), range);
        TreeSet<List<Integer>> unknown = new TreeSet<>(union);
        unknown.removeAll(RowSets.model(known));
        try (Parallel parallel = Parallel.of(threads)) {
            Tuples sortedKnown = SortUnique.sortUnique(known, parallel);
            assertEquals(new ArrayList<>(union), RowSets.rows(SortUnique.sortUniqueMinus(parts, null, parallel)));
            assertEquals(new ArrayList<>(unknown), RowSets.rows(SortUnique.sortUniqueMinus(parts, sortedKnown, parallel)));
        }
    }

    @Test
    void nullaryRowsCollapseToOne() {
        try (Parallel parallel = Parallel.of(1)) {
            assertEquals(1, SortUnique.sortUnique(new Tuples(0, new int[0], 7), parallel).size());
            assertEquals(0, SortUnique.sortUnique(new Tuples(0, new int[0], 0), parallel).size());
        }
    }

    @Test
    void extremesOrderAsSignedInts() {
        Tuples input = RowSets.of(1, Integer.MAX_VALUE, -1, Integer.MIN_VALUE, 0, -1);
        try (Parallel parallel = Parallel.of(2)) {
            assertEquals(java.util.List.of(java.util.List.of(Integer.MIN_VALUE), java.util.List.of(-1),
                    java.util.List.of(0), java.util.List.of(Integer.MAX_VALUE)),
                    RowSets.rows(SortUnique.sortUnique(input, parallel)));
        }
    }
}
