// The call-graph analysis through JetLog's Java API: compiles callgraph.dl once, inserts the extracted
// facts into a session, runs it, and answers questions with index-served queries.
package dev.jetlog.examples.callgraph;

import dev.jetlog.seminaive.api.CompiledProgram;
import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.Session;
import dev.jetlog.seminaive.api.TupleCursor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public final class CallGraph implements AutoCloseable {
    private static final CompiledProgram PROGRAM = JetLog.compile("callgraph.dl", source());

    private final Session session;

    /** Runs the analysis on the facts (relation name to rows of values, as FactExtractor gives them). */
    public CallGraph(Map<String, List<String[]>> facts, EngineOptions options) {
        session = PROGRAM.newSession(options);
        facts.forEach((relation, rows) -> {
            for (String[] row : rows) {
                session.insertTuple(relation, (Object[]) row);
            }
        });
        session.run();
    }

    private static String source() {
        try (InputStream in = CallGraph.class.getResourceAsStream("callgraph.dl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long count(String relation) {
        return session.count(relation);
    }

    /** True if the CHA (or RTA) call graph reaches the method from a main method. */
    public boolean reachable(String method, boolean rta) {
        return session.contains(rta ? "rtaReachable" : "chaReachable", method);
    }

    /** The methods a call graph says the caller may call. */
    public List<String> callees(String caller, boolean rta) {
        List<String> callees = new ArrayList<>();
        try (TupleCursor cursor = session.query(rta ? "rtaEdge" : "chaEdge", caller, Session.ANY)) {
            while (cursor.next()) {
                callees.add(cursor.getSymbol(1));
            }
        }
        return callees;
    }

    /** Every edge of a call graph whose caller is a method of the class, as {caller, callee}. */
    public List<String[]> edgesFrom(String className, boolean rta) {
        List<String[]> edges = new ArrayList<>();
        try (TupleCursor cursor = session.cursor(rta ? "rtaEdge" : "chaEdge")) {
            while (cursor.next()) {
                String caller = cursor.getSymbol(0);
                if (caller.startsWith(className + ".")) {
                    edges.add(new String[] {caller, cursor.getSymbol(1)});
                }
            }
        }
        return edges;
    }

    @Override
    public void close() {
        session.close();
    }
}
