// Differential test against a real Soufflé: when `souffle` is on the PATH, the same programs with Soufflé's
// I/O options run through both, and every output file (gzip ones decompressed) and stdout must be equal
// byte for byte. Skipped where souffle is not installed.
package dev.jetlog.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SouffleIoParityTest {
    private static String souffle;

    @TempDir
    Path dir;

    @BeforeAll
    static void findSouffle() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, "souffle");
            if (Files.isExecutable(candidate)) {
                souffle = candidate.toString();
                return;
            }
        }
    }

    private record Outputs(String stdout, TreeMap<String, String> files) {
    }

    /** Runs the program through souffle and through jetlog, each into its own output folder, and compares. */
    private void assertSameAsSouffle(String program) throws Exception {
        Assumptions.assumeTrue(souffle != null, "souffle is not on the PATH");
        Path file = Files.writeString(dir.resolve("p.dl"), program, StandardCharsets.UTF_8);
        Path facts = Files.createDirectories(dir.resolve("facts"));
        Path souffleOut = Files.createDirectories(dir.resolve("souffle-out"));
        Path souffleErr = dir.resolve("souffle.err");
        Process process = new ProcessBuilder(souffle, file.toString(), "-F", facts.toString(), "-D", souffleOut.toString())
                .redirectError(souffleErr.toFile()).start();
        String souffleStdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("souffle did not finish");
        }
        assertEquals(0, process.exitValue(), () -> "souffle failed: " + readQuietly(souffleErr));
        Path jetlogOut = dir.resolve("jetlog-out");
        CliRun run = CliRun.of(file.toString(), "-w", "-F", facts.toString(), "-D", jetlogOut.toString());
        assertEquals(0, run.status(), run.toString());
        Outputs expected = new Outputs(souffleStdout, contents(souffleOut));
        Outputs found = new Outputs(run.out(), contents(jetlogOut));
        assertEquals(expected.files().keySet(), found.files().keySet());
        for (String name : expected.files().keySet()) {
            assertEquals(expected.files().get(name), found.files().get(name), name);
        }
        assertEquals(expected.stdout(), found.stdout());
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static TreeMap<String, String> contents(Path folder) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.toList()) {
                byte[] bytes = Files.readAllBytes(file);
                if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                        bytes = in.readAllBytes();
                    }
                    files.put(file.getFileName() + " (gzip)", new String(bytes, StandardCharsets.UTF_8));
                } else {
                    files.put(file.getFileName().toString(), new String(bytes, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    @Test
    void outputOptions() throws Exception {
        assertSameAsSouffle("""
                .decl r(x:number, y:symbol)
                r(1,"a\\"b"). r(2,"c,d"). r(3,"e f"). r(-4, "").
                .decl s(a:number, bb:symbol, c:float, u:unsigned)
                s(1, "x", 1.5, 4294967295). s(-2, "q\\"", 0.1, 0). s(3, "", -12345.678, 7).
                .decl n()
                n().
                .output s(headers=true, rfc4180=true, filename="s_rfc.csv")
                .output r(rfc4180=true, delimiter="|", headers=true, filename="r_pipe.csv")
                .output r(compress=true)
                .output s(headers=true, compress=true, delimiter=", ", filename="s.txt")
                .output n(headers=true)
                .output s(IO=stdout, headers=true, rfc4180=true)
                """);
    }

    @Test
    void stdoutAndSizes() throws Exception {
        assertSameAsSouffle("""
                .decl r(x:number, y:symbol)
                r(1,"a"). r(2,"b").
                .output r(IO=stdout, delimiter=";")
                .printsize r
                .output r(IO=stdoutprintsize)
                """);
    }

    @Test
    void inputOptionsOnGeneratedSymbols() throws Exception {
        SplittableRandom random = new SplittableRandom(2025);
        String alphabet = "ab ,\"\t\n;xyzü€'\\\r";
        StringBuilder rfc = new StringBuilder("id,text,ignored\n");
        StringBuilder tabs = new StringBuilder("id\tskip\ttext\n");
        for (int i = 0; i < 300; i++) {
            StringBuilder symbol = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                symbol.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = symbol.toString();
            if (text.contains("\r")) {
                text = text.replace("\r", "\r\n"); // a lone CR is not a line break in either reader
            }
            rfc.append(i).append(",\"").append(text.replace("\"", "\"\"")).append("\",").append(random.nextInt(9)).append('\n');
            String plain = text.replaceAll("[\t\r\n]", "_");
            tabs.append(i).append("\tz\t").append(plain).append('\n');
        }
        Path facts = Files.createDirectories(dir.resolve("facts"));
        Files.writeString(facts.resolve("q.facts"), rfc);
        try (var zipped = new java.util.zip.GZIPOutputStream(Files.newOutputStream(facts.resolve("t.facts")))) {
            zipped.write(tabs.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertSameAsSouffle("""
                .decl q(id:number, text:symbol)
                .input q(rfc4180=true, headers=true, columns="0:1")
                .output q(rfc4180=true, headers=true, filename="q_rfc.csv")
                .output q(filename="q.csv", compress=true)
                .decl t(text:symbol, id:number)
                .input t(headers=true, columns="2:0")
                .output t(headers=true)
                """);
    }

    @Test
    void soufflesOwnRfc4180OutputReadsBackTheSame() throws Exception {
        Path facts = Files.createDirectories(dir.resolve("facts"));
        Files.writeString(facts.resolve("q.facts"), "1,\"a\\\"\"b\"\n2,\"\"\"\"\n3,\"x\"\n");
        assertSameAsSouffle("""
                .decl q(id:number, text:symbol)
                .input q(rfc4180=true)
                .output q(IO=stdout)
                """);
    }

    @Test
    void theSameNamesAreUsedForDefaults() throws Exception {
        assertSameAsSouffle("""
                .decl a(x:number)
                a(1).
                .output a(compress=true)
                .decl b(x:unsigned)
                b(4000000000).
                .output b(rfc4180=true, headers=true)
                """);
        assertEquals(List.of("a.csv.gz (gzip)", "b.csv"), List.copyOf(contents(dir.resolve("jetlog-out")).keySet()));
    }
}
