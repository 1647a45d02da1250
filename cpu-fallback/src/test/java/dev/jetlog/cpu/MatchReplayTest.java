// A points-to analysis whose load rule replays matches across new fieldPointsTo rows of one (heap, field)
// (MatchReplay), against a naive fixpoint computed here: random programs with moves (many iterations), and
// a field loaded 17,000 times, more than one row's recorded matches may hold.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.api.CompiledProgram;
import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MatchReplayTest {
    private static final String PROGRAM = """
            .decl alloc(v: number, h: number)
            .decl move(to: number, from: number)
            .decl load(to: number, base: number, f: number)
            .decl store(base: number, f: number, from: number)
            .decl varPointsTo(v: number, h: number)
            .decl fieldPointsTo(baseHeap: number, f: number, h: number)
            varPointsTo(v, h) :- alloc(v, h).
            varPointsTo(to, h) :- move(to, from), varPointsTo(from, h).
            fieldPointsTo(baseHeap, f, h) :- store(base, f, from), varPointsTo(from, h), varPointsTo(base, baseHeap).
            varPointsTo(to, h) :- load(to, base, f), varPointsTo(base, baseHeap), fieldPointsTo(baseHeap, f, h).
            """;

    /** The facts, each relation's rows as int[] tuples. */
    private record Facts(List<int[]> alloc, List<int[]> move, List<int[]> load, List<int[]> store) {
        static Facts empty() {
            return new Facts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 2", "2, 2", "3, 1", "4, 2", "5, 2"})
    void randomPointsToAgreesWithANaiveFixpoint(long seed, int threads) {
        SplittableRandom random = new SplittableRandom(seed);
        int vars = 300;
        int heaps = 40;
        int fields = 6;
        Facts facts = Facts.empty();
        for (int i = 0; i < 120; i++) {
            facts.alloc().add(new int[] {random.nextInt(vars), random.nextInt(heaps)});
        }
        for (int i = 0; i < 250; i++) {
            facts.move().add(new int[] {random.nextInt(vars), random.nextInt(vars)});
        }
        for (int i = 0; i < 200; i++) {
            facts.load().add(new int[] {random.nextInt(vars), random.nextInt(vars), random.nextInt(fields)});
            facts.store().add(new int[] {random.nextInt(vars), random.nextInt(fields), random.nextInt(vars)});
        }
        assertAgrees(facts, threads);
    }

    @ParameterizedTest
    @CsvSource({"1", "2"})
    void aRowWithMoreMatchesThanAreRecordedStillDerivesEverything(int threads) {
        Facts facts = Facts.empty();
        int loads = 17_000;
        int heapOfBases = 0;
        for (int i = 0; i < loads; i++) {
            int base = 100_000 + i;
            facts.alloc().add(new int[] {base, heapOfBases});
            facts.load().add(new int[] {200_000 + i, base, 7});
        }
        // store(s, 7, x) with s pointing to heap 0 and x to 20 heaps: fieldPointsTo(0, 7, h) for 20 h, one (heap, field)
        facts.alloc().add(new int[] {1, heapOfBases});
        for (int h = 1; h <= 20; h++) {
            facts.alloc().add(new int[] {2, h});
        }
        facts.store().add(new int[] {1, 7, 2});
        assertAgrees(facts, threads);
    }

    private static void assertAgrees(Facts facts, int threads) {
        CompiledProgram program = JetLog.compile("replay.dl", PROGRAM);
        try (Session session = program.newSession(EngineOptions.defaults().withBackend("cpu").withThreads(threads))) {
            insert(session, "alloc", facts.alloc());
            insert(session, "move", facts.move());
            insert(session, "load", facts.load());
            insert(session, "store", facts.store());
            session.run();
            Set<List<Integer>> expectedVar = new HashSet<>();
            Set<List<Integer>> expectedField = new HashSet<>();
            naiveFixpoint(facts, expectedVar, expectedField);
            assertEquals(expectedVar, rows(session.rows("varPointsTo"), 2), "varPointsTo");
            assertEquals(expectedField, rows(session.rows("fieldPointsTo"), 3), "fieldPointsTo");
        }
    }

    private static void insert(Session session, String relation, List<int[]> rows) {
        for (int[] row : rows) {
            session.insert(relation, row);
        }
    }

    private static Set<List<Integer>> rows(int[] rowMajor, int arity) {
        Set<List<Integer>> rows = new HashSet<>();
        for (int r = 0; r < rowMajor.length; r += arity) {
            List<Integer> row = new ArrayList<>();
            for (int c = 0; c < arity; c++) {
                row.add(rowMajor[r + c]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The rules applied to everything known until nothing new comes (no semi-naive evaluation). */
    private static void naiveFixpoint(Facts facts, Set<List<Integer>> varPointsTo, Set<List<Integer>> fieldPointsTo) {
        Map<Integer, Set<Integer>> heapsOf = new HashMap<>();
        Map<List<Integer>, Set<Integer>> heapsInField = new HashMap<>();
        for (int[] a : facts.alloc()) {
            heapsOf.computeIfAbsent(a[0], v -> new HashSet<>()).add(a[1]);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] m : facts.move()) {
                for (int h : List.copyOf(heapsOf.getOrDefault(m[1], Set.of()))) {
                    changed |= heapsOf.computeIfAbsent(m[0], v -> new HashSet<>()).add(h);
                }
            }
            for (int[] s : facts.store()) {
                for (int h : List.copyOf(heapsOf.getOrDefault(s[2], Set.of()))) {
                    for (int baseHeap : List.copyOf(heapsOf.getOrDefault(s[0], Set.of()))) {
                        changed |= heapsInField.computeIfAbsent(List.of(baseHeap, s[1]), k -> new HashSet<>()).add(h);
                    }
                }
            }
            for (int[] l : facts.load()) {
                for (int baseHeap : List.copyOf(heapsOf.getOrDefault(l[1], Set.of()))) {
                    for (int h : List.copyOf(heapsInField.getOrDefault(List.of(baseHeap, l[2]), Set.of()))) {
                        changed |= heapsOf.computeIfAbsent(l[0], v -> new HashSet<>()).add(h);
                    }
                }
            }
        }
        heapsOf.forEach((v, heaps) -> heaps.forEach(h -> varPointsTo.add(List.of(v, h))));
        heapsInField.forEach((key, heaps) -> heaps.forEach(h -> fieldPointsTo.add(List.of(key.get(0), key.get(1), h))));
    }
}
