// A merge of tiers that the Java heap cannot hold is put off: the run goes on with the tiers apart and
// finds every tuple; when a negation needs the relation as one sorted set and that merge is refused too,
// the run fails naming the relation.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.api.CompiledProgram;
import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.JetLogException;
import dev.jetlog.seminaive.api.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapStarvedMergeTest {
    private static final String TC = """
            .decl edge(x: number, y: number)
            .decl path(x: number, y: number)
            path(x, y) :- edge(x, y).
            path(x, z) :- path(x, y), edge(y, z).
            """;
    private static final String NEGATION = """
            .decl cutOff(x: number)
            cutOff(x) :- edge(x, _), !path(x, 150).
            """;
    private static final int LENGTH = 300;

    @AfterEach
    void restoreTheHeap() {
        System.clearProperty(HeapStarvedBackendProvider.PROPERTY);
    }

    private static Session starvedSession(String program, int refusals, long maxRows) {
        System.setProperty(HeapStarvedBackendProvider.PROPERTY, refusals + ":" + maxRows);
        CompiledProgram compiled = JetLog.compile("tc.dl", program);
        Session session = compiled.newSession(EngineOptions.defaults().withBackend(HeapStarvedBackend.NAME).withThreads(2));
        for (int i = 0; i < LENGTH; i++) {
            session.insert("edge", i, i + 1);
        }
        return session;
    }

    @Test
    void aMergeTheHeapRefusesIsPutOffAndEveryTupleIsFound() {
        try (Session session = starvedSession(TC, 1, 2000)) {
            session.run();
            assertEquals(1, HeapStarvedBackendProvider.last.refused(), "the loop tried a merge above 2,000 rows");
            assertEquals(LENGTH * (LENGTH + 1) / 2, session.count("path"));
        }
    }

    @Test
    void tiersTheHeapNeverMergesStayApartToTheEnd() {
        try (Session session = starvedSession(TC, Integer.MAX_VALUE, 2000)) {
            session.run();
            assertTrue(HeapStarvedBackendProvider.last.refused() > 1, "merges were put off");
            assertEquals(LENGTH * (LENGTH + 1) / 2, session.count("path"));
        }
    }

    @Test
    void aNegationThatNeedsOneSortedSetTheHeapCannotMergeFailsTheRunNamingTheRelation() {
        try (Session session = starvedSession(TC + NEGATION, Integer.MAX_VALUE, 2000)) {
            JetLogException failure = assertThrows(JetLogException.class, session::run);
            assertTrue(failure.getMessage().startsWith("out of memory merging the "), failure.getMessage());
            assertTrue(failure.getMessage().contains(" tiers of path into one ("), failure.getMessage());
            assertTrue(failure.getMessage().contains("run java with a larger -Xmx"), failure.getMessage());
        }
    }

    @Test
    void withMemoryToMergeTheNegationHolds() {
        try (Session session = starvedSession(TC + NEGATION, 0, 2000)) {
            session.run();
            assertEquals(150, session.count("cutOff"), "the nodes from 150 on do not reach 150");
            assertEquals(LENGTH * (LENGTH + 1) / 2, session.count("path"));
        }
    }
}
