// Test helper: compiles a program, inserts facts, runs it on a named backend and returns every
// relation as sorted lines of tab-separated values.
package dev.jetlog.seminaive.testkit;

import dev.jetlog.seminaive.api.CompiledProgram;
import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.Functor;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.Session;
import dev.jetlog.seminaive.api.Tuple;
import dev.jetlog.seminaive.eval.EvaluationOptions;
import dev.jetlog.seminaive.eval.EvaluationStats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public final class EngineRun {
    private final String source;
    private final Map<String, List<Object[]>> facts = new LinkedHashMap<>();
    private EvaluationOptions evaluation = EvaluationOptions.DEFAULT;
    private final Map<String, Functor> functors = new LinkedHashMap<>();

    private EngineRun(String source) {
        this.source = source;
    }

    public static EngineRun program(String source) {
        return new EngineRun(source);
    }

    /** Adds a fact; values as Session.insertTuple takes them. */
    public EngineRun fact(String relation, Object... values) {
        facts.computeIfAbsent(relation, r -> new ArrayList<>()).add(values);
        return this;
    }

    /** The facts added so far, by relation. */
    public Map<String, List<Object[]>> facts() {
        return facts;
    }

    /** Registers the implementation of a user-defined functor. */
    public EngineRun functor(String name, Functor implementation) {
        functors.put(name, implementation);
        return this;
    }

    public EngineRun options(EvaluationOptions options) {
        this.evaluation = options;
        return this;
    }

    /** Every relation's rows, as sorted lines. */
    public Map<String, List<String>> run(String backend, int threads) {
        return execute(backend, threads).relations();
    }

    /** Every relation's rows, as sorted lines, and the evaluation's statistics. */
    public Outcome execute(String backend, int threads) {
        CompiledProgram program = JetLog.compile("test.dl", source);
        EngineOptions options = EngineOptions.defaults().withBackend(backend).withThreads(threads).withEvaluation(evaluation);
        for (Map.Entry<String, Functor> functor : functors.entrySet()) {
            options = options.withFunctor(functor.getKey(), functor.getValue());
        }
        try (Session session = program.newSession(options)) {
            facts.forEach((relation, rows) -> rows.forEach(row -> session.insertTuple(relation, row)));
            EvaluationStats stats = session.run();
            return new Outcome(results(program, session), stats);
        }
    }

    /** What a run gave. */
    public record Outcome(Map<String, List<String>> relations, EvaluationStats stats) {
    }

    /** Every relation's rows of a session that has run, as sorted lines. */
    public static Map<String, List<String>> results(CompiledProgram program, Session session) {
        Map<String, List<String>> result = new TreeMap<>();
        for (String relation : program.relationNames()) {
            List<String> lines = new ArrayList<>();
            for (Tuple tuple : session.tuples(relation)) {
                lines.add(tuple.toString());
            }
            lines.sort(null);
            result.put(relation, lines);
        }
        return result;
    }
}
