// The preprocessor from the command line: -I include directories and -M macros (repeatable, and
// Soufflé's space-separated lists), a missing include directory or a bad macro name as usage errors,
// and an error inside an included file rendered at that file's line with its caret.
package dev.jetlog.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreprocessorFlagsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** A program whose result depends on -I (the graph's edges) and on -M (how far paths go). */
    private Path graphProgram() throws IOException {
        write("inc/graph.dl", """
                .decl edge(x: number, y: number)
                EDGE(1, 2). EDGE(2, 3). EDGE(3, 4).
                """);
        return write("src/paths.dl", """
                #define EDGE(a, b) edge(a, b)
                #include <graph.dl>
                .decl path(x: number, y: number)
                .printsize path
                path(x, y) :- edge(x, y).
                #if defined(TRANSITIVE) && MAX_LEN > 1
                path(x, z) :- path(x, y), edge(y, z).
                #endif
                """);
    }

    @Test
    void includeDirectoriesAndMacrosChangeTheProgram() throws IOException {
        Path program = graphProgram();
        String inc = dir.resolve("inc").toString();

        CliRun direct = CliRun.of(program.toString(), "-I", inc, "-D", "-");
        assertEquals(0, direct.status(), direct.toString());
        assertTrue(direct.out().contains("path\t3"), direct.toString());

        CliRun transitive = CliRun.of(program.toString(), "--include-dir=" + inc, "-M", "TRANSITIVE MAX_LEN=5", "-D", "-");
        assertEquals(0, transitive.status(), transitive.toString());
        assertTrue(transitive.out().contains("path\t6"), transitive.toString());

        CliRun repeated = CliRun.of(program.toString(), "-I", inc, "-M", "TRANSITIVE", "--macro=MAX_LEN=1", "-D", "-");
        assertEquals(0, repeated.status(), repeated.toString());
        assertTrue(repeated.out().contains("path\t3"), repeated.toString());
    }

    @Test
    void aMissingIncludeFileNamesTheDirectoriesSearched() throws IOException {
        Path program = graphProgram();
        CliRun run = CliRun.of(program.toString(), "-D", "-");
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().startsWith(program + ":2:10: error: cannot find include file <graph.dl> "
                + "(no include directory to search; give them with -I)\n#include <graph.dl>\n         ^\n"), run.toString());
        assertTrue(run.err().contains("1 error; nothing was evaluated"), run.toString());
    }

    @Test
    void aMissingIncludeDirectoryOrABadMacroNameIsAUsageError() throws IOException {
        Path program = graphProgram();
        Path missing = dir.resolve("no-such-dir");
        CliRun run = CliRun.of(program.toString(), "-I", missing.toString());
        assertEquals(2, run.status(), run.toString());
        assertEquals("jetlog: include directory " + missing + " does not exist\nTry 'jetlog --help' for usage.\n", run.err());

        CliRun file = CliRun.of(program.toString(), "-I", program.toString());
        assertEquals(2, file.status(), file.toString());
        assertTrue(file.err().contains("include directory " + program + " is not a directory"), file.toString());

        CliRun macro = CliRun.of(program.toString(), "-M", "OK=1 2BAD=3");
        assertEquals(2, macro.status(), macro.toString());
        assertTrue(macro.err().startsWith("jetlog: -M: invalid macro name '2BAD'"), macro.toString());
    }

    @Test
    void anErrorInAnIncludedFileIsShownInThatFile() throws IOException {
        write("lib/rules.dl", ".decl p(x: number)\n\np(x) :- q(x).\n");
        Path program = write("main.dl", "#include \"lib/rules.dl\"\n#error stop here\n");
        CliRun run = CliRun.of(program.toString());
        assertEquals(1, run.status(), run.toString());
        assertEquals(program + ":2:1: error: #error stop here\n#error stop here\n^\n1 error; nothing was evaluated\n", run.err());

        Files.writeString(program, "#include \"lib/rules.dl\"\n");
        CliRun semantic = CliRun.of(program.toString());
        assertEquals(1, semantic.status(), semantic.toString());
        assertEquals(dir.resolve("lib/rules.dl") + ":3:9: error: relation 'q' is not declared\np(x) :- q(x).\n        ^\n"
                + "1 error; nothing was evaluated\n", semantic.err());
        assertFalse(semantic.err().contains("Exception"), semantic.toString());
    }

    @Test
    void helpNamesTheFlags() {
        CliRun help = CliRun.of("--help");
        assertTrue(help.out().contains("-I, --include-dir=DIR"), help.out());
        assertTrue(help.out().contains("-M, --macro=NAME=VALUE"), help.out());
    }
}
