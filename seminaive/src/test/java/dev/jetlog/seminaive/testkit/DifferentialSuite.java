// Engine-agnostic differential test: random programs evaluated by a backend and by the naive reference evaluator must agree.
package dev.jetlog.seminaive.testkit;

import dev.jetlog.parser.DatalogParser;
import dev.jetlog.seminaive.eval.EvaluationOptions;
import dev.jetlog.seminaive.eval.EvaluationStats;
import dev.jetlog.seminaive.eval.StratumStats;
import dev.jetlog.seminaive.reference.NaiveEvaluator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * For each seed, {@link RandomPrograms} generates a program and facts; the backend under test (with 1 or 3
 * threads, for every fifth seed with tiny chunks and candidate budgets to exercise bounded memory, and for
 * another fifth with dense sets made, and rebuilt, between iterations as soon as any row took the sort path)
 * and {@link NaiveEvaluator} must produce the same rows for every relation, and the engine may derive no more
 * candidate tuples than the reference's bound (distinct body matches per rule version). A failure prints the seed, a
 * self-contained reproduction (program plus facts) and the first differing rows.
 *
 * <p>System properties: {@code jetlog.differential.cases} (default 1000, or the backend's defaultCases) sets how
 * many seeds run, from
 * {@code jetlog.differential.seed} (default 0); run one seed with e.g.
 * {@code -Djetlog.differential.seed=123 -Djetlog.differential.cases=1}.
 */
public abstract class DifferentialSuite {
    private static final int SHOWN_DIFFERENCES = 8;

    /** The backend under test, as named on the command line. */
    protected abstract String backend();

    @org.junit.jupiter.api.BeforeEach
    void requireBackend() {
        BackendRequirement.check(backend());
    }

    /** How many seeds run when jetlog.differential.cases is not set. */
    protected int defaultCases() {
        return 1000;
    }

    @TestFactory
    Stream<DynamicTest> randomProgramsAgreeWithTheReference() {
        long first = Long.getLong("jetlog.differential.seed", 0);
        int cases = Integer.getInteger("jetlog.differential.cases", defaultCases());
        return LongStream.range(first, first + cases)
                .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
    }

    private void check(long seed) {
        RandomPrograms.Case generated = RandomPrograms.generate(seed);
        int threads = seed % 2 == 0 ? 1 : 3;
        // every fifth seed: tiny chunks and budgets; every other fifth: dense sets made between iterations as
        // soon as a row took the sort path (so that they are rebuilt as the relations grow and read by joins)
        EvaluationOptions evaluation = switch ((int) (seed % 5)) {
            case 4 -> new EvaluationOptions(3, 5, 1);
            case 2 -> new EvaluationOptions(EvaluationOptions.DEFAULT.chunkRows(),
                    EvaluationOptions.DEFAULT.candidateBudgetRows(), 1);
            default -> EvaluationOptions.DEFAULT;
        };
        String setting = backend() + ", " + threads + " thread(s), " + evaluation;
        NaiveEvaluator.Reference reference;
        EngineRun.Outcome outcome;
        try {
            reference = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> NaiveEvaluator.evaluateWithBound(DatalogParser.parse("random.dl", generated.source()),
                            generated.facts()),
                    () -> "reference evaluator timed out on\n" + generated.describe());
            EngineRun run = EngineRun.program(generated.source()).options(evaluation);
            generated.facts().forEach((relation, rows) -> rows.forEach(row -> run.fact(relation, row)));
            outcome = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run.execute(backend(), threads),
                    () -> "engine (" + setting + ") timed out on\n" + generated.describe());
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + " (" + setting + ") failed with " + e + " on\n"
                    + generated.describe(), e);
        }
        Map<String, List<String>> expected = reference.relations();
        Map<String, List<String>> actual = outcome.relations();
        if (!expected.equals(actual)) {
            fail("seed " + seed + ": engine (" + setting + ") differs from the reference on\n"
                    + generated.describe() + differences(expected, actual));
        }
        // an unread column (`_`, a variable used once) must never multiply the rows a rule derives; not checked
        // with eqrel relations, whose values change class as classes merge (rows read again under the new class)
        long derived = userCandidates(outcome.stats());
        if (derived > reference.candidateBound() && !generated.source().contains(" eqrel")) {
            fail("seed " + seed + ": engine (" + setting + ") derived " + derived + " candidate tuples, more than the "
                    + reference.candidateBound() + " distinct body matches allow, on\n" + generated.describe());
        }
    }

    /**
     * Incremental runs: the facts arrive in two to four batches, with run() after each (continuing from
     * the last fixpoint); after the last batch every relation must equal the reference's from-scratch
     * result on all the facts. Every seventh case clears a relation and refills it in between.
     */
    @TestFactory
    Stream<DynamicTest> incrementalRunsAgreeWithTheReference() {
        long first = Long.getLong("jetlog.differential.seed", 0);
        int cases = Integer.getInteger("jetlog.differential.cases", defaultCases()) / 3;
        return LongStream.range(first, first + cases)
                .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> checkIncremental(seed)));
    }

    private void checkIncremental(long seed) {
        RandomPrograms.Case generated = RandomPrograms.generate(seed);
        java.util.Random random = new java.util.Random(seed);
        int batches = 2 + random.nextInt(3);
        Map<String, List<String>> expected = NaiveEvaluator.evaluate(DatalogParser.parse("random.dl", generated.source()),
                generated.facts());
        dev.jetlog.seminaive.api.CompiledProgram program = dev.jetlog.seminaive.api.JetLog.compile("random.dl",
                generated.source());
        Map<String, List<String>> actual;
        try (dev.jetlog.seminaive.api.Session session = program.newSession(dev.jetlog.seminaive.api.EngineOptions
                .defaults().withBackend(backend()).withThreads(1 + (int) (seed % 2)))) {
            List<String> relations = new ArrayList<>(generated.facts().keySet());
            for (int batch = 0; batch < batches; batch++) {
                for (String relation : relations) {
                    List<Object[]> rows = generated.facts().get(relation);
                    for (int r = batch; r < rows.size(); r += batches) {
                        session.insertTuple(relation, rows.get(r));
                    }
                }
                if (seed % 7 == 3 && batch == 0 && !relations.isEmpty()) {
                    session.run();
                    String relation = relations.get(0);
                    session.clear(relation);
                    List<Object[]> rows = generated.facts().get(relation);
                    for (int r = 0; r < rows.size(); r += batches) {
                        session.insertTuple(relation, rows.get(r));
                    }
                }
                session.run();
            }
            actual = EngineRun.results(program, session);
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + " (incremental, " + backend() + ") failed with " + e + " on\n"
                    + generated.describe(), e);
        }
        if (!expected.equals(actual)) {
            fail("seed " + seed + ": incremental runs (" + batches + " batches, " + backend() + ") differ from the "
                    + "reference on\n" + generated.describe() + differences(expected, actual));
        }
    }

    /**
     * The magic-set transformation: each random program under {@code .pragma "magic-transform" "*"}, with output
     * relations that read its derived relations with constants in some columns, must give the reference's rows
     * for every output (the other relations hold only what the outputs need). Odd seeds insert the facts in two
     * batches with a run after each, so the transformed strata are also extended incrementally.
     */
    @TestFactory
    Stream<DynamicTest> magicSetProgramsAgreeWithTheReferenceOnTheirOutputs() {
        long first = Long.getLong("jetlog.differential.seed", 0);
        int cases = Integer.getInteger("jetlog.differential.cases", defaultCases()) / 2;
        return LongStream.range(first, first + cases)
                .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> checkMagicSets(seed)));
    }

    private void checkMagicSets(long seed) {
        RandomPrograms.Case generated = RandomPrograms.generateQueried(seed);
        boolean incremental = seed % 2 == 1;
        Map<String, List<String>> expected = new java.util.TreeMap<>();
        Map<String, List<String>> actual = new java.util.TreeMap<>();
        try {
            Map<String, List<String>> reference = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> NaiveEvaluator.evaluate(DatalogParser.parse("random.dl", generated.source()),
                            generated.facts()),
                    () -> "reference evaluator timed out on\n" + generated.describe());
            dev.jetlog.seminaive.api.CompiledProgram program = dev.jetlog.seminaive.api.JetLog.compile("random.dl",
                    generated.source());
            Map<String, List<String>> engine = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (dev.jetlog.seminaive.api.Session session = program.newSession(dev.jetlog.seminaive.api
                        .EngineOptions.defaults().withBackend(backend()).withThreads(seed % 3 == 0 ? 2 : 1))) {
                    int batches = incremental ? 2 : 1;
                    for (int batch = 0; batch < batches; batch++) {
                        for (Map.Entry<String, List<Object[]>> facts : generated.facts().entrySet()) {
                            for (int r = batch; r < facts.getValue().size(); r += batches) {
                                session.insertTuple(facts.getKey(), facts.getValue().get(r));
                            }
                        }
                        session.run();
                    }
                    return EngineRun.results(program, session);
                }
            }, () -> "engine (" + backend() + ") timed out on\n" + generated.describe());
            for (String output : program.outputRelations()) {
                expected.put(output, reference.get(output));
                actual.put(output, engine.get(output));
            }
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + " (magic sets, " + backend() + ") failed with " + e + " on\n"
                    + generated.describe(), e);
        }
        if (!expected.equals(actual)) {
            fail("seed " + seed + ": magic sets (" + (incremental ? "two batches, " : "") + backend()
                    + ") differ from the reference on\n" + generated.describe() + differences(expected, actual));
        }
    }

    /** Candidates derived by the program's own rules (not by the hidden relations of aggregate bodies). */
    private static long userCandidates(EvaluationStats stats) {
        return stats.strata().stream().filter(s -> s.relations().stream().noneMatch(r -> r.startsWith("@")))
                .mapToLong(StratumStats::candidates).sum();
    }

    /** Per relation that differs: rows only the reference derived and rows only the engine derived. */
    static String differences(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        StringBuilder text = new StringBuilder();
        TreeSet<String> relations = new TreeSet<>(expected.keySet());
        relations.addAll(actual.keySet());
        for (String relation : relations) {
            List<String> want = expected.getOrDefault(relation, List.of());
            List<String> got = actual.getOrDefault(relation, List.of());
            if (want.equals(got)) {
                continue;
            }
            text.append("relation ").append(relation).append(": reference has ").append(want.size())
                    .append(" rows, engine ").append(got.size()).append('\n');
            appendRows(text, "  only in reference: ", without(want, got));
            appendRows(text, "  only in engine:    ", without(got, want));
        }
        return text.toString();
    }

    private static List<String> without(List<String> rows, List<String> others) {
        List<String> remaining = new ArrayList<>(rows);
        for (String other : others) {
            remaining.remove(other);
        }
        return remaining;
    }

    private static void appendRows(StringBuilder text, String label, List<String> rows) {
        if (rows.isEmpty()) {
            return;
        }
        text.append(label);
        for (int i = 0; i < Math.min(rows.size(), SHOWN_DIFFERENCES); i++) {
            text.append(i == 0 ? "" : " | ").append(rows.get(i).replace('\t', ','));
        }
        text.append(rows.size() > SHOWN_DIFFERENCES ? " | ... (" + rows.size() + ")" : "").append('\n');
    }
}
