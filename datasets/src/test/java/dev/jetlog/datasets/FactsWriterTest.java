// Tests for FactsWriter: exact output per column type, round trips through FactsReader, atomic replacement.
package dev.jetlog.datasets;

import static dev.jetlog.parser.ast.ColumnType.FLOAT;
import static dev.jetlog.parser.ast.ColumnType.NUMBER;
import static dev.jetlog.parser.ast.ColumnType.SYMBOL;
import static dev.jetlog.parser.ast.ColumnType.UNSIGNED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jetlog.parser.ast.ColumnType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsWriterTest {

    private static final List<ColumnType> EDGE = List.of(NUMBER, NUMBER);

    private static String toText(int[] rows, int count, List<ColumnType> types, String delimiter,
                                 SymbolEncoder symbols) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FactsWriter.write(out, rows, count, types, delimiter, symbols);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static IntRows readBack(String text, List<ColumnType> types, String delimiter, SymbolEncoder symbols)
            throws Exception {
        return FactsReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "back", types,
                delimiter, symbols);
    }

    @Test
    void numbersExactText() throws Exception {
        int[] rows = {1, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, 0, 10, 99, -100};
        assertEquals("1\t-2\n2147483647\t-2147483648\n0\t10\n99\t-100\n", toText(rows, 4, EDGE, "\t", null));
        assertEquals("1\t-2\n", toText(rows, 1, EDGE, "\t", null), "only rowCount rows are written");
        assertEquals("1, -2\n", toText(rows, 1, EDGE, ", ", null));
        assertEquals("", toText(rows, 0, EDGE, "\t", null));
    }

    @Test
    void everyTypeExactText() throws Exception {
        MapSymbols symbols = new MapSymbols();
        int hi = symbols.encode("hello world");
        int[] rows = {-7, -1, Float.floatToRawIntBits(1.0f), hi,
            Integer.MIN_VALUE, Integer.MIN_VALUE, Float.floatToRawIntBits(1e10f), symbols.encode("ünï")};
        List<ColumnType> types = List.of(NUMBER, UNSIGNED, FLOAT, SYMBOL);
        assertEquals("-7\t4294967295\t1\thello world\n-2147483648\t2147483648\t1e+10\tünï\n",
                toText(rows, 2, types, "\t", symbols));
    }

    @Test
    void nullaryRowsAreWrittenAsParentheses() throws Exception {
        assertEquals("()\n()\n", toText(new int[0], 2, List.of(), "\t", null));
        assertEquals(2, readBack("()\n()\n", List.of(), "\t", null).size());
    }

    @Test
    void roundTripNumbersRandomAndBoundaries() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        int n = 50_000;
        int[] rows = new int[n * 3];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = random.nextInt();
        }
        rows[0] = Integer.MIN_VALUE;
        rows[1] = Integer.MAX_VALUE;
        rows[2] = 0;
        List<ColumnType> types = List.of(NUMBER, NUMBER, NUMBER);
        assertArrayEquals(rows, readBack(toText(rows, n, types, "\t", null), types, "\t", null).toArray());
    }

    @Test
    void roundTripUnsigned() throws Exception {
        int[] rows = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 123456789};
        List<ColumnType> types = List.of(UNSIGNED, UNSIGNED);
        String text = toText(rows, 3, types, "\t", null);
        assertEquals("0\t1\n4294967295\t2147483648\n2147483647\t123456789\n", text);
        assertArrayEquals(rows, readBack(text, types, "\t", null).toArray());
    }

    @Test
    void roundTripFloatsExactlyThroughNineDigits() throws Exception {
        float[] values = {0f, -0f, 1f, 0.5f, -2.25f, 1e10f, 1e-5f, 123456f, Float.NaN,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3.14159f, (float) Math.PI, Float.MIN_VALUE};
        int[] rows = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            rows[i] = Float.floatToRawIntBits(values[i]);
        }
        List<ColumnType> types = List.of(FLOAT);
        String text = toText(rows, values.length, types, "\t", null);
        // Soufflé 2.5 writes floats with max_digits10 = 9 significant digits (printf "%.9g")
        assertEquals("0\n-0\n1\n0.5\n-2.25\n1e+10\n9.99999975e-06\n123456\nnan\ninf\n-inf\n3.14159012\n"
                + "3.14159274\n1.40129846e-45\n", text);
        // 9 digits identify every float, so every value survives the trip exactly
        assertArrayEquals(rows, readBack(text, types, "\t", null).toArray());
    }

    @Test
    void roundTripSymbols() throws Exception {
        MapSymbols symbols = new MapSymbols();
        String[] texts = {"a", "with space", "ünïcödé", "日本語", "😀 emoji", "", "x".repeat(100_000), "#hash"};
        int[] rows = new int[texts.length * 2];
        for (int i = 0; i < texts.length; i++) {
            rows[2 * i] = symbols.encode(texts[i]);
            rows[2 * i + 1] = i;
        }
        List<ColumnType> types = List.of(SYMBOL, NUMBER);
        String text = toText(rows, texts.length, types, "\t", symbols);
        MapSymbols fresh = new MapSymbols();
        IntRows back = readBack(text, types, "\t", fresh);
        assertEquals(texts.length, back.size());
        for (int i = 0; i < texts.length; i++) {
            assertEquals(texts[i], fresh.decode(back.get(i, 0)));
            assertEquals(i, back.get(i, 1));
        }
    }

    @Test
    void writesFileAndCreatesParentDirectories(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a/b/edge.facts");
        IntRows rows = GraphGenerator.chain(4);
        FactsWriter.write(file, rows, EDGE, "\t", null);
        assertEquals("0\t1\n1\t2\n2\t3\n", Files.readString(file));
        assertArrayEquals(rows.toArray(), FactsReader.read(file, EDGE).toArray());
        FactsWriter.write(file, new int[] {9, 9}, 1, EDGE, "\t", null);
        assertEquals("9\t9\n", Files.readString(file), "an existing file is replaced");
        assertEquals(List.of(file), listFiles(file.getParent()));
    }

    /** Symbols "symbol-ID", except that decoding the given id fails. */
    private static SymbolEncoder failingAt(int failingId) {
        return new SymbolEncoder() {
            @Override
            public int encode(String symbol) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String decode(int id) {
                if (id == failingId) {
                    throw new IllegalStateException("symbol table broke");
                }
                return "symbol-" + id;
            }
        };
    }

    @Test
    void failedWriteKeepsTheOldFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("names.facts");
        Files.writeString(file, "good\n");
        int rowsToWrite = 200_000; // several buffer flushes reach the temporary file before the failure
        SymbolEncoder failing = failingAt(rowsToWrite - 10);
        int[] rows = new int[rowsToWrite];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FactsWriter.write(file, rows, rowsToWrite, List.of(SYMBOL), "\t", failing));
        assertEquals("symbol table broke", e.getMessage());
        assertEquals("good\n", Files.readString(file));
        assertEquals(List.of(file), listFiles(dir));
    }

    @Test
    void severalThreadsWriteTheSameBytesAsOne(@TempDir Path dir) throws Exception {
        MapSymbols symbols = new MapSymbols();
        for (int i = 0; i < 1000; i++) {
            symbols.encode(i % 7 == 0 ? "with \"quote\" " + i : "s" + i);
        }
        SplittableRandom random = new SplittableRandom(11);
        int n = 300_001; // several chunks and a short last one
        int[] numbers = new int[n * 2];
        int[] mixed = new int[n * 4];
        for (int r = 0; r < n; r++) {
            numbers[2 * r] = random.nextInt();
            numbers[2 * r + 1] = r;
            mixed[4 * r] = random.nextInt(1000);
            mixed[4 * r + 1] = random.nextInt();
            mixed[4 * r + 2] = Float.floatToIntBits((float) random.nextDouble(-1e6, 1e6));
            mixed[4 * r + 3] = random.nextInt();
        }
        List<ColumnType> mixedTypes = List.of(SYMBOL, NUMBER, FLOAT, UNSIGNED);
        for (CsvWriteOptions options : List.of(CsvWriteOptions.delimitedBy("\t"),
                new CsvWriteOptions(",", true, "a,b,c,d", false), new CsvWriteOptions("::", false, null, true))) {
            for (boolean allNumbers : new boolean[] {true, false}) {
                int[] rows = allNumbers ? numbers : mixed;
                List<ColumnType> types = allNumbers ? EDGE : mixedTypes;
                Path one = dir.resolve("one.facts");
                Path three = dir.resolve("three.facts");
                FactsWriter.stage(one, rows, n, types, options, symbols, 1).commit();
                FactsWriter.stage(three, rows, n, types, options, symbols, 3).commit();
                assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three),
                        options + (allNumbers ? " numbers" : " mixed"));
            }
        }
    }

    @Test
    void aFailureOnAnotherThreadKeepsTheOldFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("names.facts");
        Files.writeString(file, "good\n");
        int rowsToWrite = 400_000;
        SymbolEncoder failing = failingAt(rowsToWrite - 10);
        int[] rows = new int[rowsToWrite];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FactsWriter.stage(file, rows,
                rowsToWrite, List.of(SYMBOL), CsvWriteOptions.delimitedBy("\t"), failing, 2));
        assertEquals("symbol table broke", e.getMessage());
        assertEquals("good\n", Files.readString(file));
        assertEquals(List.of(file), listFiles(dir));
    }

    @Test
    void failedWriteOfANewFileLeavesNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("new.facts");
        SymbolEncoder failing = new MapSymbols();
        assertThrows(IndexOutOfBoundsException.class,
                () -> FactsWriter.write(file, new int[] {5}, 1, List.of(SYMBOL), "\t", failing));
        assertFalse(Files.exists(file));
        assertEquals(List.of(), listFiles(dir));
    }

    @Test
    void streamIsFlushedButNotClosed() throws Exception {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        FactsWriter.write(out, GraphGenerator.cycle(2), EDGE, "\t", null);
        assertEquals("0\t1\n1\t0\n", out.toString(StandardCharsets.UTF_8));
        assertFalse(closed[0]);
    }

    @Test
    void argumentChecks(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(IllegalArgumentException.class, () -> FactsWriter.write(out, new int[3], 2, EDGE, "\t", null));
        assertThrows(IllegalArgumentException.class,
                () -> FactsWriter.write(out, new int[2], 1, List.of(SYMBOL, NUMBER), "\t", null));
        assertThrows(IllegalArgumentException.class,
                () -> FactsWriter.write(out, new IntRows(3), EDGE, "\t", null));
        assertTrue(Files.isDirectory(dir));
        assertThrows(IOException.class, () -> FactsWriter.write(dir, new int[0], 0, EDGE, "\t", null));
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
