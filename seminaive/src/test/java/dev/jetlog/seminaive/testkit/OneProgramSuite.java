// Base of the engine-agnostic suites that evaluate one program once per backend and check its relations:
// skips (or fails, when the backend is required) without the backend, runs the program on two threads,
// and keeps every relation's rows as sorted lines for the tests (and makes sessions and reads their rows the
// same way).
package dev.jetlog.seminaive.testkit;

import dev.jetlog.seminaive.api.CompiledProgram;
import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.Session;
import dev.jetlog.seminaive.api.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OneProgramSuite {
    /** The backend under test, as named on the command line. */
    protected abstract String backend();

    /** The program whose relations the tests read. */
    protected abstract String program();

    /** Every relation's rows after the run, as sorted lines. */
    protected Map<String, List<String>> result;

    @BeforeEach
    void requireBackend() {
        BackendRequirement.check(backend());
    }

    @BeforeAll
    void runOnce() {
        if (BackendRequirement.available(backend())) {
            result = EngineRun.program(program()).run(backend(), 2);
        }
    }

    /** A session of the program on the backend under test, on two threads as the suite's run. */
    protected Session session(CompiledProgram program) {
        return program.newSession(EngineOptions.defaults().withBackend(backend()).withThreads(2));
    }

    /** A session's rows of the relation, as sorted lines. */
    protected static List<String> rows(Session session, String relation) {
        List<String> lines = new ArrayList<>();
        for (Tuple tuple : session.tuples(relation)) {
            lines.add(tuple.toString());
        }
        lines.sort(null);
        return lines;
    }

    /** The lines in the order the results are given (String order). */
    protected static List<String> sorted(String... lines) {
        List<String> list = new ArrayList<>(List.of(lines));
        list.sort(null);
        return list;
    }
}
