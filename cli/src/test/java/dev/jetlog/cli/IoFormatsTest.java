// Soufflé 2.5's I/O options through the command line: headers, rfc4180, columns, gzip in and out,
// IO=stdout and IO=stdoutprintsize printed as `souffle` prints them, SQLite databases written and read
// back; and for each bad input a clear message, exit status 1, no stack trace and no output replaced.
// The expected texts are what souffle 2.5 wrote for the same programs.
package dev.jetlog.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IoFormatsTest {
    private static final String WRITES = """
            .decl r(x:number, y:symbol)
            r(1,"a\\"b"). r(2,"c,d"). r(3,"e f").
            .decl s(a:number, bb:symbol, c:float, u:unsigned)
            s(1, "x", 1.5, 4294967295). s(-2, "q\\"", 0.1, 0).
            .output s(headers=true, rfc4180=true, filename="s_rfc.csv")
            .output r(rfc4180=true, delimiter="|", headers=true, filename="r_pipe.csv")
            .output r(compress=true)
            .output s(headers=true)
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

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream zipped = new GZIPOutputStream(bytes)) {
            zipped.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static void assertCleanFailure(CliRun run, String... fragments) {
        assertEquals(1, run.status(), run.toString());
        for (String fragment : fragments) {
            assertTrue(run.err().contains(fragment), "stderr lacks '" + fragment + "':\n" + run);
        }
        assertFalse(run.err().contains("Exception"), run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(Path::getFileName).map(Path::toString)
                    .filter(name -> name.endsWith(".tmp") || name.endsWith("-journal")).toList();
        }
    }

    @Test
    void outputOptionsWriteWhatSouffleWrites() throws IOException {
        CliRun run = CliRun.of(program("w.dl", WRITES).toString(), "-D", out.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals("a\tbb\tc\tu\n-2,\"q\\\"\"\",0.100000001,0\n1,\"x\",1.5,4294967295\n",
                Files.readString(out.resolve("s_rfc.csv")), "rfc4180: the header joined by a tab, symbols quoted");
        assertEquals("x|y\n1|\"a\\\"\"b\"\n2|\"c,d\"\n3|\"e f\"\n", Files.readString(out.resolve("r_pipe.csv")));
        assertEquals("a\tbb\tc\tu\n-2\tq\"\t0.100000001\t0\n1\tx\t1.5\t4294967295\n", Files.readString(out.resolve("s.csv")));
        byte[] zipped = Files.readAllBytes(out.resolve("r.csv.gz"));
        assertEquals(0x1f, zipped[0] & 0xff, "compress=true writes gzip, named r.csv.gz by default");
        assertEquals("1\ta\"b\n2\tc,d\n3\te f\n", gunzip(out.resolve("r.csv.gz")));
    }

    @Test
    void stdoutAndStdoutprintsizePrintWhatSoufflePrints() throws IOException {
        Path p = program("p.dl", """
                .decl r(x:number, y:symbol)
                r(1,"a"). r(2,"b").
                .decl n()
                n().
                .output r(IO=stdout)
                .output r(IO=stdout, headers=true, rfc4180=true)
                .output r(IO=stdoutprintsize)
                .output n(IO=stdout, headers=true)
                """);
        CliRun run = CliRun.of(p.toString(), "-D", out.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals("""
                ---------------
                r
                ===============
                1\ta
                2\tb
                ===============
                ---------------
                r
                x\ty
                ===============
                1,"a"
                2,"b"
                ===============
                r\t2
                ---------------
                n

                ===============
                ()
                ===============
                """, run.out());
        assertFalse(Files.exists(out), "nothing was written to a file");
    }

    @Test
    void dashDPrintsEveryOutputWithItsHeader() throws IOException {
        Path p = program("p.dl", """
                .decl r(x:number, y:symbol)
                r(1,"a").
                .output r(IO=file, compress=true, rfc4180=true)
                .output r(IO=stdoutprintsize)
                """);
        CliRun run = CliRun.of(p.toString(), "-D", "-");
        assertEquals(0, run.status(), run.toString());
        assertEquals("---------------\nr\nx\ty\n===============\n1,\"a\"\n===============\n"
                + "---------------\nr\nx\ty\n===============\n1\ta\n===============\n", run.out());
    }

    @Test
    void inputOptionsReadWhatSouffleReads() throws IOException {
        Files.writeString(facts.resolve("q.facts"),
                "x,y\n1,\"a\"\"b\"\n2,\"multi\nline\"\n\"3\",plain\n4,\"c,d\"\r\n5,\"crlf\r\nin\"\r\n");
        Files.writeString(facts.resolve("c.facts"), "h1\th2\th3\n1\tx\t10\n2\ty\t20\n");
        Files.write(facts.resolve("g.facts"), gzip("7\tz\n8\tw\n"));
        Path p = program("p.dl", """
                .decl q(x:number, y:symbol)
                .input q(rfc4180=true, headers=true)
                .output q
                .decl c(a:symbol, b:number)
                .input c(columns="1:2", headers=true)
                .output c
                .decl g(a:number, b:symbol)
                .input g
                .output g
                """);
        CliRun run = CliRun.of(p.toString(), "-F", facts.toString(), "-D", out.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals("1\ta\"b\n2\tmulti\nline\n3\tplain\n4\tc,d\n5\tcrlf\r\nin\n", Files.readString(out.resolve("q.csv")));
        assertEquals("x\t10\ny\t20\n", Files.readString(out.resolve("c.csv")));
        assertEquals("7\tz\n8\tw\n", Files.readString(out.resolve("g.csv")));
    }

    @Test
    void sqliteRoundTripsThroughTheCommandLine() throws IOException {
        Path write = program("w.dl", """
                .decl r(x:number, y:symbol, u:unsigned, f:float)
                r(1, "a", 4294967295, 1.5). r(-2, "b\\"q", 0, 0.1). r(3, "a", 7, -2).
                .output r(IO=sqlite, dbname="db.sqlite")
                .decl s(name:symbol)
                s("a"). s("zz").
                .output s(IO=sqlite, filename="db.sqlite")
                """);
        CliRun written = CliRun.of(write.toString(), "-D", out.toString());
        assertEquals(0, written.status(), written.toString());
        assertTrue(Files.isRegularFile(out.resolve("db.sqlite")));
        Path read = program("r.dl", """
                .decl r(x:number, y:symbol, u:unsigned, f:float)
                .input r(IO=sqlite, dbname="db.sqlite")
                .output r(IO=stdout)
                .decl s(name:symbol)
                .input s(IO=sqlite, dbname="db.sqlite")
                .printsize s
                """);
        CliRun back = CliRun.of(read.toString(), "-F", out.toString(), "-D", dir.resolve("out2").toString());
        assertEquals(0, back.status(), back.toString());
        assertEquals("---------------\nr\n===============\n-2\tb\"q\t0\t0.100000001\n1\ta\t4294967295\t1.5\n3\ta\t7\t-2\n"
                + "===============\ns\t2\n", back.out());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void badOptionValuesAreErrorsAtTheDirective() throws IOException {
        Path p = program("p.dl", ".decl r(x:number)\n.input r(headers=maybe)\n.output r(IO=jsonl)\n");
        assertCleanFailure(CliRun.of(p.toString()), "p.dl:2:8: error: headers='maybe' of .input r must be true or false",
                "p.dl:3:9: error: unsupported IO='jsonl' for .output r", "2 errors; nothing was evaluated");
    }

    @Test
    void aMalformedQuotedFieldNamesTheFileLineAndColumn() throws IOException {
        Files.writeString(facts.resolve("q.facts"), "1,\"ok\"\n2,\"bad\"x\n");
        Path p = program("p.dl", ".decl q(x:number, y:symbol)\n.input q(rfc4180=true)\n.printsize q\n");
        assertCleanFailure(CliRun.of(p.toString(), "-F", facts.toString()),
                "q.facts:2:8: expected the delimiter or the end of the line after a quoted field");
        Files.writeString(facts.resolve("q.facts"), "1,\"never closed\n2,b\n");
        assertCleanFailure(CliRun.of(p.toString(), "-F", facts.toString()),
                "q.facts:1:3: the quoted field has no closing '\"'");
    }

    @Test
    void aCorruptGzipInputNamesTheFile() throws IOException {
        byte[] whole = gzip("1\n2\n3\n4\n5\n6\n");
        Files.write(facts.resolve("e.facts"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Path p = program("p.dl", ".decl e(x:number)\n.input e\n.printsize e\n");
        CliRun run = CliRun.of(p.toString(), "-F", facts.toString());
        assertCleanFailure(run, "cannot read input of 'e': ", "e.facts: corrupt gzip data");
        assertEquals("", run.out(), "nothing was printed");
    }

    @Test
    void aMissingSqliteTableOrDatabaseNamesIt() throws IOException {
        Path write = program("w.dl", ".decl other(x:number)\nother(1).\n.output other(IO=sqlite, dbname=\"d.sqlite\")\n");
        assertEquals(0, CliRun.of(write.toString(), "-D", facts.toString()).status());
        Path p = program("p.dl", ".decl e(x:number)\n.input e(IO=sqlite, dbname=\"d.sqlite\")\n.printsize e\n");
        assertCleanFailure(CliRun.of(p.toString(), "-F", facts.toString()),
                "cannot read input of 'e': ", "d.sqlite: no table or view named 'e'");
        Path none = program("n.dl", ".decl e(x:number)\n.input e(IO=sqlite)\n.printsize e\n");
        assertCleanFailure(CliRun.of(none.toString(), "-F", facts.toString()), "e.sqlite: does not exist");
        assertFalse(Files.exists(facts.resolve("e.sqlite")), "reading creates no database");
    }

    @Test
    void aFailingDatabaseOutputReplacesNoOtherOutput() throws IOException {
        Path p = program("p.dl", """
                .decl a(x:number)
                a(1).
                .output a
                .output a(IO=sqlite, dbname="a.sqlite")
                """);
        Files.createDirectories(out);
        Files.writeString(out.resolve("a.csv"), "old\n");
        Files.writeString(out.resolve("a.sqlite"), "not a database, and no database will be made of it");
        CliRun run = CliRun.of(p.toString(), "-D", out.toString());
        assertCleanFailure(run, "a.sqlite: not an SQLite database; no output was replaced");
        assertEquals("old\n", Files.readString(out.resolve("a.csv")));
        assertEquals("not a database, and no database will be made of it", Files.readString(out.resolve("a.sqlite")));
        assertEquals(List.of(), leftovers());
    }
}
