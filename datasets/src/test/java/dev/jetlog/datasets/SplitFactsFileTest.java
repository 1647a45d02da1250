// Tests for reading a large facts file in pieces on several threads: the rows, their order and the errors
// (line and column in the whole file, the first one in the file) are those of reading it on one thread.
package dev.jetlog.datasets;

import static dev.jetlog.parser.ast.ColumnType.FLOAT;
import static dev.jetlog.parser.ast.ColumnType.NUMBER;
import static dev.jetlog.parser.ast.ColumnType.UNSIGNED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jetlog.parser.ast.ColumnType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitFactsFileTest {
    private static final List<ColumnType> EDGE = List.of(NUMBER, NUMBER);
    /** Large enough to be split into several pieces. */
    private static final long SPLIT_BYTES = 3 * SplitFactsFile.MIN_PIECE_BYTES + 12345;

    @TempDir
    Path dir;

    /** Lines of random rows, with the quirks of edge lists: CRLF, blank and comment lines, runs of blanks. */
    private static String edgeList(long bytes, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder((int) bytes + 64);
        while (text.length() < bytes) {
            int kind = random.nextInt(50);
            if (kind == 0) {
                text.append('\n');
            } else if (kind == 1) {
                text.append("# a comment\r\n");
            } else {
                text.append(random.nextInt(2_000_000) - 1_000_000).append(kind == 2 ? " \t " : "\t")
                        .append(random.nextInt(1 << 30)).append(kind == 3 ? "\r\n" : "\n");
            }
        }
        return text.toString();
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The error reading the file on several threads, after checking that one thread reports the same. */
    private static FactsFormatException sameErrorAsOneThread(Path file, List<ColumnType> types,
                                                             CsvReadOptions options) {
        FactsFormatException sequential = assertThrows(FactsFormatException.class,
                () -> FactsReader.read(file, types, options, null, 1));
        FactsFormatException split = assertThrows(FactsFormatException.class,
                () -> FactsReader.read(file, types, options, null, 4));
        assertEquals(sequential.getMessage(), split.getMessage());
        return split;
    }

    private static void assertSameRows(IntRows expected, IntRows actual) {
        assertEquals(expected.size(), actual.size());
        assertArrayEquals(expected.toArray(), actual.toArray());
    }

    @Test
    void piecesReadOnSeveralThreadsGiveTheRowsInFileOrder() throws Exception {
        Path file = write("edge.facts", edgeList(SPLIT_BYTES, 7) + "17\t42"); // the last line has no newline
        CsvReadOptions options = CsvReadOptions.delimitedBy("\t");
        IntRows oneThread = FactsReader.read(file, EDGE, options, null, 1);
        assertTrue(oneThread.size() > 500_000, "the file is large: " + oneThread.size());
        assertEquals(42, oneThread.get(oneThread.size() - 1, 1));
        for (int threads : new int[] {2, 3, 4, 16}) {
            assertSameRows(oneThread, FactsReader.read(file, EDGE, options, null, threads));
        }
    }

    @Test
    void onlyTheFirstPieceSkipsTheHeaderAndByteOrderMark() throws Exception {
        StringBuilder text = new StringBuilder("\uFEFFfrom,to,weight\n");
        Random random = new Random(3);
        while (text.length() < SPLIT_BYTES) {
            text.append(random.nextInt(1000)).append(',').append(Integer.toUnsignedString(random.nextInt()))
                    .append(',').append(random.nextInt(100) / 4.0f).append('\n');
        }
        Path file = write("weighted.facts", text.toString());
        CsvReadOptions options = new CsvReadOptions(",", false, true, List.of());
        List<ColumnType> types = List.of(NUMBER, UNSIGNED, FLOAT);
        IntRows oneThread = FactsReader.read(file, types, options, null, 1);
        assertSameRows(oneThread, FactsReader.read(file, types, options, null, 3));
        // without the header option the header is a bad number, on line 1 column 1 either way
        FactsFormatException split = sameErrorAsOneThread(file, types, CsvReadOptions.delimitedBy(","));
        assertEquals(1, split.line());
    }

    @Test
    void anErrorInALaterPieceNamesItsLineInTheWholeFile() throws Exception {
        String good = edgeList(SPLIT_BYTES, 11);
        int cut = good.indexOf('\n', good.length() * 9 / 10) + 1;
        Path file = write("bad.facts", good.substring(0, cut) + "5\tx9\n" + good.substring(cut));
        FactsFormatException split = sameErrorAsOneThread(file, EDGE, CsvReadOptions.delimitedBy("\t"));
        assertEquals(good.substring(0, cut).chars().filter(c -> c == '\n').count() + 1, split.line());
        assertEquals(3, split.column());
    }

    @Test
    void whenSeveralPiecesHoldErrorsTheFirstInTheFileIsReported() throws Exception {
        String good = edgeList(SPLIT_BYTES, 13);
        int early = good.indexOf('\n', good.length() / 3) + 1;
        int late = good.indexOf('\n', good.length() * 9 / 10) + 1;
        Path file = write("two.facts", good.substring(0, early) + "1\t2\t3\n" + good.substring(early, late)
                + "oops\t1\n" + good.substring(late));
        FactsFormatException split = sameErrorAsOneThread(file, EDGE, CsvReadOptions.delimitedBy("\t"));
        assertTrue(split.detail().contains("expected 2 columns, found 3"), split.getMessage());
    }

    @Test
    void aLineLongerThanAPieceLeavesFewerPieces() throws Exception {
        // one field of padding blanks spans where the second and third pieces would start
        String head = "1\t2\n";
        String longLine = "3" + " ".repeat((int) (2 * SplitFactsFile.MIN_PIECE_BYTES + 100)) + "\t4\n";
        Path file = write("long.facts", head + longLine + edgeList(SplitFactsFile.MIN_PIECE_BYTES, 5));
        CsvReadOptions options = CsvReadOptions.delimitedBy("\t");
        IntRows oneThread = FactsReader.read(file, EDGE, options, null, 1);
        assertEquals(4, oneThread.get(1, 1));
        assertSameRows(oneThread, FactsReader.read(file, EDGE, options, null, 4));
        // a file of one line, without a line break, is one piece
        Path oneLine = write("one-line.facts", "5" + " ".repeat((int) SPLIT_BYTES) + "\t6");
        IntRows single = FactsReader.read(oneLine, EDGE, options, null, 4);
        assertEquals(1, single.size());
        assertEquals(6, single.get(0, 1));
    }

    @Test
    void aCompressedFileIsReadOnOneThreadWithTheSameRows() throws Exception {
        String text = edgeList(SPLIT_BYTES, 17);
        Path plain = write("plain.facts", text);
        Path zipped = dir.resolve("zipped.facts");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(zipped))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        CsvReadOptions options = CsvReadOptions.delimitedBy("\t");
        assertSameRows(FactsReader.read(plain, EDGE, options, null, 1),
                FactsReader.read(zipped, EDGE, options, null, 4));
    }
}
