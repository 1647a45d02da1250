// The wall time of each phase of one command-line run (compile, read facts, evaluate, write outputs), for
// the last line of --stats: with the time since the JVM started, it shows what the evaluation's own table
// leaves out (start-up, parsing, planning, input and output).
package dev.jetlog.cli;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

final class PhaseTimes {
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private String current;
    private long currentStart;

    /** Ends the phase under way, if any, and starts the named one. */
    void start(String phase) {
        end();
        current = phase;
        currentStart = System.nanoTime();
    }

    /** Ends the phase under way, if any. */
    void end() {
        if (current != null) {
            nanos.merge(current, System.nanoTime() - currentStart, Long::sum);
            current = null;
        }
    }

    /** "run: compile 183 ms, read facts 41 ms, ...; 2,042 ms since the JVM started", ending the phase under way. */
    String format() {
        end();
        StringBuilder line = new StringBuilder("run:");
        String separator = " ";
        for (Map.Entry<String, Long> phase : nanos.entrySet()) {
            line.append(separator).append(phase.getKey()).append(' ').append(milliseconds(phase.getValue()))
                    .append(" ms");
            separator = ", ";
        }
        long sinceStart = ManagementFactory.getRuntimeMXBean().getUptime();
        return line.append("; ").append(String.format(Locale.ROOT, "%,d", sinceStart))
                .append(" ms since the JVM started").toString();
    }

    private static String milliseconds(long nanos) {
        return String.format(Locale.ROOT, "%,.1f", nanos / 1e6);
    }
}
