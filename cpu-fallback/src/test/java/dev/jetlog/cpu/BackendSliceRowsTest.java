// The driver cuts a step's input into slices of the backend's size (Backend.sliceRows) unless the
// evaluation options name one: a backend whose fifth join fails shows how many slices a join took.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.api.CompiledProgram;
import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.JetLogException;
import dev.jetlog.seminaive.api.Session;
import dev.jetlog.seminaive.eval.EvaluationOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackendSliceRowsTest {
    /** 30,000 rows of e, each matching 10 of f: 300,000 rows of p from one join step. */
    private static final CompiledProgram FAN_OUT = JetLog.compile("fan.dl", """
            .decl e(x: number, y: number)
            .decl f(y: number, z: number)
            .decl p(x: number, z: number)
            p(x, z) :- e(x, y), f(y, z).
            """);
    private static final EngineOptions ON_THE_TEST_DEVICE = EngineOptions.defaults().withBackend(FaultyDeviceBackend.NAME);

    @BeforeEach
    void failAtTheFifthJoin() {
        System.setProperty(FaultyDeviceBackendProvider.PROPERTY, "5");
    }

    @AfterEach
    void disableTheTestDevice() {
        System.clearProperty(FaultyDeviceBackendProvider.PROPERTY);
        System.clearProperty(FaultyDeviceBackendProvider.SLICE_PROPERTY);
    }

    private static long run(EngineOptions options) {
        try (Session session = FAN_OUT.newSession(options)) {
            for (int x = 0; x < 30_000; x++) {
                session.insert("e", x, x % 100);
            }
            for (int y = 0; y < 100; y++) {
                for (int z = 0; z < 10; z++) {
                    session.insert("f", y, z);
                }
            }
            session.run();
            return session.count("p");
        }
    }

    @Test
    void theDefaultSliceTakesTheWholeInputInAFewJoins() {
        assertEquals(300_000, run(ON_THE_TEST_DEVICE));
    }

    @Test
    void aBackendAskingForSmallSlicesGetsManyJoins() {
        System.setProperty(FaultyDeviceBackendProvider.SLICE_PROPERTY, "4096");
        JetLogException failure = assertThrows(JetLogException.class, () -> run(ON_THE_TEST_DEVICE));
        assertTrue(failure.getMessage().contains("simulated, join 5"), failure.getMessage());
    }

    @Test
    void evaluationOptionsNamingASliceOverrideTheBackend() {
        System.setProperty(FaultyDeviceBackendProvider.SLICE_PROPERTY, "4096");
        assertEquals(300_000, run(ON_THE_TEST_DEVICE.withEvaluation(new EvaluationOptions(1L << 20, 1L << 24))));
    }
}
