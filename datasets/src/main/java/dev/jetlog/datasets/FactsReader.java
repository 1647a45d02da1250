// Reads Soufflé-style .facts files and edge lists into IntRows, parsing bytes directly.
package dev.jetlog.datasets;

import dev.jetlog.parser.ast.ColumnType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads a relation from a Soufflé {@code .facts} file: one tuple a line, columns separated by a
 * delimiter (tab by default), values written raw without quoting, UTF-8.
 *
 * <p>Accepted everywhere: LF or CRLF line endings, a last line without a newline, a UTF-8 byte
 * order mark, blank lines (skipped), duplicate lines (kept; the engine deduplicates). A nullary
 * relation's tuple is written {@code ()}, as Soufflé does.
 *
 * <p><b>Edge-list mode.</b> When no column is {@code SYMBOL} and the delimiter is the default tab,
 * any run of tabs and spaces separates fields, leading and trailing blanks are ignored, and lines
 * whose first non-blank character is {@code #} or {@code %} are comments. This reads the edge
 * lists that circulate (SNAP, SuiteSparse, GPU Datalog benchmarks) as they are.
 *
 * <p><b>Exact mode.</b> Otherwise each line is split on the exact delimiter and nothing is a
 * comment; empty lines are skipped (lines of blanks too, unless there is a symbol column, whose
 * value they could be). A symbol is the raw text between delimiters, spaces
 * included; numeric fields may carry surrounding spaces.
 *
 * <p>Values: {@code NUMBER} is an optional sign and decimal digits fitting int32; {@code UNSIGNED}
 * is decimal 0..4294967295; {@code FLOAT} is Java float syntax or {@code nan}/{@code inf}/
 * {@code -inf}. Anything else raises {@link FactsFormatException} at the line and column of the
 * offending field.
 */
public final class FactsReader {

    /** The delimiter Soufflé uses by default. */
    public static final String DEFAULT_DELIMITER = "\t";

    private static final int BUFFER_BYTES = 1 << 16;
    private static final int MAX_BUFFER_BYTES = IntRows.MAX_ARRAY_LENGTH;

    private final InputStream in;
    private final String source;
    private final ColumnType[] types;
    private final int arity;
    private final SymbolEncoder symbols;
    private final byte[] delimiter;
    private final boolean blankSeparated;
    private final boolean anySymbol;

    private byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    private int limit;
    private int scanned;
    private boolean eof;
    private int lineNo;
    private int lineStart;
    private int lineEnd;

    private FactsReader(InputStream in, String source, List<ColumnType> types, String delimiter,
                        SymbolEncoder symbols) {
        this.in = Objects.requireNonNull(in, "in");
        this.source = Objects.requireNonNull(source, "sourceName");
        this.types = types.toArray(new ColumnType[0]);
        this.arity = this.types.length;
        this.symbols = symbols;
        Objects.requireNonNull(delimiter, "delimiter");
        if (delimiter.isEmpty() || delimiter.indexOf('\n') >= 0 || delimiter.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("delimiter must be non-empty and contain no line break");
        }
        this.delimiter = delimiter.getBytes(StandardCharsets.UTF_8);
        boolean anySymbol = false;
        for (ColumnType t : this.types) {
            anySymbol |= Objects.requireNonNull(t, "column type") == ColumnType.SYMBOL;
        }
        if (anySymbol && symbols == null) {
            throw new IllegalArgumentException("a SYMBOL column needs a SymbolEncoder");
        }
        this.anySymbol = anySymbol;
        this.blankSeparated = !anySymbol && delimiter.equals(DEFAULT_DELIMITER);
    }

    /** Reads a tab-separated file whose columns are all numeric (no symbol table needed). */
    public static IntRows read(Path file, List<ColumnType> types) throws IOException, FactsFormatException {
        return read(file, types, DEFAULT_DELIMITER, null);
    }

    /**
     * Reads {@code file}. {@code symbols} may be null when no column is {@code SYMBOL}.
     *
     * @throws FactsFormatException if the content does not match {@code types}
     */
    public static IntRows read(Path file, List<ColumnType> types, String delimiter, SymbolEncoder symbols)
            throws IOException, FactsFormatException {
        int expectedRows = estimateRows(Files.size(file), types.size());
        try (InputStream in = Files.newInputStream(file)) {
            return new FactsReader(in, file.toString(), types, delimiter, symbols).readAll(expectedRows);
        }
    }

    /**
     * Reads from a stream, which is read to its end but not closed. {@code sourceName} names the
     * input in error messages.
     */
    public static IntRows read(InputStream in, String sourceName, List<ColumnType> types, String delimiter,
                               SymbolEncoder symbols) throws IOException, FactsFormatException {
        return new FactsReader(in, sourceName, types, delimiter, symbols).readAll(16);
    }

    private static int estimateRows(long bytes, int arity) {
        // A short edge-list line is about 12 bytes; overestimating a little costs less than regrowing.
        long perRow = Math.max(4, 6L * Math.max(1, arity));
        long rows = bytes / perRow + 16;
        long cap = arity == 0 ? 1 << 20 : IntRows.MAX_ARRAY_LENGTH / arity;
        return (int) Math.min(rows, cap);
    }

    private IntRows readAll(int expectedRows) throws IOException, FactsFormatException {
        IntRows rows = new IntRows(arity, expectedRows);
        int[] row = new int[arity];
        while (nextLine()) {
            if (lineNo == 1) {
                skipByteOrderMark();
            }
            boolean isRow = arity == 0 ? nullaryLine()
                    : blankSeparated ? splitOnBlanks(row) : splitOnDelimiter(row);
            if (!isRow) {
                continue;
            }
            if (arity == 2) {
                rows.add2(row[0], row[1]);
            } else {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Edge-list mode: fills {@code row}, returns false for a blank or comment line. */
    private boolean splitOnBlanks(int[] row) throws FactsFormatException {
        final byte[] b = buf;
        final int end = lineEnd;
        int p = lineStart;
        while (p < end && isBlank(b[p])) {
            p++;
        }
        if (p == end || b[p] == '#' || b[p] == '%') {
            return false;
        }
        for (int c = 0; c < arity; c++) {
            if (p == end) {
                throw error(p, "expected " + arity + " columns, found " + c);
            }
            int start = p;
            while (p < end && !isBlank(b[p])) {
                p++;
            }
            row[c] = parseNumeric(c, start, p);
            while (p < end && isBlank(b[p])) {
                p++;
            }
        }
        if (p < end) {
            int extra = p;
            int found = arity;
            while (p < end) {
                found++;
                while (p < end && !isBlank(b[p])) {
                    p++;
                }
                while (p < end && isBlank(b[p])) {
                    p++;
                }
            }
            throw error(extra, "expected " + arity + " columns, found " + found);
        }
        return true;
    }

    /**
     * Exact mode: fills {@code row}, returns false for an empty line (or, without symbol columns,
     * a line of blanks).
     */
    private boolean splitOnDelimiter(int[] row) throws FactsFormatException {
        final int end = lineEnd;
        if (lineStart == end) {
            return false;
        }
        if (!anySymbol) {
            int p = lineStart;
            while (p < end && isBlank(buf[p])) {
                p++;
            }
            if (p == end) {
                return false;
            }
        }
        int start = lineStart;
        for (int c = 0; c < arity; c++) {
            int stop = indexOfDelimiter(start, end);
            if (c < arity - 1 && stop < 0) {
                throw error(end, "expected " + arity + " columns, found " + (c + 1));
            }
            if (c == arity - 1 && stop >= 0) {
                int found = arity;
                for (int p = stop; p >= 0; p = indexOfDelimiter(p + delimiter.length, end)) {
                    found++;
                }
                throw error(stop + delimiter.length, "expected " + arity + " columns, found " + found);
            }
            if (stop < 0) {
                stop = end;
            }
            if (types[c] == ColumnType.SYMBOL) {
                row[c] = symbols.encode(SymbolBytes.decode(buf, start, stop));
            } else {
                int from = start;
                int to = stop;
                while (from < to && isBlank(buf[from])) {
                    from++;
                }
                while (to > from && isBlank(buf[to - 1])) {
                    to--;
                }
                row[c] = parseNumeric(c, from, to);
            }
            start = stop + delimiter.length;
        }
        return true;
    }

    /** A nullary relation: each non-blank line must be {@code ()}. */
    private boolean nullaryLine() throws FactsFormatException {
        int from = lineStart;
        int to = lineEnd;
        while (from < to && isBlank(buf[from])) {
            from++;
        }
        while (to > from && isBlank(buf[to - 1])) {
            to--;
        }
        if (from == to || (blankSeparated && (buf[from] == '#' || buf[from] == '%'))) {
            return false;
        }
        if (to - from == 2 && buf[from] == '(' && buf[from + 1] == ')') {
            return true;
        }
        throw error(from, "expected () for a tuple of a nullary relation, found "
                + NumericFields.quote(buf, from, to));
    }

    private int parseNumeric(int column, int from, int to) throws FactsFormatException {
        try {
            ColumnType t = types[column];
            return t == ColumnType.NUMBER ? NumericFields.parseNumber(buf, from, to)
                    : NumericFields.parse(t, buf, from, to);
        } catch (NumericFields.BadValue e) {
            throw error(from, e.getMessage());
        }
    }

    private int indexOfDelimiter(int from, int end) {
        final byte[] d = delimiter;
        final byte first = d[0];
        outer:
        for (int i = from, last = end - d.length; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int k = 1; k < d.length; k++) {
                if (buf[i + k] != d[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean isBlank(byte c) {
        return c == '\t' || c == ' ';
    }

    private void skipByteOrderMark() {
        if (lineEnd - lineStart >= 3 && buf[lineStart] == (byte) 0xEF && buf[lineStart + 1] == (byte) 0xBB
                && buf[lineStart + 2] == (byte) 0xBF) {
            lineStart += 3;
        }
    }

    /** An error at byte offset {@code at} of the current line; the column counts characters. */
    private FactsFormatException error(int at, String detail) {
        int column = 1;
        for (int i = lineStart; i < at; i++) {
            if ((buf[i] & 0xC0) != 0x80) { // count UTF-8 lead bytes only
                column++;
            }
        }
        return new FactsFormatException(source, lineNo, column, detail);
    }

    /**
     * Advances to the next line, setting {@code lineStart}/{@code lineEnd} (a trailing CR
     * excluded). Returns false at end of input.
     */
    private boolean nextLine() throws IOException {
        while (true) {
            int i = scanned;
            final byte[] b = buf;
            final int lim = limit;
            while (i < lim && b[i] != '\n') {
                i++;
            }
            if (i < lim) {
                setLine(pos, i);
                pos = i + 1;
                scanned = pos;
                return true;
            }
            if (eof) {
                if (pos == limit) {
                    return false;
                }
                setLine(pos, limit);
                pos = limit;
                scanned = limit;
                return true;
            }
            scanned = limit;
            fill();
        }
    }

    private void setLine(int start, int end) {
        if (end > start && buf[end - 1] == '\r') {
            end--;
        }
        lineStart = start;
        lineEnd = end;
        lineNo++;
    }

    /** Reads more input, compacting the buffer and growing it when one line fills it. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            scanned -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            if (buf.length == MAX_BUFFER_BYTES) {
                throw new IOException(source + ":" + (lineNo + 1) + ": line longer than "
                        + MAX_BUFFER_BYTES + " bytes");
            }
            buf = Arrays.copyOf(buf, (int) Math.min(MAX_BUFFER_BYTES, 2L * buf.length));
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }
}
