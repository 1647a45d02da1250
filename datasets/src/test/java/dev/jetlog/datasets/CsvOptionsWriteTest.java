// Tests for FactsWriter with Soufflé's options: the header line, Soufflé 2.5's rfc4180 quoting of symbols
// (byte for byte as `souffle` writes them), and gzip-compressed files that read back the same.
package dev.jetlog.datasets;

import static dev.jetlog.parser.ast.ColumnType.FLOAT;
import static dev.jetlog.parser.ast.ColumnType.NUMBER;
import static dev.jetlog.parser.ast.ColumnType.SYMBOL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jetlog.parser.ast.ColumnType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvOptionsWriteTest {
    private static final List<ColumnType> NUMBER_SYMBOL_FLOAT = List.of(NUMBER, SYMBOL, FLOAT);

    @TempDir
    Path dir;

    private final MapSymbols symbols = new MapSymbols();

    private int[] rows() {
        return new int[] {
            1, symbols.encode("a\"b"), Float.floatToRawIntBits(1.5f),
            2, symbols.encode("c,d"), Float.floatToRawIntBits(0.1f),
            3, symbols.encode("ü \"\"x"), Float.floatToRawIntBits(-2f),
        };
    }

    private String text(int[] rows, CsvWriteOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FactsWriter.write(out, rows, rows.length / 3, NUMBER_SYMBOL_FLOAT, options, symbols);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rfc4180QuotesSymbolsAsSouffle25Does() throws IOException {
        // souffle 2.5 writes r(1, "a\"b") under rfc4180=true as 1,"a\""b"
        assertEquals("1,\"a\\\"\"b\",1.5\n2,\"c,d\",0.100000001\n3,\"ü \\\"\"\\\"\"x\",-2\n",
                text(rows(), new CsvWriteOptions(",", true, null, false)));
    }

    @Test
    void theHeaderLineComesFirst() throws IOException {
        assertEquals("a\tb\tc\n1\ta\"b\t1.5\n", text(new int[] {1, symbols.encode("a\"b"), Float.floatToRawIntBits(1.5f)},
                new CsvWriteOptions("\t", false, "a\tb\tc", false)));
        assertEquals("\n", text(new int[0], new CsvWriteOptions("\t", false, "", false)), "an empty header is a line");
    }

    @Test
    void compressedFilesAreGzipAndReadBack() throws Exception {
        Path file = dir.resolve("r.csv.gz");
        CsvWriteOptions options = new CsvWriteOptions(",", true, "x,y,z", true);
        int[] rows = rows();
        FactsWriter.stage(file, rows, 3, NUMBER_SYMBOL_FLOAT, options, symbols).commit();
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(0x1f, bytes[0] & 0xff);
        assertEquals(0x8b, bytes[1] & 0xff);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertEquals(text(rows, new CsvWriteOptions(",", true, "x,y,z", false)),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        IntRows back = FactsReader.read(file, NUMBER_SYMBOL_FLOAT, new CsvReadOptions(",", true, true, List.of()), symbols);
        assertEquals(3, back.size());
        assertNotEquals(rows[1], back.get(0, 1), "as with Soufflé, a quote written \\\"\" reads back as \\\"");
        assertEquals("a\\\"b", symbols.decode(back.get(0, 1)));
        assertEquals("c,d", symbols.decode(back.get(1, 1)));
        assertArrayEquals(new int[] {1, 2, 3}, new int[] {back.get(0, 0), back.get(1, 0), back.get(2, 0)});
    }

    @Test
    void aFailedCompressedWriteLeavesNoFile() {
        int[] rows = {1, 999, 0}; // 999: a symbol id the table lacks
        assertThrows(RuntimeException.class, () -> FactsWriter.stage(dir.resolve("bad.csv.gz"), rows, 1,
                NUMBER_SYMBOL_FLOAT, new CsvWriteOptions("\t", false, null, true), symbols));
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent(), "the temporary file is removed");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
