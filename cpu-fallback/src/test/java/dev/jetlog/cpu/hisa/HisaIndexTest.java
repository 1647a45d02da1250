// HISA index lookups against a scan of the rows, for every key prefix of several column orders.
package dev.jetlog.cpu.hisa;

import dev.jetlog.hisa.Tuples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HisaIndexTest {
    @ParameterizedTest
    @CsvSource({
        "'0,1', 30, 2",
        "'1,0', 30, 2",
        "'2,0,1', 12, 3",
        "'1,2,0', 2147483647, 2",
        "'0,1,2', 12, 1",
    })
    void everyPrefixFindsExactlyTheMatchingRows(String orderText, long range, int threads) {
        int[] order = java.util.Arrays.stream(orderText.split(",")).mapToInt(Integer::parseInt).toArray();
        int arity = order.length;
        SplittableRandom random = new SplittableRandom(range + arity);
        try (Parallel parallel = Parallel.of(threads)) {
            Tuples rows = SortUnique.sortUnique(RowSets.random(random, arity, 3000, -3, range), parallel);
            for (int keyLength = 0; keyLength <= arity; keyLength++) {
                HisaIndex index = HisaIndex.build(rows, order, keyLength, parallel);
                for (int probe = 0; probe < 300; probe++) {
                    int[] key = new int[keyLength];
                    int source = random.nextInt(rows.size());
                    for (int i = 0; i < keyLength; i++) {
                        key[i] = probe % 3 == 0 ? (int) (random.nextLong(range) - 3) : rows.get(source, order[i]);
                    }
                    assertEquals(scan(rows, order, key), lookup(index, key),
                            "order " + orderText + " key " + java.util.Arrays.toString(key));
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"'1,0'", "'0,2,1'", "'1,0,2'", "'1,2,0'", "'2,0,1'", "'2,1,0'", "'3,1,0,2'"})
    void rowsComeInTheIndexOrderWhereverItsLastColumnsAlreadyFollowTheCanonicalOne(String orderText) {
        int[] order = java.util.Arrays.stream(orderText.split(",")).mapToInt(Integer::parseInt).toArray();
        SplittableRandom random = new SplittableRandom(order.length * 31L + order[0]);
        try (Parallel parallel = Parallel.of(2)) {
            // few values per column: long runs of equal keys, so ties are broken by the later columns
            Tuples rows = SortUnique.sortUnique(RowSets.random(random, order.length, 20000, -2, 5), parallel);
            HisaIndex index = HisaIndex.build(rows, order, 1, parallel);
            java.util.List<java.util.List<Integer>> expected = new java.util.ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                expected.add(inOrder(rows, r, order));
            }
            expected.sort(RowSets::compareLists);
            java.util.List<java.util.List<Integer>> actual = new java.util.ArrayList<>();
            for (int p = 0; p < rows.size(); p++) {
                actual.add(inOrder(rows, index.rowAt(p), order));
            }
            assertEquals(expected, actual);
        }
    }

    /** Row r's values in the given column order. */
    private static java.util.List<Integer> inOrder(Tuples rows, int r, int[] order) {
        java.util.List<Integer> values = new java.util.ArrayList<>();
        for (int column : order) {
            values.add(rows.get(r, column));
        }
        return values;
    }

    @Test
    void narrowOneColumnKeysTakeADirectTableThatAnswersOutsideItsRange() {
        try (Parallel parallel = Parallel.of(2)) {
            // keys -5, -2, 0, 7 (gaps inside the range), in both column orders
            Tuples rows = SortUnique.sortUnique(RowSets.of(2, -5, 1, -2, 9, -2, 4, 0, -5, 7, 7, 7, 0), parallel);
            for (int[] order : new int[][] {{0, 1}, {1, 0}}) {
                HisaIndex index = HisaIndex.build(rows, order, 1, parallel);
                assertTrue(index.isDirect(), "order " + java.util.Arrays.toString(order));
                for (int key : new int[] {Integer.MIN_VALUE, -6, -5, -4, -2, -1, 0, 1, 7, 8, 9, 10, Integer.MAX_VALUE}) {
                    assertEquals(scan(rows, order, new int[] {key}), lookup(index, new int[] {key}),
                            "order " + java.util.Arrays.toString(order) + " key " + key);
                }
            }
        }
    }

    @Test
    void wholeRowKeysOverANarrowFirstColumnSearchItsRun() {
        try (Parallel parallel = Parallel.of(2)) {
            Tuples rows = SortUnique.sortUnique(RowSets.of(3, -5, 1, 2, -5, 1, 3, -5, 4, 0, -2, 9, 9, 0, -5, 7,
                    7, 7, 7, 7, 0, 1), parallel);
            for (int[] order : new int[][] {{0, 1, 2}, {1, 0, 2}, {2, 1, 0}}) {
                HisaIndex index = HisaIndex.build(rows, order, 3, parallel);
                assertTrue(index.isDirect(), "order " + java.util.Arrays.toString(order));
                assertEquals(rows.size(), index.distinctKeys());
                for (int r = 0; r < rows.size(); r++) {
                    int[] key = new int[3];
                    for (int i = 0; i < 3; i++) {
                        key[i] = rows.get(r, order[i]);
                    }
                    assertEquals(List.of(RowSets.row(rows, r)), lookup(index, key));
                    for (int i = 0; i < 3; i++) {
                        for (int delta : new int[] {-1, 1, Integer.MIN_VALUE}) {
                            int[] near = key.clone();
                            near[i] += delta;
                            assertEquals(scan(rows, order, near), lookup(index, near),
                                    java.util.Arrays.toString(order) + " " + java.util.Arrays.toString(near));
                        }
                    }
                }
            }
        }
    }

    @Test
    void wideOrSeveralColumnKeysTakeTheHashedTable() {
        try (Parallel parallel = Parallel.of(1)) {
            Tuples rows = SortUnique.sortUnique(RowSets.of(2, Integer.MIN_VALUE, 1, 0, 2, Integer.MAX_VALUE, 3), parallel);
            HisaIndex wide = HisaIndex.build(rows, new int[] {0, 1}, 1, parallel);
            assertFalse(wide.isDirect());
            assertEquals(List.of(List.of(Integer.MAX_VALUE, 3)), lookup(wide, new int[] {Integer.MAX_VALUE}));
            assertEquals(List.of(), lookup(wide, new int[] {1}));
            HisaIndex twoColumns = HisaIndex.build(rows, new int[] {0, 1}, 2, parallel);
            assertFalse(twoColumns.isDirect());
            assertEquals(List.of(List.of(0, 2)), lookup(twoColumns, new int[] {0, 2}));
            Tuples narrow = SortUnique.sortUnique(RowSets.of(3, 1, 2, 3, 1, 2, 4, 2, 0, 0), parallel);
            HisaIndex prefix = HisaIndex.build(narrow, new int[] {0, 1, 2}, 2, parallel);
            assertFalse(prefix.isDirect(), "a key shorter than the row keeps the hashed table");
            assertEquals(List.of(List.of(1, 2, 3), List.of(1, 2, 4)), lookup(prefix, new int[] {1, 2}));
        }
    }

    @Test
    void emptyIndexFindsNothing() {
        try (Parallel parallel = Parallel.of(1)) {
            HisaIndex index = HisaIndex.build(Tuples.empty(2), new int[] {1, 0}, 1, parallel);
            assertFalse(index.contains(new int[] {4}));
            HisaIndex noKey = HisaIndex.build(Tuples.empty(2), new int[] {0, 1}, 0, parallel);
            assertFalse(noKey.contains(new int[0]));
            HisaIndex some = HisaIndex.build(RowSets.of(2, 1, 2), new int[] {0, 1}, 0, parallel);
            assertTrue(some.contains(new int[0]));
        }
    }

    /** Matching rows in sorted-index order, as the index returns them. */
    @ParameterizedTest
    @CsvSource({"'0,1', 40", "'1,0', 40", "'1,0', 2147483647", "'2,0,1', 8", "'0,1,2', 8"})
    void anIndexOverTheRowsOfSomeKeysAnswersThemAsTheWholeIndexAndFindsNoOther(String orderText, long range) {
        int[] order = java.util.Arrays.stream(orderText.split(",")).mapToInt(Integer::parseInt).toArray();
        SplittableRandom random = new SplittableRandom(range * 7 + order.length);
        try (Parallel parallel = Parallel.of(2)) {
            Tuples rows = SortUnique.sortUnique(RowSets.random(random, order.length, 5000, -3, range), parallel);
            HisaIndex whole = HisaIndex.build(rows, order, 1, parallel);
            // some values of the key column, repeated and in any order, and a few no row holds
            int[] keys = new int[40];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = i % 5 == 0 ? (int) (range + 10 + i) : rows.get(random.nextInt(rows.size()), order[0]);
            }
            HisaIndex some = HisaIndex.buildForKeys(rows, order, keys, parallel);
            java.util.Set<Integer> wanted = new java.util.HashSet<>();
            for (int key : keys) {
                wanted.add(key);
                assertEquals(lookup(whole, new int[] {key}), lookup(some, new int[] {key}), "key " + key);
            }
            for (int probe = 0; probe < 200; probe++) {
                int key = rows.get(random.nextInt(rows.size()), order[0]);
                if (!wanted.contains(key)) {
                    assertEquals(-1, some.find(new int[] {key}), "key " + key + " was not asked for");
                }
            }
            HisaIndex none = HisaIndex.buildForKeys(rows, order, new int[0], parallel);
            assertEquals(-1, none.find(new int[] {rows.get(0, order[0])}));
            assertEquals(0, none.size());
        }
    }

    @Test
    void onlyOrdersThatSortOnTheirFirstColumnTakeAnIndexOverSomeRows() {
        assertTrue(HisaIndex.sortsOnFirstColumn(new int[] {1, 0}));
        assertTrue(HisaIndex.sortsOnFirstColumn(new int[] {2, 0, 1}));
        assertFalse(HisaIndex.sortsOnFirstColumn(new int[] {0, 2, 1}));
    }

    private static List<List<Integer>> lookup(HisaIndex index, int[] key) {
        List<List<Integer>> found = new ArrayList<>();
        int slot = index.find(key);
        if (slot >= 0) {
            for (int p = index.start(slot); p < index.start(slot) + index.count(slot); p++) {
                found.add(RowSets.row(index.rows(), index.rowAt(p)));
            }
        }
        return found;
    }

    /** Matching rows ordered by the index's column order. */
    private static List<List<Integer>> scan(Tuples rows, int[] order, int[] key) {
        List<List<Integer>> found = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            boolean match = true;
            for (int i = 0; i < key.length; i++) {
                match &= rows.get(r, order[i]) == key[i];
            }
            if (match) {
                found.add(RowSets.row(rows, r));
            }
        }
        found.sort((a, b) -> {
            for (int column : order) {
                int c = Integer.compare(a.get(column), b.get(column));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        return found;
    }
}
