// #include through the parser: "FILE" beside the including file, then in the -I directories; <FILE> in
// the -I directories only; nested includes; errors inside an included file at its own line, column and
// caret; files not found (naming the directories searched), cycles, include guards and #pragma once.
package dev.jetlog.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.preprocess.PreprocessorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static List<String> rules(CheckedProgram program) {
        return program.program().rules().stream().map(Rule::toString).toList();
    }

    private static DatalogException failure(Path main, PreprocessorOptions options) {
        return assertThrows(DatalogException.class, () -> DatalogParser.parseFile(main, options));
    }

    @Test
    void nestedIncludesRelativeToTheIncludingFile() throws IOException {
        write("lib/decls.dl", ".decl e(x: number, y: number)\n#include \"facts.dl\"\n");
        write("lib/facts.dl", "e(1, 2).\n");
        Path main = write("main.dl", "#include \"lib/decls.dl\"\n.decl p(x: number)\np(x) :- e(x, _).\n");

        CheckedProgram program = DatalogParser.parseFile(main);

        assertEquals(List.of("e(1, 2).", "p(x) :- e(x, _)."), rules(program));
        assertEquals(dir.resolve("lib/facts.dl") + ":1:1", program.program().rules().get(0).pos().toString());
        assertEquals(main + ":3:1", program.program().rules().get(1).pos().toString());
    }

    @Test
    void souffleDotIncludeAndOnceWithLineNumbersAsInSouffle() throws IOException {
        // Soufflé's tests/syntactic include_directive1 and include_directive3: `.include`, `.once`, __LINE__
        write("baz.dl", "// baz\nlocation(\"baz\", __LINE__).\n.include \"foo.dl\"\nlocation(\"baz\", __LINE__).\n");
        write("foo.dl", ".once\nlocation(__FILE__, __LINE__).\n");
        Path main = write("main.dl", ".once\n.decl location(tag: symbol, line: number)\n.include \"baz.dl\"\n"
                + ".include \"foo.dl\"\n.include \"main.dl\"\nlocation(\"main\", __LINE__).\n");

        CheckedProgram program = DatalogParser.parseFile(main);

        assertEquals(List.of("location(\"baz\", 2).", "location(\"" + dir.resolve("foo.dl") + "\", 2).",
                "location(\"baz\", 4).", "location(\"main\", 6)."), rules(program));
    }

    @Test
    void includeDirectoriesAreSearchedInOrderAfterTheIncludingFilesDirectory() throws IOException {
        write("first/common.dl", ".decl first(x: number)\n");
        write("second/common.dl", ".decl second(x: number)\n");
        write("second/only.dl", ".decl only(x: number)\n");
        Path main = write("src/main.dl", "#include \"common.dl\"\n#include <only.dl>\n");
        PreprocessorOptions options = PreprocessorOptions.NONE.withIncludeDir(dir.resolve("first"))
                .withIncludeDir(dir.resolve("second"));

        assertEquals(List.of("first", "only"), DatalogParser.parseFile(main, options).program().declarations()
                .stream().map(d -> d.name()).toList());

        write("src/common.dl", ".decl beside(x: number)\n");
        assertEquals("beside", DatalogParser.parseFile(main, options).program().declarations().get(0).name(),
                "the including file's directory comes first");
    }

    @Test
    void aFileThatIsNotFoundNamesTheDirectoriesSearched() throws IOException {
        Path main = write("src/main.dl", ".decl e(x: number)\n#include   \"missing.dl\"\n");
        DatalogException e = failure(main, PreprocessorOptions.NONE.withIncludeDir(dir.resolve("inc")));
        assertEquals(main + ":2:12: error: cannot find include file \"missing.dl\" (searched: " + dir.resolve("src")
                + ", " + dir.resolve("inc") + ")\n#include   \"missing.dl\"\n           ^", e.render());

        write("src/beside.dl", "e(1).\n");
        Path angled = write("src/angled.dl", "#include <beside.dl>\n");
        assertEquals(angled + ":1:10: error: cannot find include file <beside.dl> (no include directory to search; "
                + "give them with -I)", failure(angled, PreprocessorOptions.NONE).getMessage());
    }

    @Test
    void anErrorInAnIncludedFileIsReportedAtItsOwnLineColumnAndText() throws IOException {
        write("lib/rules.dl", "// reachability\n\np(x) :- e(x, y),\n        q(y).\n");
        Path main = write("main.dl", """
                .decl e(x: number, y: number)
                .decl p(x: number)
                #include "lib/rules.dl"
                p(x) :- unknown(x).
                """);

        DatalogException e = failure(main, PreprocessorOptions.NONE);

        Path lib = dir.resolve("lib/rules.dl");
        assertEquals(lib + ":4:9: error: relation 'q' is not declared\n        q(y).\n        ^\n"
                + main + ":4:9: error: relation 'unknown' is not declared\np(x) :- unknown(x).\n        ^", e.render());
    }

    @Test
    void syntaxAndLexicalErrorsInAnIncludedFile() throws IOException {
        write("bad.dl", ".decl e(x: number)\ne(1) e(2).\n");
        Path main = write("main.dl", "\n#include \"bad.dl\"\n");
        DatalogException e = failure(main, PreprocessorOptions.NONE);
        assertEquals(dir.resolve("bad.dl") + ":2:6: error: expected '.' at the end of the rule, found 'e'\ne(1) e(2).\n     ^", e.render());

        write("string.dl", ".decl s(x: symbol)\n  s(\"open).\n");
        Path other = write("other.dl", "#include \"string.dl\"\n");
        assertEquals(dir.resolve("string.dl") + ":2:5: error: unterminated string",
                failure(other, PreprocessorOptions.NONE).getMessage());
    }

    @Test
    void aDeclarationRepeatedInAnotherFileNamesThatFile() throws IOException {
        write("decls.dl", ".decl e(x: number)\n");
        Path main = write("main.dl", "#include \"decls.dl\"\n.decl e(x: number)\n");
        assertEquals(main + ":2:7: error: relation 'e' is already declared at " + dir.resolve("decls.dl") + ":1",
                failure(main, PreprocessorOptions.NONE).getMessage());
    }

    @Test
    void anIncludeCycleEndsAtTheDepthLimitAndIsNamed() throws IOException {
        write("a.dl", "#include \"b.dl\"\n");
        write("b.dl", "\n#include \"a.dl\"\n");
        Path main = write("main.dl", "#include \"a.dl\"\n");

        DatalogException e = failure(main, PreprocessorOptions.NONE);

        assertEquals(1, e.errors().size());
        String a = dir.resolve("a.dl").toString();
        String b = dir.resolve("b.dl").toString();
        assertEquals(b + ":2:10: error: #include nested more than 200 levels deep (include cycle: "
                + a + " -> " + b + " -> " + a + ")", e.getMessage());
    }

    @Test
    void includeGuardsAndPragmaOnceLetFilesIncludeEachOther() throws IOException {
        write("a.dl", "#ifndef A_DL\n#define A_DL\n#include \"b.dl\"\n.decl a(x: number)\n#endif\n");
        write("b.dl", "#pragma once\n#include \"a.dl\"\n.decl b(x: number)\n");
        Path main = write("main.dl", "#include \"a.dl\"\n#include \"b.dl\"\n#include \"a.dl\"\na(1). b(2).\n");

        CheckedProgram program = DatalogParser.parseFile(main);

        assertEquals(List.of("b", "a"), program.program().declarations().stream().map(d -> d.name()).toList());
        assertEquals(List.of("a(1).", "b(2)."), rules(program));
    }

    @Test
    void textParsedFromAStringIncludesRelativeToTheWorkingDirectory() throws IOException {
        Path lib = write("cwd/lib.dl", ".decl e(x: number)\n");
        String relative = Path.of("").toAbsolutePath().relativize(lib.toAbsolutePath()).toString();

        CheckedProgram program = DatalogParser.parse("text.dl", "#include \"" + relative + "\"\ne(1).\n");

        assertEquals("e", program.program().declarations().get(0).name());
        assertEquals(relative + ":1:7", program.program().declarations().get(0).pos().toString());
        assertTrue(program.source().isPreprocessed());
    }

    @Test
    void anIncludedFileThatIsNotUtf8() throws IOException {
        Files.write(dir.resolve("latin1.dl"), new byte[] {'e', '(', (byte) 0xE9, ')', '.', '\n'});
        Path main = write("main.dl", "#include \"latin1.dl\"\n");
        assertEquals(main + ":1:10: error: cannot read include file " + dir.resolve("latin1.dl")
                + ": it is not UTF-8 text", failure(main, PreprocessorOptions.NONE).getMessage());
    }
}
