// Wildcard atoms on a real graph through the CLI: `r(x) :- edge(x, _), edge(_, x).` on wiki-Vote must be
// existence checks, so --stats shows candidates in proportion to the output, not to the degrees.
package dev.jetlog.cli;

import dev.jetlog.seminaive.testkit.SharedFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExistenceCheckTest {
    @TempDir
    Path work;

    @Test
    void wildcardAtomsOnWikiVoteDeriveCandidatesInProportionToTheirOutput() throws IOException {
        Path graph = SharedFolder.require("datasets/graphs/wiki-Vote.tsv", "graph wiki-Vote");
        Path facts = Files.createDirectories(work.resolve("facts"));
        Files.createSymbolicLink(facts.resolve("edge.facts"), graph.toAbsolutePath());
        long edges;
        try (var lines = Files.lines(graph)) {
            edges = lines.filter(line -> !line.isBlank()).count();
        }
        Path program = work.resolve("r.dl");
        Files.writeString(program, """
                .decl edge(x: number, y: number)
                .input edge
                .decl r(x: number)
                .printsize r
                r(x) :- edge(x, _), edge(_, x).
                .decl busy(x: number)
                .printsize busy
                busy(x) :- edge(x, _), edge(_, x), edge(x, y), edge(y, _).
                """);

        CliRun run = CliRun.of(program.toString(), "-F", facts.toString(), "-j", "2", "--backend", "cpu", "--stats");

        assertEquals(0, run.status(), run.toString());
        assertEquals("r\t1376\nbusy\t1312", run.out().strip(), "Soufflé 2.5's counts");
        // r: one candidate per node it keeps (a join would derive 4.5 million); busy: at most one per edge
        assertEquals(1376, candidates(run.err(), "r"), run.err());
        long busy = candidates(run.err(), "busy");
        assertTrue(busy <= edges, busy + " candidates for busy, " + edges + " edges\n" + run.err());
    }

    /** The candidates column of the --stats line of the stratum that holds only the relation. */
    private static long candidates(String stats, String relation) {
        Matcher line = Pattern.compile("(?m)^\\d+\\s+" + Pattern.quote(relation) + "\\s+\\d+\\s+(\\d+)\\s").matcher(stats);
        assertTrue(line.find(), "no stats line for " + relation + " in\n" + stats);
        return Long.parseLong(line.group(1));
    }
}
