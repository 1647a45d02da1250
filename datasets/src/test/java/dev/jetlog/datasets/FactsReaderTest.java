// Tests for FactsReader: line-ending and whitespace quirks, symbols, delimiters, value ranges, error positions.
package dev.jetlog.datasets;

import static dev.jetlog.parser.ast.ColumnType.FLOAT;
import static dev.jetlog.parser.ast.ColumnType.NUMBER;
import static dev.jetlog.parser.ast.ColumnType.SYMBOL;
import static dev.jetlog.parser.ast.ColumnType.UNSIGNED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jetlog.parser.ast.ColumnType;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsReaderTest {

    private static final List<ColumnType> EDGE = List.of(NUMBER, NUMBER);

    private static IntRows read(String text, List<ColumnType> types) throws Exception {
        return read(text, types, "\t", new MapSymbols());
    }

    private static IntRows read(String text, List<ColumnType> types, String delimiter, SymbolEncoder symbols)
            throws Exception {
        return FactsReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.facts",
                types, delimiter, symbols);
    }

    private static String error(String text, List<ColumnType> types) {
        return error(text, types, "\t");
    }

    private static String error(String text, List<ColumnType> types, String delimiter) {
        return assertThrows(FactsFormatException.class, () -> read(text, types, delimiter, new MapSymbols()))
                .getMessage();
    }

    @Test
    void readsTabSeparatedEdges() throws Exception {
        IntRows rows = read("1\t2\n3\t4\n", EDGE);
        assertEquals(2, rows.arity());
        assertArrayEquals(new int[] {1, 2, 3, 4}, rows.toArray());
    }

    @Test
    void crlfAndMissingFinalNewline() throws Exception {
        assertArrayEquals(new int[] {1, 2, 3, 4}, read("1\t2\r\n3\t4\r\n", EDGE).toArray());
        assertArrayEquals(new int[] {1, 2, 3, 4}, read("1\t2\n3\t4", EDGE).toArray());
        assertArrayEquals(new int[] {1, 2, 3, 4}, read("1\t2\r\n3\t4\r", EDGE).toArray());
        assertArrayEquals(new int[] {1, 2}, read("1\t2", EDGE).toArray());
        assertEquals(0, read("", EDGE).size());
    }

    @Test
    void crlfWithSymbolsDoesNotKeepTheCarriageReturn() throws Exception {
        MapSymbols symbols = new MapSymbols();
        IntRows rows = read("a\tb\r\nc\td", List.of(SYMBOL, SYMBOL), "\t", symbols);
        assertEquals("b", symbols.decode(rows.get(0, 1)));
        assertEquals("d", symbols.decode(rows.get(1, 1)));
    }

    @Test
    void commentsBlankLinesAndBlankRunsInEdgeLists() throws Exception {
        String text = "# FromNodeId\tToNodeId\n"
                + "% matrix market style comment\n"
                + "\n"
                + "   \t \n"
                + "  # indented comment\n"
                + "1 2\n"
                + "  3 \t\t 4  \n"
                + "5\t \t6\r\n"
                + "\r\n";
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, read(text, EDGE).toArray());
    }

    @Test
    void duplicateLinesAreKept() throws Exception {
        assertEquals(3, read("1\t2\n1\t2\n1\t2\n", EDGE).size());
    }

    @Test
    void byteOrderMarkIsSkipped() throws Exception {
        assertArrayEquals(new int[] {7, 8}, read("\uFEFF7\t8\n", EDGE).toArray());
    }

    @Test
    void int32Bounds() throws Exception {
        IntRows rows = read("2147483647\t-2147483648\n+5\t-0\n007\t0\n", EDGE);
        assertArrayEquals(new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, 5, 0, 7, 0}, rows.toArray());
        assertEquals("t.facts:1:3: value 2147483648 does not fit a 32-bit number column",
                error("1\t2147483648\n", EDGE));
        assertEquals("t.facts:1:1: value -2147483649 does not fit a 32-bit number column",
                error("-2147483649\t1\n", EDGE));
        assertEquals("t.facts:1:1: value 3000000000 does not fit a 32-bit number column",
                error("3000000000 1\n", EDGE));
        assertEquals("t.facts:1:3: value 99999999999999999999999999 does not fit a 32-bit number column",
                error("1 99999999999999999999999999\n", EDGE));
    }

    @Test
    void numberErrorsPointAtTheField() {
        assertEquals("t.facts:2:3: '12x' is not a number", error("1\t2\n1\t12x\n", EDGE));
        assertEquals("t.facts:1:5: '-' is not a number", error("  1 - \n", EDGE));
        assertEquals("t.facts:1:1: '+' is not a number", error("+\t1\n", EDGE));
        assertEquals("t.facts:1:1: '1.5' is not a number", error("1.5\t1\n", EDGE));
        assertEquals("t.facts:1:1: 'from' is not a number", error("from\tto\n1\t2\n", EDGE));
        assertEquals("t.facts:3:1: '0x10' is not a number", error("1 2\r\n\r\n0x10 2\r\n", EDGE));
    }

    @Test
    void columnCountErrors() {
        assertEquals("t.facts:1:5: expected 2 columns, found 3", error("1\t2\t3\n", EDGE));
        assertEquals("t.facts:1:5: expected 2 columns, found 4", error("1 2 3 4  \n", EDGE));
        assertEquals("t.facts:2:2: expected 2 columns, found 1", error("1\t2\n1\n", EDGE));
        assertEquals("t.facts:1:4: expected 2 columns, found 1", error("1  \n", EDGE));
        assertEquals("t.facts:1:2: expected 2 columns, found 1", error("a", List.of(SYMBOL, SYMBOL)));
        assertEquals("t.facts:1:5: expected 2 columns, found 3", error("a\tb\tc", List.of(SYMBOL, SYMBOL)));
        assertEquals("t.facts:1:3: expected 1 columns, found 2", error("a\t\n", List.of(SYMBOL)));
        assertEquals("t.facts:2:3: expected 2 columns, found 1", error("a\tb\n  \n", List.of(SYMBOL, SYMBOL)));
    }

    @Test
    void errorColumnsCountCharactersNotBytes() {
        assertEquals("t.facts:1:5: 'x' is not a number", error("äöü\tx\n", List.of(SYMBOL, NUMBER)));
    }

    @Test
    void errorFromPathNamesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("edge.facts");
        Files.writeString(file, "1\t2\n3\tfour\n");
        FactsFormatException e = assertThrows(FactsFormatException.class, () -> FactsReader.read(file, EDGE));
        assertEquals(file + ":2:3: 'four' is not a number", e.getMessage());
        assertEquals(file.toString(), e.file());
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertEquals("'four' is not a number", e.detail());
    }

    @Test
    void symbolsKeepSpacesWhenTheDelimiterIsTab() throws Exception {
        MapSymbols symbols = new MapSymbols();
        IntRows rows = read("hello world\t 42 \n\n#not a comment\tx y\n", List.of(SYMBOL, SYMBOL), "\t", symbols);
        assertEquals(2, rows.size());
        assertEquals("hello world", symbols.decode(rows.get(0, 0)));
        assertEquals(" 42 ", symbols.decode(rows.get(0, 1)));
        assertEquals("#not a comment", symbols.decode(rows.get(1, 0)));
        assertEquals("x y", symbols.decode(rows.get(1, 1)));
    }

    @Test
    void emptySymbolsAndUtf8() throws Exception {
        MapSymbols symbols = new MapSymbols();
        IntRows rows = read("a\t\tc\nПривет\t日本\t😀\n", List.of(SYMBOL, SYMBOL, SYMBOL), "\t", symbols);
        assertEquals("", symbols.decode(rows.get(0, 1)));
        assertEquals("Привет", symbols.decode(rows.get(1, 0)));
        assertEquals("日本", symbols.decode(rows.get(1, 1)));
        assertEquals("😀", symbols.decode(rows.get(1, 2)));
    }

    @Test
    void mixedSymbolAndNumberColumns() throws Exception {
        MapSymbols symbols = new MapSymbols();
        IntRows rows = read("alice\t30\nbob\t-4\nalice\t30\n", List.of(SYMBOL, NUMBER), "\t", symbols);
        assertArrayEquals(new int[] {0, 30, 1, -4, 0, 30}, rows.toArray());
        assertEquals("t.facts:1:7: '3 0' is not a number", error("alice\t3 0\n", List.of(SYMBOL, NUMBER)));
    }

    @Test
    void customDelimiters() throws Exception {
        assertArrayEquals(new int[] {1, 2, 3, 4}, read("1,2\n \t\n\n3, 4\r\n", EDGE, ",", null).toArray());
        MapSymbols symbols = new MapSymbols();
        IntRows rows = read("a b::c\td\n", List.of(SYMBOL, SYMBOL), "::", symbols);
        assertEquals("a b", symbols.decode(rows.get(0, 0)));
        assertEquals("c\td", symbols.decode(rows.get(0, 1)));
        assertEquals("t.facts:1:4: expected 2 columns, found 1", error("1 2\n", EDGE, ","));
        assertEquals("t.facts:1:1: '#c' is not a number", error("#c,1\n", EDGE, ","));
        assertEquals("t.facts:1:7: expected 2 columns, found 3", error("1::2::3\n", EDGE, "::"));
        assertThrows(IllegalArgumentException.class, () -> read("1\n", EDGE, "", null));
        assertThrows(IllegalArgumentException.class, () -> read("1\n", List.of(SYMBOL), "\t", null));
    }

    @Test
    void unsignedColumns() throws Exception {
        IntRows rows = read("0\t4294967295\n2147483648\t+7\n", List.of(UNSIGNED, UNSIGNED));
        assertArrayEquals(new int[] {0, -1, Integer.MIN_VALUE, 7}, rows.toArray());
        assertEquals("t.facts:1:1: value 4294967296 does not fit a 32-bit unsigned column",
                error("4294967296\t1\n", List.of(UNSIGNED, UNSIGNED)));
        assertEquals("t.facts:1:3: '-1' is not an unsigned number", error("1\t-1\n", List.of(UNSIGNED, UNSIGNED)));
        assertEquals("t.facts:1:1: 'u' is not an unsigned number", error("u\n", List.of(UNSIGNED)));
    }

    @Test
    void unsignedColumnsTakeHexAndBinaryAsSouffleDoes() throws Exception {
        // Soufflé's tests/semantic/load9: 0x and 0b prefixes in unsigned columns (number columns stay decimal)
        IntRows rows = read("0xFFFFFFFF\t0b1101\t0x0\n0b11111111111111111111111111111110\t0xa\t0b0\n",
                List.of(UNSIGNED, UNSIGNED, UNSIGNED));
        assertArrayEquals(new int[] {-1, 13, 0, -2, 10, 0}, rows.toArray());
        assertEquals("t.facts:1:1: value 0x100000000 does not fit a 32-bit unsigned column",
                error("0x100000000\n", List.of(UNSIGNED)));
        assertEquals("t.facts:1:1: '0b12' is not an unsigned number", error("0b12\n", List.of(UNSIGNED)));
        assertEquals("t.facts:1:1: '0xg' is not an unsigned number", error("0xg\n", List.of(UNSIGNED)));
        assertEquals("t.facts:1:1: '0x' is not an unsigned number", error("0x\n", List.of(UNSIGNED)));
        assertEquals("t.facts:1:1: '0x10' is not a number", error("0x10\n", List.of(NUMBER)));
    }

    @Test
    void floatColumns() throws Exception {
        IntRows rows = read("1.5\n-0\n1e+10\n.25\n3f\nnan\ninf\n-inf\nNaN\n-Infinity\n-nan\n1e-40\n0e-99\n", List.of(FLOAT));
        float[] expected = {1.5f, -0f, 1e10f, 0.25f, 3f, Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.NaN, Float.NEGATIVE_INFINITY, Float.NaN, 1e-40f, 0f};
        assertEquals(expected.length, rows.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(Float.intBitsToFloat(rows.get(i, 0))),
                    "row " + i);
        }
        assertEquals(Integer.MIN_VALUE, rows.get(1, 0), "-0 keeps its sign bit");
        assertEquals(FloatBits.POSITIVE_NAN, rows.get(5, 0), "nan reads as strtof reads it");
        assertEquals(FloatBits.DEFAULT_NAN, rows.get(10, 0), "-nan keeps its sign bit");
        assertEquals("t.facts:1:1: 'abc' is not a float", error("abc\n", List.of(FLOAT)));
        assertEquals("t.facts:1:3: '1.2.3' is not a float", error("1\t1.2.3\n", List.of(NUMBER, FLOAT)));
        assertEquals("t.facts:1:1: value 1e50 does not fit a 32-bit float column", error("1e50\n", List.of(FLOAT)));
        assertEquals("t.facts:1:1: value 1e-50 is too small for a 32-bit float column (it would be 0)",
                error("1e-50\n", List.of(FLOAT)), "the same rule as Session.insertTuple");
    }

    @Test
    void nullaryRelations() throws Exception {
        assertEquals(2, read("()\n\n() \n", List.of()).size());
        assertEquals(0, read("", List.of()).size());
        assertEquals("t.facts:1:1: expected () for a tuple of a nullary relation, found 'x'", error("x\n", List.of()));
    }

    @Test
    void wideRowsUseTheGenericPath() throws Exception {
        IntRows rows = read("1 2 3 4 5\n6\t7\t8\t9\t10\n",
                List.of(NUMBER, NUMBER, NUMBER, NUMBER, NUMBER));
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, rows.toArray());
        assertArrayEquals(new int[] {9, 8}, read("9\n8\n", List.of(NUMBER)).toArray());
    }

    @Test
    void linesSpanningBufferRefillsAndTrickleReads() throws Exception {
        StringBuilder sb = new StringBuilder();
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            sb.append(i).append(i % 3 == 0 ? "\t" : " ").append(-i).append(i % 2 == 0 ? "\r\n" : "\n");
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        IntRows rows = FactsReader.read(trickle, "big", EDGE, "\t", null);
        assertEquals(n, rows.size());
        for (int i = 0; i < n; i += 997) {
            assertEquals(i, rows.get(i, 0));
            assertEquals(-i, rows.get(i, 1));
        }
        assertEquals(n - 1, rows.get(n - 1, 0));
    }

    @Test
    void lineLongerThanTheBuffer() throws Exception {
        String longSymbol = "s".repeat(300_000);
        MapSymbols symbols = new MapSymbols();
        IntRows rows = read("x\n" + longSymbol + "\ny", List.of(SYMBOL), "\t", symbols);
        assertEquals(3, rows.size());
        assertEquals(longSymbol, symbols.decode(rows.get(1, 0)));
        assertEquals("y", symbols.decode(rows.get(2, 0)));
    }
}
