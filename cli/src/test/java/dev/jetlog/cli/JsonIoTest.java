// Soufflé 2.5's JSON I/O through the command line and the API: IO=jsonfile inputs in list and object format,
// IO=jsonfile and IO=json outputs in both formats (records, nil, nullary relations) written as souffle writes
// them, what was written read back the same, IO=json from standard input, -D - still printing text, and the
// errors: a bad value naming file:line:col, relation and column with nothing loaded or written, an ADT column
// or a bad format refused at the directive.
package dev.jetlog.cli;

import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.JetLogException;
import dev.jetlog.seminaive.api.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonIoTest {
    private static final String TYPES = """
            .type P = [x: number, next: P]
            .type Named = [name: symbol, at: float]
            """;

    /** Reads JSON in both formats and writes what it read in both formats, to files and stdout. */
    private static final String COPY = TYPES + """
            .decl in_r(n: number, u: unsigned, f: float, s: symbol, p: P)
            .input in_r(IO=jsonfile)
            .decl in_o(n: number, q: Named)
            .input in_o(IO=jsonfile, filename="objects.json")
            .decl out_r(n: number, u: unsigned, f: float, s: symbol, p: P)
            out_r(n, u, f, s, p) :- in_r(n, u, f, s, p).
            .output out_r(IO=jsonfile)
            .output out_r(IO=jsonfile, format=object, filename="sub/objects.json")
            .decl o(n: number, q: Named)
            o(n, q) :- in_o(n, q).
            .output o(IO=json, format=object)
            .output o(IO=json)
            .decl flag()
            flag() :- in_r(_, _, _, _, _).
            .output flag(IO=jsonfile)
            .decl none(x: number)
            .output none(IO=jsonfile)
            """;

    private static final String IN_R = """
            [[1, 4000000000, 1.5, "a\\"b", [10, [11, null]]],
             [2, 0, 1e10, "é\\n\\u0001", null],
             [3, 7, 0.1, "", [12, null]]]
            """;

    private static final String OUT_R = """
            [[1, -294967296, 1.5, "a\\"b", [10, [11, null]]],
            [2, 0, 1e+10, "é\\n\\u0001", null],
            [3, 7, 0.1, "", [12, null]]]
            """;

    private static final String OUT_R_OBJECTS = """
            [{"n": 1, "u": -294967296, "f": 1.5, "s": "a\\"b", "p": {"x": 10, "next": {"x": 11, "next": null}}},
            {"n": 2, "u": 0, "f": 1e+10, "s": "é\\n\\u0001", "p": null},
            {"n": 3, "u": 7, "f": 0.1, "s": "", "p": {"x": 12, "next": null}}]
            """;

    @TempDir
    Path dir;
    Path facts;
    Path out;

    @BeforeEach
    void folders() throws IOException {
        facts = Files.createDirectories(dir.resolve("facts"));
        out = dir.resolve("out");
    }

    private Path program(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private void writeInputs() throws IOException {
        Files.writeString(facts.resolve("in_r.json"), IN_R);
        Files.writeString(facts.resolve("objects.json"),
                "[{\"q\": {\"at\": 2.5, \"name\": \"x\"}, \"n\": 1},\n {\"n\": 2, \"q\": null}]");
    }

    @Test
    void jsonFilesAreReadAndWrittenInBothFormats() throws IOException {
        writeInputs();
        CliRun run = CliRun.of(program("p.dl", COPY).toString(), "-F", facts.toString(), "-D", out.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals(OUT_R, Files.readString(out.resolve("out_r.json")));
        assertEquals(OUT_R_OBJECTS, Files.readString(out.resolve("sub/objects.json")));
        assertEquals("[null\n]\n", Files.readString(out.resolve("flag.json")));
        assertEquals("[]\n", Files.readString(out.resolve("none.json")));
        assertEquals("[{\"n\": 1, \"q\": {\"name\": \"x\", \"at\": 2.5}},\n{\"n\": 2, \"q\": null}]\n"
                + "[[1, [\"x\", 2.5]],\n[2, null]]\n", run.out(), "IO=json prints in directive order");
    }

    @Test
    void whatWasWrittenReadsBackTheSame() throws IOException {
        writeInputs();
        CliRun first = CliRun.of(program("p.dl", COPY).toString(), "-F", facts.toString(), "-D", out.toString());
        assertEquals(0, first.status(), first.toString());
        Path back = dir.resolve("back");
        CliRun second = CliRun.of(program("back.dl", TYPES + """
                .decl l(n: number, u: unsigned, f: float, s: symbol, p: P)
                .input l(IO=jsonfile, filename="out_r.json")
                .decl o(n: number, u: unsigned, f: float, s: symbol, p: P)
                .input o(IO=jsonfile, filename="sub/objects.json")
                .decl same(n: number)
                same(n) :- l(n, u, f, s, p), o(n, u, f, s, p).
                .output same(IO=json)
                .output l(IO=jsonfile)
                .output o(IO=jsonfile, format=object)
                .decl big(u: unsigned)
                big(u) :- l(1, u, _, _, _).
                .output big
                """).toString(), "-F", out.toString(), "-D", back.toString());
        assertEquals(0, second.status(), second.toString());
        assertEquals("[[1],\n[2],\n[3]]\n", second.out(), "both files hold the same tuples, records included");
        assertEquals(OUT_R, Files.readString(back.resolve("l.json")));
        assertEquals(OUT_R_OBJECTS, Files.readString(back.resolve("o.json")));
        assertEquals("4000000000\n", Files.readString(back.resolve("big.csv")), "the unsigned reads back as written");
    }

    @Test
    void jsonOnStdoutAfterAnIoStdoutOutputKeepsItsNineDigitFloatsAsSouffleDoes() throws IOException {
        Path p = program("f.dl", """
                .decl f(x: float)
                f(0.1).
                .output f(IO=json)
                .output f(IO=stdout)
                .output f(IO=json)
                .output f(IO=jsonfile)
                """);
        CliRun run = CliRun.of(p.toString(), "-D", out.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals("[[0.1]]\n---------------\nf\n===============\n0.100000001\n===============\n[[0.100000001]]\n",
                run.out());
        assertEquals("[[0.1]]\n", Files.readString(out.resolve("f.json")));
    }

    @Test
    void dashDPrintsJsonOutputsAsText() throws IOException {
        writeInputs();
        CliRun run = CliRun.of(program("p.dl", COPY).toString(), "-F", facts.toString(), "-D", "-");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().startsWith("---------------\nout_r\nn\tu\tf\ts\tp\n===============\n"
                + "1\t4000000000\t1.5\ta\"b\t[10, [11, nil]]\n"), run.out());
        assertFalse(Files.exists(out));
    }

    @Test
    void aBadValueNamesThePlaceAndNothingIsWritten() throws IOException {
        writeInputs();
        Files.writeString(facts.resolve("in_r.json"), "[[1, 2, 3.5, \"x\", null],\n [2, 2, 3.5, \"y\", [1, \"z\"]]]");
        CliRun run = CliRun.of(program("p.dl", COPY).toString(), "-F", facts.toString(), "-D", out.toString());
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("in_r.json:2:23: relation in_r, column p, field next of P: expected a record"
                + " of P as a JSON array or null, found the string \"z\""), run.toString());
        assertFalse(run.err().contains("Exception"), run.toString());
        assertFalse(Files.exists(out.resolve("out_r.json")));
        assertEquals("", run.out());
    }

    @Test
    void directiveErrors() throws IOException {
        Path p = program("bad.dl", """
                .type E = A {x: number} | B {}
                .decl a(e: E)
                .output a(IO=jsonfile)
                .decl r(x: number)
                .input r(IO=json, format=table)
                """);
        CliRun run = CliRun.of(p.toString());
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("bad.dl:3:9: error: IO=jsonfile does not support ADT values, which column e of"
                + " a holds (type E); use IO=file"), run.toString());
        assertTrue(run.err().contains("bad.dl:5:8: error: format='table' of .input r must be list or object"),
                run.toString());
        assertTrue(run.err().contains("2 errors; nothing was evaluated"), run.toString());
    }

    @Test
    void jsonFromStandardInputThroughTheApi() throws IOException {
        String program = TYPES + """
                .decl r(n: number, p: P)
                .input r(IO=json)
                .decl s(x: number)
                .input s(IO=json)
                .decl t(x: number)
                .input t(IO=jsonfile)
                """;
        Files.writeString(facts.resolve("t.json"), "[[5]]");
        try (Session session = JetLog.compile("api.dl", program).newSession(EngineOptions.defaults().withBackend("cpu"))) {
            JetLogException bad = assertThrows(JetLogException.class, () -> session.loadInputs(facts,
                    new ByteArrayInputStream("[{\"n\": 1, \"p\": {\"x\": 1, \"next\": null}}]".getBytes(StandardCharsets.UTF_8))));
            assertEquals("<stdin>:1:1: expected the tuples of s as a JSON array, found the end of the input",
                    bad.getMessage(), "as in Soufflé, the first stdin input reads all of it");
            session.run();
            assertEquals(0, session.count("r"), "a failing input loads nothing");
        }
        String one = TYPES + ".decl r(n: number, p: P)\n.input r(IO=json)\n.decl c(x: number)\nc(x) :- r(_, [x, _]).\n";
        try (Session session = JetLog.compile("api.dl", one).newSession(EngineOptions.defaults().withBackend("cpu"))) {
            session.loadInputs(facts, new ByteArrayInputStream("[{\"n\": 1, \"p\": {\"x\": 7, \"next\": null}}, {\"n\": 2, \"p\": null}]"
                    .getBytes(StandardCharsets.UTF_8)));
            session.run();
            assertEquals(2, session.count("r"));
            assertEquals(7, session.tuples("c").get(0).getInt(0));
        }
    }
}
