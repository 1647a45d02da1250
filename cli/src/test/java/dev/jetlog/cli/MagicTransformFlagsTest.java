// Tests Soufflé's -m/--magic-transform and --magic-transform-exclude on the command line: they select
// relations for the magic-set transformation as the pragma does, without changing the outputs; a name the
// program does not declare is a warning, an empty name a usage error.
package dev.jetlog.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicTransformFlagsTest {
    @TempDir
    Path dir;

    /** Same generation on a binary tree of 127 nodes, asked for one pair: Soufflé's magic_samegen, smaller. */
    private Path sameGeneration() throws IOException {
        StringBuilder program = new StringBuilder("""
                .decl parent(x: number, y: number)
                .decl samegen(x: number, y: number)
                .decl query(y: number)
                .output query
                samegen(x, x) :- parent(x, _).
                samegen(x, x) :- parent(_, x).
                samegen(x, y) :- parent(x, p), samegen(p, q), parent(y, q).
                query(y) :- samegen(100, y).
                """);
        for (int child = 2; child <= 127; child++) {
            program.append("parent(").append(child).append(", ").append(child / 2).append(").\n");
        }
        Path file = dir.resolve("samegen.dl");
        Files.writeString(file, program);
        return file;
    }

    @Test
    void theFlagsSelectRelationsForTheTransformationWithoutChangingTheOutputs() throws IOException {
        Path program = sameGeneration();
        CliRun bottomUp = CliRun.of(program.toString(), "-D", "-", "--stats", "-w");
        CliRun magic = CliRun.of(program.toString(), "-D", "-", "--stats", "-w", "-m", "samegen");
        CliRun all = CliRun.of(program.toString(), "-D", "-", "--stats", "-w", "--magic-transform=*");
        CliRun excluded = CliRun.of(program.toString(), "-D", "-", "--stats", "-w", "--magic-transform=*",
                "--magic-transform-exclude=samegen");
        for (CliRun run : new CliRun[] {bottomUp, magic, all, excluded}) {
            assertEquals(0, run.status(), run.toString());
            assertEquals(bottomUp.out(), run.out(), "the same outputs: " + run);
        }
        // the nodes of node 100's generation (64..127), and the transformation's relations in the statistics
        assertEquals(64, bottomUp.out().lines().filter(line -> line.matches("\\d+")).count(), bottomUp.toString());
        assertTrue(magic.err().contains("samegen@magic_bf"), magic.toString());
        assertTrue(all.err().contains("samegen@magic_bf"), all.toString());
        assertFalse(bottomUp.err().contains("@magic"), bottomUp.toString());
        assertFalse(excluded.err().contains("@magic"), excluded.toString());
    }

    @Test
    void anUndeclaredNameIsAWarningAndAnEmptyOneAUsageError() throws IOException {
        Path program = sameGeneration();
        CliRun undeclared = CliRun.of(program.toString(), "-D", "-", "-m", "samegen,nope");
        assertEquals(0, undeclared.status(), undeclared.toString());
        assertTrue(undeclared.err().contains(
                "jetlog: warning: --magic-transform names 'nope', which the program does not declare"), undeclared.toString());
        CliRun quiet = CliRun.of(program.toString(), "-D", "-", "-w", "--magic-transform-exclude=nope");
        assertEquals(0, quiet.status(), quiet.toString());
        assertEquals("", quiet.err(), quiet.toString());
        CliRun empty = CliRun.of(program.toString(), "-D", "-", "-m", "samegen,,query");
        assertEquals(2, empty.status(), empty.toString());
        assertTrue(empty.err().startsWith("jetlog: --magic-transform takes relation names separated by commas, found "
                + "'samegen,,query'\n"), empty.toString());
    }
}
