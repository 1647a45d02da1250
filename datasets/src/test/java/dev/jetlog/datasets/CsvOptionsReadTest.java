// Tests for FactsReader with Soufflé's options: headers, columns, rfc4180 quoting (line breaks inside
// quotes, across buffer refills), gzip input recognised by its content, and the errors for each.
package dev.jetlog.datasets;

import static dev.jetlog.parser.ast.ColumnType.FLOAT;
import static dev.jetlog.parser.ast.ColumnType.NUMBER;
import static dev.jetlog.parser.ast.ColumnType.SYMBOL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jetlog.parser.ast.ColumnType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvOptionsReadTest {
    private static final List<ColumnType> NUMBER_SYMBOL = List.of(NUMBER, SYMBOL);
    private static final CsvReadOptions RFC4180 = new CsvReadOptions(",", true, false, List.of());

    @TempDir
    Path dir;

    private final MapSymbols symbols = new MapSymbols();

    private IntRows read(String text, List<ColumnType> types, CsvReadOptions options) throws Exception {
        return FactsReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.facts", types,
                options, symbols);
    }

    /** The rows as text: numbers as they are, symbols decoded, a row per line. */
    private String show(IntRows rows, List<ColumnType> types) {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < types.size(); c++) {
                text.append(c == 0 ? "" : "|").append(types.get(c) == SYMBOL ? symbols.decode(rows.get(r, c))
                        : String.valueOf(rows.get(r, c)));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private String error(String text, List<ColumnType> types, CsvReadOptions options) {
        return assertThrows(FactsFormatException.class, () -> read(text, types, options)).getMessage();
    }

    @Test
    void headersSkipTheFirstLineOnly() throws Exception {
        CsvReadOptions headers = new CsvReadOptions("\t", false, true, List.of());
        assertArrayEquals(new int[] {1, 2, 3, 4}, read("x\ty\n1\t2\n3\t4\n", List.of(NUMBER, NUMBER), headers).toArray());
        assertEquals(0, read("x\ty\n", List.of(NUMBER, NUMBER), headers).size());
        assertEquals(0, read("", List.of(NUMBER, NUMBER), headers).size());
        assertTrue(error("x\ty\n1\t2\nz\t4\n", List.of(NUMBER, NUMBER), headers).startsWith("t.facts:3:1:"),
                "lines are counted with the header");
        String withoutHeaders = error("x\ty\n1\t2\n", List.of(NUMBER, NUMBER), CsvReadOptions.delimitedBy("\t"));
        assertTrue(withoutHeaders.startsWith("t.facts:1:1:"), withoutHeaders);
    }

    @Test
    void columnsPickAndReorderFieldsAndSkipTheOthers() throws Exception {
        CsvReadOptions columns = new CsvReadOptions("\t", false, false, List.of(2, 0));
        assertEquals("c|1\nf|4\n", show(read("1\tb\tc\n4\te\tf\tg\th\n", List.of(SYMBOL, NUMBER), columns),
                List.of(SYMBOL, NUMBER)));
        String missing = error("1\tb\n", List.of(SYMBOL, NUMBER), columns);
        assertEquals("t.facts:1:4: expected at least 3 columns, found 2", missing);
    }

    @Test
    void columnsWorkWithRfc4180AndHeaders() throws Exception {
        CsvReadOptions options = new CsvReadOptions(",", true, true, List.of(1));
        assertEquals("a,b\nc\n", show(read("n,s\n1,\"a,b\",x\n2,c\n", List.of(SYMBOL), options), List.of(SYMBOL)));
    }

    @Test
    void rfc4180QuotedFieldsHoldDelimitersQuotesAndLineBreaks() throws Exception {
        String text = "1,\"a\"\"b\"\n2,\"c,d\"\n\"3\",plain\n4,\"multi\nline\"\n5,\"crlf\r\nkept\"\r\n6,\"\"\n7,\"x\n\ny\"\n";
        assertEquals("1|a\"b\n2|c,d\n3|plain\n4|multi\nline\n5|crlf\r\nkept\n6|\n7|x\n\ny\n",
                show(read(text, NUMBER_SYMBOL, RFC4180), NUMBER_SYMBOL));
    }

    @Test
    void rfc4180QuotesOnlyAtTheStartOfAField() throws Exception {
        assertEquals("1|a\"b\"\n", show(read("1,a\"b\"\n", NUMBER_SYMBOL, RFC4180), NUMBER_SYMBOL));
    }

    @Test
    void rfc4180WithAMultiCharacterDelimiter() throws Exception {
        CsvReadOptions options = new CsvReadOptions("::", true, false, List.of());
        assertEquals("1|a::b\n", show(read("1::\"a::b\"\n", NUMBER_SYMBOL, options), NUMBER_SYMBOL));
    }

    @Test
    void rfc4180ErrorsNameTheLineAndColumn() {
        assertEquals("t.facts:2:3: the quoted field has no closing '\"'",
                error("1,a\n2,\"open\nstill open\n", NUMBER_SYMBOL, RFC4180));
        assertEquals("t.facts:1:7: expected the delimiter or the end of the line after a quoted field",
                error("1,\"ab\"c\n", NUMBER_SYMBOL, RFC4180));
        assertEquals("t.facts:3:3: expected the delimiter or the end of the line after a quoted field",
                error("1,\"a\nb\nc\"x\n", NUMBER_SYMBOL, RFC4180));
        assertEquals("t.facts:1:4: expected 2 columns, found 1", error("\"1\"\n", NUMBER_SYMBOL, RFC4180));
        assertEquals("t.facts:1:5: expected 2 columns, found more", error("1,a,b\n", NUMBER_SYMBOL, RFC4180));
        assertTrue(error("\"x\",a\n", NUMBER_SYMBOL, RFC4180).startsWith("t.facts:1:1: "));
    }

    @Test
    void rfc4180QuotedFieldsLongerThanTheBufferAndAcrossRefills() throws Exception {
        char[] filler = new char[200_000];
        Arrays.fill(filler, 'z');
        String big = new String(filler);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append(i).append(",\"").append(big, 0, 5000 + i * 3001).append("\n\"\"").append(i).append("\"\n");
        }
        IntRows rows = read(text.toString(), NUMBER_SYMBOL, RFC4180);
        assertEquals(40, rows.size());
        for (int i = 0; i < 40; i++) {
            assertEquals(i, rows.get(i, 0));
            assertEquals(big.substring(0, 5000 + i * 3001) + "\n\"" + i, symbols.decode(rows.get(i, 1)));
        }
        String unclosed = error("1,\"" + big + "\n" + big, NUMBER_SYMBOL, RFC4180);
        assertEquals("t.facts:1:3: the quoted field has no closing '\"'", unclosed);
    }

    @Test
    void rfc4180NumbersAndFloatsMayBeQuoted() throws Exception {
        IntRows rows = read("\" 7 \",\"1.5\"\n", List.of(NUMBER, FLOAT), RFC4180);
        assertEquals(7, rows.get(0, 0));
        assertEquals(1.5f, Float.intBitsToFloat(rows.get(0, 1)));
        assertEquals("t.facts:1:1: 'x' is not a number", error("\"x\",1\n", List.of(NUMBER, FLOAT), RFC4180));
    }

    @Test
    void optionsRejectImpossibleLayouts() {
        assertThrows(IllegalArgumentException.class, () -> new CsvReadOptions("\"", true, false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CsvReadOptions("", false, false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CsvReadOptions("\t", false, false, List.of(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> read("1\n", List.of(NUMBER),
                new CsvReadOptions("\t", false, false, List.of(0, 1))));
    }

    private Path gzip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    @Test
    void gzipInputIsRecognisedByItsContentWhateverItsName() throws Exception {
        Path file = gzip("edge.facts", "1\t2\n3\t4\n".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(new int[] {1, 2, 3, 4}, FactsReader.read(file, List.of(NUMBER, NUMBER)).toArray());
        Path named = gzip("q.csv.gz", "n,s\n1,\"a\nb\"\n".getBytes(StandardCharsets.US_ASCII));
        IntRows rows = FactsReader.read(named, NUMBER_SYMBOL, new CsvReadOptions(",", true, true, List.of()), symbols);
        assertEquals("1|a\nb\n", show(rows, NUMBER_SYMBOL));
    }

    @Test
    void aLoneFirstByteOfTheGzipMagicIsJustText() throws Exception {
        Path file = Files.write(dir.resolve("odd.facts"), new byte[] {0x1f, '\n'});
        assertEquals("\u001f", symbols.decode(FactsReader.read(file, List.of(SYMBOL), "\t", symbols).get(0, 0)));
    }

    @Test
    void corruptOrTruncatedGzipIsAnError() throws Exception {
        byte[] whole = Files.readAllBytes(gzip("whole.facts", "1\t2\n3\t4\n5\t6\n".getBytes(StandardCharsets.US_ASCII)));
        Path truncated = Files.write(dir.resolve("truncated.facts"), Arrays.copyOf(whole, whole.length - 6));
        IOException e = assertThrows(IOException.class, () -> FactsReader.read(truncated, List.of(NUMBER, NUMBER)));
        assertTrue(e.getMessage().startsWith("corrupt gzip data"), e.getMessage());
        byte[] flipped = whole.clone();
        flipped[whole.length - 5] ^= 0x55; // the CRC in the trailer
        Path corrupt = Files.write(dir.resolve("corrupt.facts"), flipped);
        e = assertThrows(IOException.class, () -> FactsReader.read(corrupt, List.of(NUMBER, NUMBER)));
        assertTrue(e.getMessage().startsWith("corrupt gzip data"), e.getMessage());
        Path magicOnly = Files.write(dir.resolve("magic.facts"), new byte[] {0x1f, (byte) 0x8b});
        e = assertThrows(IOException.class, () -> FactsReader.read(magicOnly, List.of(NUMBER, NUMBER)));
        assertTrue(e.getMessage().startsWith("corrupt gzip data"), e.getMessage());
    }

    @Test
    void formatErrorsInGzipInputCountDecompressedLines() throws Exception {
        Path file = gzip("e.facts", "1\t2\n3\tx\n".getBytes(StandardCharsets.US_ASCII));
        FactsFormatException e = assertThrows(FactsFormatException.class,
                () -> FactsReader.read(file, List.of(NUMBER, NUMBER)));
        assertEquals(2, e.line());
        assertEquals(3, e.column());
    }
}
