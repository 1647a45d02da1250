// The memory limit counts the rows a debug_delta relation records while its stratum runs: a program whose
// relation fits stops, naming those rows, once its debug relation would take it past the limit. On the CPU
// backend, whose only scratch space is the candidates, the two runs differ by just those rows.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.api.CompiledProgram;
import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.JetLogException;
import dev.jetlog.seminaive.api.Session;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DebugDeltaMemoryTest {
    private static final String PATH = """
            .decl edge(x: number, y: number)
            .decl path(x: number, y: number)
            path(x, y) :- edge(x, y).
            path(x, z) :- path(x, y), edge(y, z).
            """;
    private static final int NODES = 1500;
    private static final long LIMIT = 16L << 20;

    @Test
    void recordedRowsCountAgainstTheMemoryLimit() {
        try (Session plain = chain(PATH)) {
            plain.run();
            assertEquals((long) NODES * (NODES + 1) / 2, plain.count("path"));
        }
        try (Session debugged = chain(PATH + ".decl path_delta = debug_delta(path)\n")) {
            JetLogException e = assertThrows(JetLogException.class, debugged::run);
            assertTrue(e.getMessage().startsWith("memory limit of 16.0 MiB reached in stratum 0 (path, path_delta)"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("rows recorded for debug_delta relations"), e.getMessage());
        }
    }

    private static Session chain(String source) {
        CompiledProgram program = JetLog.compile("chain.dl", source);
        Session session = program.newSession(EngineOptions.defaults().withBackend("cpu").withThreads(2)
                .withMemoryLimit(LIMIT));
        for (int i = 0; i < NODES; i++) {
            session.insert("edge", i, i + 1);
        }
        return session;
    }
}
