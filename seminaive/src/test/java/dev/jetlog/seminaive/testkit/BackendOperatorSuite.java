// Engine-agnostic suite for the Backend SPI itself: every operator on random rows against a simple
// model (sorted sets, nested loops), so that a new backend (device memory, kernels) can be checked
// operator by operator before whole programs run on it. Subclasses name the backend.
package dev.jetlog.seminaive.testkit;

import dev.jetlog.parser.ast.AggregateKind;
import dev.jetlog.parser.ast.BinaryOp;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.planner.ir.AggregateStep;
import dev.jetlog.planner.ir.AntiJoinStep;
import dev.jetlog.planner.ir.Binary;
import dev.jetlog.planner.ir.ColumnRef;
import dev.jetlog.planner.ir.Constant;
import dev.jetlog.planner.ir.Expr;
import dev.jetlog.planner.ir.Filter;
import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.RelationRef;
import dev.jetlog.planner.ir.ScanStep;
import dev.jetlog.planner.ir.Side;
import dev.jetlog.planner.ir.UnitStep;
import dev.jetlog.planner.ir.ValueType;
import dev.jetlog.planner.ir.Version;
import dev.jetlog.seminaive.api.BackendRegistry;
import dev.jetlog.seminaive.spi.AbsentRows;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.BackendOptions;
import dev.jetlog.seminaive.spi.DenseSet;
import dev.jetlog.seminaive.spi.Index;
import dev.jetlog.seminaive.spi.Prepared;
import dev.jetlog.seminaive.spi.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

public abstract class BackendOperatorSuite {
    /** The backend under test, as named on the command line. */
    protected abstract String backend();

    private static final Comparator<int[]> ROWS = Arrays::compare;
    private static final RelationRef REL = new RelationRef("r", Version.FULL);

    private Backend backend;
    private final SplittableRandom random = new SplittableRandom(2024);

    @BeforeEach
    void open() {
        BackendRequirement.check(backend());
        backend = BackendRegistry.select(backend()).create(BackendOptions.threads(2));
    }

    @AfterEach
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private int[][] randomRows(int count, int arity, int range) {
        int[][] rows = new int[count][arity];
        for (int[] row : rows) {
            for (int c = 0; c < arity; c++) {
                row[c] = random.nextInt(range) - range / 3;
            }
        }
        return rows;
    }

    private Rows upload(int arity, int[][] rows) {
        int[] flat = new int[rows.length * arity];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * arity, arity);
        }
        return backend.upload(arity, flat, rows.length);
    }

    private List<int[]> download(Rows rows) {
        int[] flat = backend.download(rows);
        List<int[]> result = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            result.add(Arrays.copyOfRange(flat, r * rows.arity(), (r + 1) * rows.arity()));
        }
        return result;
    }

    private static List<int[]> sortedSet(List<int[]> rows) {
        TreeSet<int[]> set = new TreeSet<>(ROWS);
        set.addAll(rows);
        return new ArrayList<>(set);
    }

    private static void assertRows(List<int[]> expected, List<int[]> actual) {
        assertRows(expected, actual, null);
    }

    private static void assertRows(List<int[]> expected, List<int[]> actual, String message) {
        assertEquals(expected.stream().map(Arrays::toString).toList(), actual.stream().map(Arrays::toString).toList(),
                message);
    }

    private static void assertSameBag(List<int[]> expected, List<int[]> actual) {
        List<int[]> e = new ArrayList<>(expected);
        List<int[]> a = new ArrayList<>(actual);
        e.sort(ROWS);
        a.sort(ROWS);
        assertRows(e, a);
    }

    private static ColumnRef in(int column) {
        return new ColumnRef(Side.INPUT, column);
    }

    private static ColumnRef tuple(int column) {
        return new ColumnRef(Side.TUPLE, column);
    }

    // ---- moving rows ---------------------------------------------------------------------------

    @Test
    void uploadDownloadShareSliceConcat() {
        int[][] rows = randomRows(1000, 3, 50);
        Rows uploaded = upload(3, rows);
        assertRows(Arrays.asList(rows), download(uploaded));
        int[] range = backend.download(uploaded, 10, 13);
        assertEquals(List.of(rows[10][0], rows[10][1], rows[10][2], rows[11][0], rows[11][1], rows[11][2],
                rows[12][0], rows[12][1], rows[12][2]), Arrays.stream(range).boxed().toList());
        assertEquals(0, backend.download(uploaded, 500, 500).length);
        Rows shared = backend.share(uploaded);
        assertEquals(1000, shared.size());
        Rows slice = backend.slice(uploaded, 100, 350);
        assertRows(Arrays.asList(rows).subList(100, 350), download(slice));
        Rows both = backend.concat(List.of(slice, shared));
        List<int[]> expected = new ArrayList<>(Arrays.asList(rows).subList(100, 350));
        expected.addAll(Arrays.asList(rows));
        assertRows(expected, download(both));
        backend.release(shared);
        assertRows(Arrays.asList(rows), download(uploaded), "releasing a share leaves its source");
        assertEquals(0, backend.empty(2).size());
        List.of(uploaded, slice, both).forEach(backend::release);
    }

    @Test
    void joinRowsWithinCountsMatchesOrSaysItCannot() {
        // key 1 matches 3 tuples, key 2 none, key 3 five
        Rows relation = backend.sortUnique(upload(2, new int[][] {{1, 10}, {1, 11}, {1, 12},
                {3, 30}, {3, 31}, {3, 32}, {3, 33}, {3, 34}}));
        IndexSpec spec = new IndexSpec(new int[] {0, 1}, 1);
        Index index = backend.index(relation, spec);
        Prepared<JoinStep> join = backend.prepare(JoinStep.of(1, REL, spec, List.of(in(0)), List.of(),
                List.of(in(0), tuple(1))));
        Rows input = upload(1, new int[][] {{1}, {1}, {2}, {3}});
        long first = backend.joinRowsWithin(join, input, 0, 4, index, 4);
        if (first < 0) {
            return; // this backend does not count: the driver guesses from fan-outs instead
        }
        assertEquals(1, first, "3 matches fit in 4, 6 do not");
        assertEquals(2, backend.joinRowsWithin(join, input, 1, 4, index, 3), "3, then 0 more; 5 more do not fit");
        assertEquals(1, backend.joinRowsWithin(join, input, 3, 4, index, 1), "at least one row, however many it matches");
        assertEquals(3, backend.joinRowsWithin(join, input, 1, 4, index, 100), "to the end");
        assertEquals(2, backend.joinRowsWithin(join, input, 1, 3, index, 100), "to `to`, not past it");
        List.of(relation, input).forEach(backend::release);
    }

    @Test
    void joinRowsWithinCutsALargeInputWhereTheBudgetRunsOut() {
        // key k < 100 matches k % 7 tuples; keys from 100 on match none
        List<int[]> tuples = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            for (int j = 0; j < k % 7; j++) {
                tuples.add(new int[] {k, j});
            }
        }
        Rows relation = backend.sortUnique(upload(2, tuples.toArray(new int[0][])));
        IndexSpec spec = new IndexSpec(new int[] {0, 1}, 1);
        Index index = backend.index(relation, spec);
        Prepared<JoinStep> join = backend.prepare(JoinStep.of(1, REL, spec, List.of(in(0)), List.of(),
                List.of(in(0), tuple(1))));
        int n = 200_000; // several blocks of the CPU backend's parallel count
        SplittableRandom random = new SplittableRandom(11);
        int[][] keys = new int[n][];
        long[] matchesAfter = new long[n + 1]; // matches of rows [0, i)
        for (int i = 0; i < n; i++) {
            int key = random.nextInt(120);
            keys[i] = new int[] {key};
            matchesAfter[i + 1] = matchesAfter[i] + (key < 100 ? key % 7 : 0);
        }
        Rows input = upload(1, keys);
        for (int from : new int[] {0, 1000, 65_536}) {
            for (long budget : new long[] {0, 5, matchesAfter[70_000], matchesAfter[131_072] - matchesAfter[from],
                    matchesAfter[n] - 1, matchesAfter[n], Long.MAX_VALUE}) {
                long counted = backend.joinRowsWithin(join, input, from, n, index, budget);
                if (counted < 0) {
                    return; // this backend does not count
                }
                assertEquals(rowsWithin(matchesAfter, from, budget), counted, "from " + from + ", budget " + budget);
                // bounded by `to`: the same cut where it comes first, else all rows up to `to`
                int to = from + 100_000;
                assertEquals(Math.min(to - from, rowsWithin(matchesAfter, from, budget)),
                        backend.joinRowsWithin(join, input, from, to, index, budget), "from " + from + " to " + to);
            }
        }
        List.of(relation, input).forEach(backend::release);
    }

    /** The rows from `from` on whose matches total at most budget, at least one while any remain. */
    private static long rowsWithin(long[] matchesAfter, int from, long budget) {
        int n = matchesAfter.length - 1;
        int row = from;
        while (row < n && (matchesAfter[row + 1] - matchesAfter[from] <= budget || row == from)) {
            row++;
        }
        return row - from;
    }

    @Test
    void emptyInputsGiveEmptyResults() {
        Rows none = backend.empty(2);
        assertEquals(0, backend.sortUnique(none).size());
        Rows some = backend.sortUnique(upload(2, new int[][] {{1, 2}, {3, 4}}));
        assertEquals(0, backend.difference(none, some).size());
        assertEquals(2, backend.difference(some, none).size());
        assertEquals(0, backend.concat(List.of(none, none)).size());
        IndexSpec spec = new IndexSpec(new int[] {0, 1}, 1);
        Index emptyIndex = backend.index(none, spec);
        Prepared<JoinStep> join = backend.prepare(JoinStep.of(2, REL, spec, List.of(in(0)), List.of(), List.of(in(1), tuple(1))));
        assertEquals(0, backend.join(join, some, emptyIndex).size());
        assertEquals(0, backend.join(join, none, backend.index(some, spec)).size());
        Prepared<AntiJoinStep> anti = backend.prepare(new AntiJoinStep(2, REL, spec, List.of(in(0)), List.of(), List.of(in(1))));
        assertRows(List.of(new int[] {2}, new int[] {4}), download(backend.antiJoin(anti, some, emptyIndex)));
        Prepared<ScanStep> scan = backend.prepare(ScanStep.of(REL, 2, List.of(), List.of(tuple(0))));
        assertEquals(0, backend.scan(scan, backend.index(none, scan.step().order())).size());
    }

    // ---- set operators -------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void sortUniqueDifferenceAndMergeMatchSortedSets(int arity) {
        int range = arity == 4 ? Integer.MAX_VALUE : 40;
        List<int[]> a = Arrays.asList(randomRows(20_000, arity, range));
        List<int[]> b = Arrays.asList(randomRows(30_000, arity, range));
        Rows sortedA = backend.sortUnique(upload(arity, a.toArray(int[][]::new)));
        Rows sortedB = backend.sortUnique(upload(arity, b.toArray(int[][]::new)));
        assertRows(sortedSet(a), download(sortedA));

        TreeSet<int[]> onlyA = new TreeSet<>(ROWS);
        onlyA.addAll(a);
        b.forEach(onlyA::remove); // removeAll(list) would compare arrays by identity
        Rows difference = backend.difference(sortedA, sortedB);
        assertRows(new ArrayList<>(onlyA), download(difference));
        Rows fused = backend.sortUniqueDifference(upload(arity, a.toArray(int[][]::new)), sortedB);
        assertRows(new ArrayList<>(onlyA), download(fused));

        TreeSet<int[]> union = new TreeSet<>(ROWS);
        union.addAll(a);
        union.addAll(b);
        Rows merged = backend.merge(sortedB, difference);
        assertRows(new ArrayList<>(union), download(merged));
        assertRows(new ArrayList<>(onlyA), download(difference));
    }

    /**
     * Rows at the edges of a backend's packed sort keys: two columns spanning the whole int range (64 bits
     * together), and a constant column between two others (no bits of its own).
     */
    @Test
    void sortUniqueAtTheEdgesOfIntsAndWithAConstantColumn() {
        java.util.Random random = new java.util.Random(64);
        int[] edges = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1, 0, 1, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
        List<int[]> wide = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            wide.add(new int[] {edges[random.nextInt(edges.length)], random.nextBoolean() ? random.nextInt()
                    : edges[random.nextInt(edges.length)]});
        }
        assertRows(sortedSet(wide), download(backend.sortUnique(upload(2, wide.toArray(int[][]::new)))));
        List<int[]> constantMiddle = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            constantMiddle.add(new int[] {random.nextInt(50) - 25, -7, random.nextInt(1 << 20)});
        }
        assertRows(sortedSet(constantMiddle),
                download(backend.sortUnique(upload(3, constantMiddle.toArray(int[][]::new)))));
    }

    // ---- relational operators ------------------------------------------------------------------

    @Test
    void joinOnAKeyWithFiltersAndComputedOutput() {
        int[][] left = randomRows(3000, 2, 60);
        int[][] right = randomRows(4000, 2, 60);
        Rows input = upload(2, left);
        Rows relation = backend.sortUnique(upload(2, right));
        List<int[]> rightSet = download(relation);
        Index index = backend.index(relation, new IndexSpec(new int[] {1, 0}, 1));
        // out(in0, t0, in0 + t0) :- in(in0, in1), r(t0, in1), t0 < in0
        JoinStep step = JoinStep.of(2, REL, new IndexSpec(new int[] {1, 0}, 1), List.of(in(1)),
                List.of(new Filter(CompareOp.LT, ValueType.SIGNED, tuple(0), in(0))),
                List.of(in(0), tuple(0), new Binary(BinaryOp.ADD, ValueType.SIGNED, in(0), tuple(0))));
        List<int[]> expected = new ArrayList<>();
        for (int[] l : left) {
            for (int[] r : rightSet) {
                if (r[1] == l[1] && r[0] < l[0]) {
                    expected.add(new int[] {l[0], r[0], l[0] + r[0]});
                }
            }
        }
        assertSameBag(expected, download(backend.join(backend.prepare(step), input, index)));
    }

    @Test
    void aJoinOverASliceSeesJustTheSlicesRows() {
        int[][] left = randomRows(5000, 2, 80);
        int[][] right = randomRows(4000, 2, 80);
        Rows input = upload(2, left);
        Rows relation = backend.sortUnique(upload(2, right));
        List<int[]> rightSet = download(relation);
        Index index = backend.index(relation, new IndexSpec(new int[] {1, 0}, 1));
        // copying head: out(in0, t0) :- in(in0, in1), r(t0, in1); and one with a filter on the pair
        JoinStep copying = JoinStep.of(2, REL, new IndexSpec(new int[] {1, 0}, 1), List.of(in(1)), List.of(),
                List.of(in(0), tuple(0)));
        JoinStep filtered = JoinStep.of(2, REL, new IndexSpec(new int[] {1, 0}, 1), List.of(in(1)),
                List.of(new Filter(CompareOp.LT, ValueType.SIGNED, tuple(0), in(0))), List.of(in(0), tuple(0)));
        Rows slice = backend.slice(input, 1200, 4100);
        Rows inner = backend.slice(slice, 700, 2000);
        for (JoinStep step : List.of(copying, filtered)) {
            for (int[] range : new int[][] {{1200, 4100}, {1900, 3200}}) {
                List<int[]> expected = new ArrayList<>();
                for (int[] l : Arrays.asList(left).subList(range[0], range[1])) {
                    for (int[] r : rightSet) {
                        if (r[1] == l[1] && (step == copying || r[0] < l[0])) {
                            expected.add(new int[] {l[0], r[0]});
                        }
                    }
                }
                Rows sliced = range[0] == 1200 ? slice : inner;
                assertSameBag(expected, download(backend.join(backend.prepare(step), sliced, index)));
            }
        }
        assertRows(Arrays.asList(left).subList(1900, 3200), download(inner));
        List.of(inner, slice, input).forEach(backend::release);
    }

    // ---- dense sets ----------------------------------------------------------------------------

    /**
     * Rows whose column values make a dense set's box, ten of its hundred rows: a diagonal of the box
     * [0, 9] x [-5, 4], or of one whose first column takes only the values 0, 1000, ..., 9000.
     */
    private Rows seed(boolean sparse) {
        List<int[]> rows = new ArrayList<>();
        for (int x = 0; x < 10; x++) {
            rows.add(new int[] {sparse ? x * 1000 : x, x - 5});
        }
        return backend.sortUnique(upload(2, rows.toArray(new int[0][])));
    }

    /**
     * Checks what filtering derived rows through a dense set that held `known` gave: the rows outside its
     * box come back as given, every other row is known or now added, and the added ones come sorted, once.
     */
    private void assertFiltered(DenseSet set, List<int[]> known, List<int[]> derived, AbsentRows result) {
        List<int[]> outside = download(result.outside());
        TreeSet<int[]> outsideSet = new TreeSet<>(ROWS);
        outsideSet.addAll(outside);
        TreeSet<int[]> knownSet = new TreeSet<>(ROWS);
        knownSet.addAll(known);
        TreeSet<int[]> expectedAdded = new TreeSet<>(ROWS);
        List<int[]> expectedOutside = new ArrayList<>();
        for (int[] row : derived) {
            if (outsideSet.contains(row)) {
                expectedOutside.add(row);
            } else if (!knownSet.contains(row)) {
                expectedAdded.add(row);
            }
        }
        assertSameBag(expectedOutside, outside);
        for (int[] row : known) {
            assertTrue(!outsideSet.contains(row), "a row the set holds is inside its box: " + Arrays.toString(row));
        }
        assertEquals(derived.size(), result.derived());
        assertEquals(expectedAdded.size(), result.added());
        assertRows(new ArrayList<>(expectedAdded), download(backend.takeAdded(set)), "the added rows, sorted, once each");
        assertEquals(0, backend.takeAdded(set).size(), "taking the added rows forgets them");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDenseSetAdmitsEachRowItLacksOnceAndPassesRowsOutsideItsBox(boolean sparse) {
        Rows seed = seed(sparse);
        DenseSet set = backend.denseSet(List.of(seed), 1 << 20);
        Assumptions.assumeTrue(set != null, backend() + " has no dense sets");
        List<int[]> known = download(seed);
        int[][] rows = randomRows(20000, 2, 30);
        for (int r = 0; r < rows.length; r += 3) {
            rows[r][0] *= sparse ? 1000 : 1; // many rows inside the sparse box too
        }
        Rows input = upload(2, rows);
        AbsentRows first = backend.addAbsent(set, input);
        assertTrue(first.outside().size() > 0 && first.added() > 0, "rows inside and outside the box");
        assertFiltered(set, known, Arrays.asList(rows), first);
        AbsentRows again = backend.addAbsent(set, input);
        assertEquals(0, again.added(), "every row inside the box is known now");
        assertEquals(first.outside().size(), again.outside().size());
        assertEquals(0, backend.takeAdded(set).size());
        backend.release(set);
    }

    /**
     * A set made before any row, over the values its columns can take (every third value of a wide range, and
     * a second column of a few values): rows that arrive later inside those values are all inside its box,
     * a row with another value is outside it. Where the values make too big a box, the set spans the rows'
     * own values, as without them.
     */
    @Test
    void aDenseSetOverKnownColumnValuesHoldsRowsThatArriveLater() {
        int[] firsts = new int[2000];
        for (int v = 0; v < firsts.length; v++) {
            firsts[v] = 3 * v - 100;
        }
        int[] seconds = {5, 70, 900};
        DenseSet set = backend.denseSet(List.of(backend.empty(2)), new int[][] {firsts, seconds}, 1 << 20);
        Assumptions.assumeTrue(set != null, backend() + " has no dense sets over known values");
        int[][] rows = new int[3000][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = new int[] {firsts[random.nextInt(firsts.length)], seconds[random.nextInt(seconds.length)]};
        }
        rows[0] = new int[] {firsts[0] + 1, seconds[0]}; // between two known values
        Rows input = upload(2, rows);
        AbsentRows result = backend.addAbsent(set, input);
        assertRows(List.<int[]>of(rows[0]), download(result.outside()), "only the row with an unknown value is outside");
        Set<List<Integer>> inside = new HashSet<>();
        for (int r = 1; r < rows.length; r++) {
            inside.add(List.of(rows[r][0], rows[r][1]));
        }
        assertEquals(inside.size(), result.added());
        backend.release(set);

        Rows seed = seed(false);
        int[] wide = new int[1 << 16];
        Arrays.setAll(wide, v -> v * 7);
        DenseSet overRows = backend.denseSet(List.of(seed), new int[][] {wide, wide}, 1 << 20);
        assertTrue(overRows != null, "too big a box over the values: the set spans the rows' values");
        assertEquals(0, backend.addAbsent(overRows, seed).added(), "and holds them");
        backend.release(overRows);
    }

    @Test
    void columnValuesAreTheDistinctValuesSorted() {
        Rows rows = upload(2, new int[][] {{4, -1}, {2, 7}, {4, 7}, {9, -1}, {2, 3}});
        int[] values = backend.columnValues(List.of(rows, upload(2, new int[][] {{-5, 0}})), 0);
        Assumptions.assumeTrue(values != null, backend() + " reads no column values");
        assertArrayEquals(new int[] {-5, 2, 4, 9}, values);
        assertArrayEquals(new int[] {-1, 0, 3, 7}, backend.columnValues(List.of(rows, upload(2, new int[][] {{-5, 0}})), 1));
    }

    /**
     * Many rows over a wide range: with few distinct values per column a dictionary makes the box fit, and
     * the set holds exactly the rows (a wrong early refusal fails here); with many it cannot, and the set is
     * refused. The rows come in three parts (tiers), more than the sample that tells early.
     */
    @ParameterizedTest
    @ValueSource(ints = {200, 20000})
    void aDenseSetOverAWideRangeIsMadeThroughDictionariesOnlyWhereTheDistinctValuesFit(int distinct) {
        int range = 30000;
        int[] values = new int[distinct];
        for (int v = 0; v < distinct; v++) {
            values[v] = (int) ((long) v * range / distinct) - 7;
        }
        List<Rows> parts = new ArrayList<>();
        List<int[]> all = new ArrayList<>();
        for (int part = 0; part < 3; part++) {
            int[][] rows = new int[50000][];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = new int[] {values[random.nextInt(distinct)], values[random.nextInt(distinct)]};
            }
            rows[0] = new int[] {values[0], values[0]}; // every part spans the whole range
            rows[1] = new int[] {values[distinct - 1], values[distinct - 1]};
            Rows sorted = backend.sortUnique(upload(2, rows));
            parts.add(sorted);
            all.addAll(download(sorted));
        }
        DenseSet set = backend.denseSet(parts, 1 << 20);
        if (distinct > 1000) {
            assertEquals(null, set, "20,000 x 20,000 values do not fit in 1 MiB, dictionaries or not");
            return;
        }
        if (backend().equals("cpu")) {
            assertTrue(set != null, "200 x 200 values fit in 1 MiB through dictionaries");
        }
        Assumptions.assumeTrue(set != null, backend() + " has no dense sets");
        AbsentRows again = backend.addAbsent(set, upload(2, all.toArray(new int[0][])));
        assertEquals(0, again.added(), "the set holds every row it was made from");
        assertEquals(0, again.outside().size(), "every row lies inside its box");
        TreeSet<int[]> held = new TreeSet<>(ROWS);
        held.addAll(all);
        int[][] probes = {{values[1], values[2]}, {values[2], values[1]}, {values[3], values[3]}};
        AbsentRows fresh = backend.addAbsent(set, upload(2, probes));
        assertEquals(Arrays.stream(probes).filter(row -> !held.contains(row)).count(), fresh.added(),
                "rows inside the box that the set lacked are added, the others are known");
        backend.release(set);
    }

    @Test
    void aJoinIntoADenseSetRecordsOnlyTheRowsTheSetLacks() {
        int[][] left = randomRows(3000, 2, 40);
        int[][] right = randomRows(3000, 2, 40);
        Rows input = upload(2, left);
        Rows relation = backend.sortUnique(upload(2, right));
        List<int[]> rightSet = download(relation);
        Index index = backend.index(relation, new IndexSpec(new int[] {0, 1}, 1));
        Rows seed = seed(false);
        DenseSet set = backend.denseSet(List.of(seed), 1 << 20);
        Assumptions.assumeTrue(set != null, backend() + " has no dense sets");
        // out(in0, t1 + 1) :- in(in0, in1), r(in1, t1)
        JoinStep step = JoinStep.of(2, REL, new IndexSpec(new int[] {0, 1}, 1), List.of(in(1)), List.of(),
                List.of(in(0), new Binary(BinaryOp.ADD, ValueType.SIGNED, tuple(1), new Constant(1))));
        List<int[]> derived = new ArrayList<>();
        for (int[] l : left) {
            for (int[] r : rightSet) {
                if (r[0] == l[1]) {
                    derived.add(new int[] {l[0], r[1] + 1});
                }
            }
        }
        AbsentRows result = backend.joinAbsent(backend.prepare(step), input, index, set);
        assertTrue(result.outside().size() > 0 && result.added() > 0, "rows inside and outside the box");
        assertFiltered(set, download(seed), derived, result);
        backend.release(set);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void twoJoinsIntoADenseSetGiveWhatTheSecondGivesOnTheFirstsOutput(boolean computedHead) {
        int[][] left = randomRows(2000, 2, 30);
        Rows input = upload(2, left);
        Rows firstRelation = backend.sortUnique(upload(2, randomRows(1500, 2, 30)));
        Rows secondRelation = backend.sortUnique(upload(2, randomRows(1500, 2, 30)));
        IndexSpec byFirstColumn = new IndexSpec(new int[] {0, 1}, 1);
        Index firstIndex = backend.index(firstRelation, byFirstColumn);
        Index secondIndex = backend.index(secondRelation, byFirstColumn);
        // m(in0, t1) :- in(in0, in1), r(in1, t1), t1 != 3;  head(m0, t1 [+ 1]) :- m(m0, m1), s(m1, t1)
        JoinStep first = JoinStep.of(2, REL, byFirstColumn, List.of(in(1)),
                List.of(new Filter(CompareOp.NE, ValueType.SIGNED, tuple(1), new Constant(3))), List.of(in(0), tuple(1)));
        JoinStep second = JoinStep.of(2, REL, byFirstColumn, List.of(in(1)), List.of(), List.of(in(0), computedHead
                ? new Binary(BinaryOp.ADD, ValueType.SIGNED, tuple(1), new Constant(1)) : tuple(1)));
        Rows seed = seed(false);
        DenseSet fused = backend.denseSet(List.of(seed), 1 << 20);
        Assumptions.assumeTrue(fused != null, backend() + " has no dense sets");
        DenseSet stepwise = backend.denseSet(List.of(seed), 1 << 20);
        Prepared<JoinStep> firstReady = backend.prepare(first);
        Prepared<JoinStep> secondReady = backend.prepare(second);
        Rows middle = backend.join(firstReady, input, firstIndex);
        AbsentRows expected = backend.joinAbsent(secondReady, middle, secondIndex, stepwise);
        AbsentRows actual = backend.joinJoinAbsent(firstReady, firstIndex, secondReady, secondIndex, input, fused);
        assertTrue(expected.added() > 0 && expected.outside().size() > 0, "rows inside and outside the box");
        assertEquals(expected.derived(), actual.derived());
        assertEquals(expected.added(), actual.added());
        assertSameBag(download(expected.outside()), download(actual.outside()));
        assertRows(download(backend.takeAdded(stepwise)), download(backend.takeAdded(fused)));
        backend.release(fused);
        backend.release(stepwise);
    }

    @Test
    void cartesianJoinWithoutKey() {
        Rows input = upload(1, new int[][] {{1}, {2}});
        Rows relation = backend.sortUnique(upload(1, new int[][] {{7}, {8}, {9}}));
        Index index = backend.index(relation, new IndexSpec(new int[] {0}, 0));
        JoinStep step = JoinStep.of(1, REL, new IndexSpec(new int[] {0}, 0), List.of(), List.of(),
                List.of(in(0), tuple(0)));
        assertEquals(6, backend.join(backend.prepare(step), input, index).size());
    }

    @Test
    void antiJoinKeepsRowsWithoutMatch() {
        int[][] left = randomRows(2000, 2, 30);
        int[][] right = randomRows(500, 2, 30);
        Rows relation = backend.sortUnique(upload(2, right));
        List<int[]> rightSet = download(relation);
        Index index = backend.index(relation, new IndexSpec(new int[] {0, 1}, 1));
        AntiJoinStep step = new AntiJoinStep(2, REL, new IndexSpec(new int[] {0, 1}, 1), List.of(in(0)),
                List.of(), List.of(in(1)));
        List<int[]> expected = new ArrayList<>();
        for (int[] l : left) {
            if (rightSet.stream().noneMatch(r -> r[0] == l[0])) {
                expected.add(new int[] {l[1]});
            }
        }
        assertSameBag(expected, download(backend.antiJoin(backend.prepare(step), upload(2, left), index)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"COUNT", "SUM", "MIN", "MAX"})
    void aggregatePerInputRow(String kindName) {
        AggregateKind kind = AggregateKind.valueOf(kindName);
        int[][] left = randomRows(300, 1, 40);
        int[][] right = randomRows(2000, 2, 40);
        Rows relation = backend.sortUnique(upload(2, right));
        List<int[]> rightSet = download(relation);
        IndexSpec spec = new IndexSpec(new int[] {0, 1}, 1);
        Index index = backend.index(relation, spec);
        Expr target = kind == AggregateKind.COUNT ? null : tuple(1);
        // out(in0, agg) :- in(in0), agg = kind t1 : { r(in0, t1), t1 != 5 }, agg > -1000
        AggregateStep step = new AggregateStep(1, REL, spec, List.of(in(0)), kind, ValueType.SIGNED, target,
                List.of(new Filter(CompareOp.NE, ValueType.SIGNED, tuple(1), new Constant(5))),
                List.of(new Filter(CompareOp.GT, ValueType.SIGNED, new ColumnRef(Side.AGGREGATE, 0), new Constant(-1000))),
                List.of(in(0), new ColumnRef(Side.AGGREGATE, 0)));
        List<int[]> expected = new ArrayList<>();
        for (int[] l : left) {
            int[] values = rightSet.stream().filter(r -> r[0] == l[0] && r[1] != 5).mapToInt(r -> r[1]).toArray();
            if (values.length == 0 && (kind == AggregateKind.MIN || kind == AggregateKind.MAX)) {
                continue;
            }
            int value = switch (kind) {
                case COUNT -> values.length;
                case SUM -> Arrays.stream(values).sum();
                case MIN -> Arrays.stream(values).min().getAsInt();
                case MAX -> Arrays.stream(values).max().getAsInt();
                case MEAN -> throw new IllegalStateException("mean is over floats: see aggregateMeanOfFloats");
            };
            expected.add(new int[] {l[0], value});
        }
        assertSameBag(expected, download(backend.aggregate(backend.prepare(step), upload(1, left), index)));
    }

    @Test
    void aggregateMeanOfFloatsDropsRowsWithoutMatches() {
        int[][] left = randomRows(300, 1, 60);
        int[][] right = randomRows(2000, 2, 40);
        for (int[] row : right) {
            row[1] = Float.floatToRawIntBits(row[1]); // small whole numbers: every sum is exact
        }
        Rows relation = backend.sortUnique(upload(2, right));
        List<int[]> rightSet = download(relation);
        IndexSpec spec = new IndexSpec(new int[] {0, 1}, 1);
        Index index = backend.index(relation, spec);
        // out(in0, agg) :- in(in0), agg = mean t1 : { r(in0, t1) }
        AggregateStep step = new AggregateStep(1, REL, spec, List.of(in(0)), AggregateKind.MEAN, ValueType.FLOAT,
                tuple(1), List.of(), List.of(), List.of(in(0), new ColumnRef(Side.AGGREGATE, 0)));
        List<int[]> expected = new ArrayList<>();
        for (int[] l : left) {
            double[] values = rightSet.stream().filter(r -> r[0] == l[0])
                    .mapToDouble(r -> Float.intBitsToFloat(r[1])).toArray();
            if (values.length > 0) {
                float mean = (float) Arrays.stream(values).sum() / values.length;
                expected.add(new int[] {l[0], Float.floatToRawIntBits(mean)});
            }
        }
        assertTrue(expected.size() < left.length, "some input rows have no match");
        assertSameBag(expected, download(backend.aggregate(backend.prepare(step), upload(1, left), index)));
    }

    @Test
    void joinSkippingRepeatsEmitsOneRowPerDistinctReadColumns() {
        int[][] left = randomRows(500, 1, 20);
        int[][] right = randomRows(6000, 3, 20);
        Rows relation = backend.sortUnique(upload(3, right));
        List<int[]> rightSet = download(relation);
        // out(in0, t2) :- in(in0), r(in0, _, t2), with t1 only filtered (t1 != 3): order [0, 2, 1], distinct 2
        IndexSpec spec = new IndexSpec(new int[] {0, 2, 1}, 1);
        Index index = backend.index(relation, spec);
        JoinStep step = new JoinStep(1, REL, spec, 2, List.of(in(0)),
                List.of(new Filter(CompareOp.NE, ValueType.SIGNED, tuple(1), new Constant(3))), List.of(in(0), tuple(2)));
        List<int[]> expected = new ArrayList<>();
        for (int[] l : left) {
            rightSet.stream().filter(r -> r[0] == l[0] && r[1] != 3).mapToInt(r -> r[2]).distinct()
                    .forEach(v -> expected.add(new int[] {l[0], v}));
        }
        assertSameBag(expected, download(backend.join(backend.prepare(step), upload(1, left), index)));
        // existence check: out(in0) :- in(in0), r(in0, _, _), t2 > 10
        JoinStep exists = new JoinStep(1, REL, spec, 1, List.of(in(0)),
                List.of(new Filter(CompareOp.GT, ValueType.SIGNED, tuple(2), new Constant(10))), List.of(in(0)));
        List<int[]> present = new ArrayList<>();
        for (int[] l : left) {
            if (rightSet.stream().anyMatch(r -> r[0] == l[0] && r[2] > 10)) {
                present.add(new int[] {l[0]});
            }
        }
        assertSameBag(present, download(backend.join(backend.prepare(exists), upload(1, left), index)));
    }

    @Test
    void scanAndUnit() {
        int[][] rows = randomRows(5000, 2, 100);
        Rows relation = backend.sortUnique(upload(2, rows));
        List<int[]> set = download(relation);
        ScanStep scan = ScanStep.of(REL, 2, List.of(new Filter(CompareOp.EQ, ValueType.SIGNED, tuple(0), new Constant(7))),
                List.of(tuple(1)));
        List<int[]> expected = set.stream().filter(r -> r[0] == 7).map(r -> new int[] {r[1]}).toList();
        assertSameBag(expected, download(backend.scan(backend.prepare(scan), backend.index(relation, scan.order()))));
        Rows one = backend.unit(backend.prepare(new UnitStep(List.of(), List.of(new Constant(3), new Constant(4)))));
        assertRows(List.of(new int[] {3, 4}), download(one));
        Rows none = backend.unit(backend.prepare(new UnitStep(List.of(new Filter(CompareOp.LT, ValueType.SIGNED,
                new Constant(2), new Constant(1))), List.of(new Constant(3)))));
        assertEquals(0, none.size());
    }

    @Test
    void scanSkippingRepeatsEmitsEachDistinctReadColumnOnce() {
        int[][] rows = randomRows(20000, 3, 40);
        Rows relation = backend.sortUnique(upload(3, rows));
        List<int[]> set = download(relation);
        // out(t1) :- r(_, t1, t2), t2 < 30: order [1, 0, 2], one distinct column
        ScanStep scan = new ScanStep(REL, new IndexSpec(new int[] {1, 0, 2}, 0), 1,
                List.of(new Filter(CompareOp.LT, ValueType.SIGNED, tuple(2), new Constant(30))), List.of(tuple(1)));
        List<int[]> expected = set.stream().filter(r -> r[2] < 30).mapToInt(r -> r[1]).distinct()
                .mapToObj(v -> new int[] {v}).toList();
        assertSameBag(expected, download(backend.scan(backend.prepare(scan), backend.index(relation, scan.order()))));
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 3000})
    void aScanSkippingRepeatsWithoutAnIndexGivesEachOutputOnce(int range) {
        // few distinct outputs (30 x 30), and more than a chunk's hash set holds (400,000 rows, nearly all
        // distinct on the two columns, in chunks of at least 12,500 rows)
        int[][] rows = randomRows(range == 30 ? 60000 : 400_000, 3, range);
        Rows relation = backend.sortUnique(upload(3, rows));
        List<int[]> set = download(relation);
        // out(t2, t1) :- r(t0, t1, t2), t0 != 5: order [2, 1, 0], two distinct columns
        ScanStep step = new ScanStep(REL, new IndexSpec(new int[] {2, 1, 0}, 0), 2,
                List.of(new Filter(CompareOp.NE, ValueType.SIGNED, tuple(0), new Constant(5))), List.of(tuple(2), tuple(1)));
        assertTrue(step.skipsRepeats() && !step.groupsInStoredOrder());
        Prepared<ScanStep> ready = backend.prepare(step);
        Rows slice = backend.slice(relation, 1000, set.size() - 500);
        Rows whole = backend.scanDistinct(ready, relation);
        Assumptions.assumeTrue(whole != null, "the backend scans through an index only");
        List<int[]> expected = sortedSet(set.stream().filter(r -> r[0] != 5).map(r -> new int[] {r[2], r[1]}).toList());
        List<int[]> actual = download(whole);
        assertEquals(expected.size(), actual.size(), "one row per distinct output");
        assertSameBag(expected, actual);
        assertSameBag(download(backend.scan(ready, backend.index(relation, step.order()))), actual);
        List<int[]> inSlice = sortedSet(set.subList(1000, set.size() - 500).stream().filter(r -> r[0] != 5)
                .map(r -> new int[] {r[2], r[1]}).toList());
        assertSameBag(inSlice, download(backend.scanDistinct(ready, slice)));
    }

    @Test
    void aPreparedStepRunsManyTimes() {
        Rows relation = backend.sortUnique(upload(2, randomRows(3000, 2, 50)));
        IndexSpec spec = new IndexSpec(new int[] {0, 1}, 1);
        Index index = backend.index(relation, spec);
        Prepared<JoinStep> join = backend.prepare(JoinStep.of(1, REL, spec, List.of(in(0)),
                List.of(new Filter(CompareOp.GT, ValueType.SIGNED, tuple(1), in(0))), List.of(in(0), tuple(1))));
        List<int[]> first = download(backend.join(join, upload(1, randomRows(500, 1, 50)), index));
        for (int i = 0; i < 3; i++) {
            Rows input = upload(1, randomRows(500, 1, 50));
            List<int[]> rows = download(backend.join(join, input, index));
            rows.forEach(row -> assertEquals(true, row[1] > row[0], Arrays.toString(row)));
        }
        assertEquals(false, first.isEmpty());
        backend.release(join);
    }

    @Test
    void manyMergesIntoAGrowingFullKeepEveryRow() {
        // the shape of a semi-naive loop: full grows by a delta per iteration, reusing its buffers
        Rows full = backend.empty(2);
        TreeSet<int[]> model = new TreeSet<>(ROWS);
        for (int iteration = 0; iteration < 40; iteration++) {
            int[][] rows = randomRows(2000 + iteration * 500, 2, 4000);
            Rows delta = backend.sortUniqueDifference(upload(2, rows), full);
            full = backend.merge(full, delta);
            model.addAll(Arrays.asList(rows));
            backend.release(delta);
        }
        assertRows(new ArrayList<>(model), download(full));
    }

    @Test
    void largeRowSetsCrossEveryTileBoundary() {
        // sizes that are not multiples of any work-group or tile size, values over the whole int range
        for (int n : new int[] {1, 255, 257, 4097, 100_003}) {
            int[][] rows = randomRows(n, 2, n < 1000 ? 7 : Integer.MAX_VALUE);
            Rows sorted = backend.sortUnique(upload(2, rows));
            assertRows(sortedSet(Arrays.asList(rows)), download(sorted), "n = " + n);
            IndexSpec spec = new IndexSpec(new int[] {1, 0}, 1);
            Index index = backend.index(sorted, spec);
            Prepared<JoinStep> join = backend.prepare(JoinStep.of(1, REL, spec, List.of(in(0)), List.of(), List.of(tuple(0))));
            int[][] probes = new int[Math.min(n, 1000)][];
            for (int i = 0; i < probes.length; i++) {
                probes[i] = new int[] {rows[i][1]};
            }
            List<int[]> expected = new ArrayList<>();
            List<int[]> set = download(sorted);
            java.util.Map<Integer, List<int[]>> byKey = new java.util.HashMap<>();
            set.forEach(r -> byKey.computeIfAbsent(r[1], k -> new ArrayList<>()).add(r));
            for (int[] probe : probes) {
                byKey.getOrDefault(probe[0], List.of()).forEach(r -> expected.add(new int[] {r[0]}));
            }
            assertSameBag(expected, download(backend.join(join, upload(1, probes), index)));
        }
    }
}
