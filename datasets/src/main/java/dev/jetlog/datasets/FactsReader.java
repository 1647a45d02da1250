// Reads Soufflé-style .facts files (gzip-compressed or not, RFC 4180 quoting, header lines, selected
// columns) and edge lists into IntRows, parsing bytes directly.
package dev.jetlog.datasets;

import dev.jetlog.parser.ast.ColumnType;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

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
 *
 * <p><b>Soufflé's options</b> ({@link CsvReadOptions}): with {@code headers} the first line is skipped;
 * with {@code columns} the listed fields feed the attributes and the others are skipped; under
 * {@code rfc4180} a field that starts with {@code "} runs to the next lone {@code "}, holding
 * delimiters and line breaks as they are, {@code ""} standing for one quote, and must be followed by
 * the delimiter or the end of the line. Any of these selects exact mode.
 *
 * <p><b>Compression.</b> A file whose first bytes are gzip's magic number is decompressed as it is
 * read, whatever its name, as Soufflé's reader (zlib) does; corrupt or truncated gzip data is an error.
 */
public final class FactsReader {

    /** The delimiter Soufflé uses by default. */
    public static final String DEFAULT_DELIMITER = "\t";

    private static final int BUFFER_BYTES = 1 << 16;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int MAX_BUFFER_BYTES = IntRows.MAX_ARRAY_LENGTH;

    private final InputStream in;
    private final String source;
    private final ColumnType[] types;
    private final int arity;
    private final SymbolEncoder symbols;
    private final byte[] delimiter;
    private final boolean blankSeparated;
    private final boolean anySymbol;
    private final boolean rfc4180;
    private final boolean skipHeader;
    /** For each field of a line, the attribute it feeds or -1; null when field i feeds attribute i. */
    private final int[] attributeOfField;
    /** False for a piece of a file that starts past its first line: no byte order mark, no header. */
    private final boolean atFileStart;

    private byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    private int limit;
    private int scanned;
    private boolean eof;
    private int lineNo;
    private int lineStart;
    private int lineEnd;
    /** The line on which the current record (the current line, or more under rfc4180) starts. */
    private int recordLine;
    /** While a quoted field runs past a line break: the buffer offset fill() must keep; else -1. */
    private int anchor = -1;
    /** The text of the current quoted field, its {@code ""} turned into {@code "}. */
    private byte[] quoted = new byte[64];
    private int quotedLength;

    private FactsReader(InputStream in, String source, List<ColumnType> types, CsvReadOptions options,
                        SymbolEncoder symbols) {
        this(in, source, types, options, symbols, true);
    }

    private FactsReader(InputStream in, String source, List<ColumnType> types, CsvReadOptions options,
                        SymbolEncoder symbols, boolean atFileStart) {
        this.atFileStart = atFileStart;
        this.in = Objects.requireNonNull(in, "in");
        this.source = Objects.requireNonNull(source, "sourceName");
        this.types = types.toArray(new ColumnType[0]);
        this.arity = this.types.length;
        this.symbols = symbols;
        String delimiter = options.delimiter();
        this.delimiter = delimiter.getBytes(StandardCharsets.UTF_8);
        this.rfc4180 = options.rfc4180();
        this.skipHeader = options.headers();
        this.attributeOfField = attributeOfField(options.columns(), arity);
        boolean anySymbol = false;
        for (ColumnType t : this.types) {
            anySymbol |= Objects.requireNonNull(t, "column type") == ColumnType.SYMBOL;
        }
        if (anySymbol && symbols == null) {
            throw new IllegalArgumentException("a SYMBOL column needs a SymbolEncoder");
        }
        this.anySymbol = anySymbol;
        this.blankSeparated = !anySymbol && delimiter.equals(DEFAULT_DELIMITER) && !rfc4180
                && attributeOfField == null;
    }

    private static int[] attributeOfField(List<Integer> columns, int arity) {
        if (columns.isEmpty()) {
            return null;
        }
        if (columns.size() != arity) {
            throw new IllegalArgumentException(columns.size() + " columns given for " + arity + " attributes");
        }
        int[] attributeOf = new int[columns.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
        Arrays.fill(attributeOf, -1);
        for (int attribute = 0; attribute < arity; attribute++) {
            attributeOf[columns.get(attribute)] = attribute;
        }
        return attributeOf;
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
        return read(file, types, CsvReadOptions.delimitedBy(delimiter), symbols);
    }

    /**
     * Reads {@code file} laid out as {@code options} say, decompressing it if it starts with gzip's
     * magic number. {@code symbols} may be null when no column is {@code SYMBOL}.
     *
     * @throws FactsFormatException if the content does not match {@code types}
     * @throws IOException if the file cannot be read, or holds corrupt gzip data
     */
    public static IntRows read(Path file, List<ColumnType> types, CsvReadOptions options, SymbolEncoder symbols)
            throws IOException, FactsFormatException {
        long bytes = Files.size(file);
        try (PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 2)) {
            if (!startsWithGzipMagic(in)) {
                return new FactsReader(in, file.toString(), types, options, symbols)
                        .readAll(estimateRows(bytes, types.size()));
            }
            try {
                InputStream unzipped = new GZIPInputStream(in, BUFFER_BYTES);
                return new FactsReader(unzipped, file.toString(), types, options, symbols)
                        .readAll(estimateRows(4 * bytes, types.size()));
            } catch (ZipException | EOFException e) {
                throw new IOException("corrupt gzip data (" + e.getMessage() + ")", e);
            }
        }
    }

    /**
     * As {@link #read(Path, List, CsvReadOptions, SymbolEncoder)}, on up to {@code threads} threads: a large
     * uncompressed file without symbol columns (whose codes must follow the file's order) and without quoted
     * fields (which may span lines) is read in line-aligned pieces at once, with the same rows in the same
     * order and the same errors.
     */
    public static IntRows read(Path file, List<ColumnType> types, CsvReadOptions options, SymbolEncoder symbols,
                               int threads) throws IOException, FactsFormatException {
        if (threads > 1 && !types.contains(ColumnType.SYMBOL) && !options.rfc4180()
                && Files.size(file) >= SplitFactsFile.MIN_PIECE_BYTES * 2 && !startsWithGzipMagic(file)) {
            return SplitFactsFile.read(file, types, options, threads);
        }
        return read(file, types, options, symbols);
    }

    private static boolean startsWithGzipMagic(Path file) throws IOException {
        try (PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 2)) {
            return startsWithGzipMagic(in);
        }
    }

    /**
     * Reads a piece of a file, from a line start to a line end; numeric columns only. Line numbers in errors
     * count from the piece's first line; only a piece at the file's start skips a byte order mark and header.
     */
    static IntRows readPiece(InputStream in, String sourceName, List<ColumnType> types, CsvReadOptions options,
                             boolean atFileStart, long bytes) throws IOException, FactsFormatException {
        return new FactsReader(in, sourceName, types, options, null, atFileStart)
                .readAll(estimateRows(bytes, types.size()));
    }

    /** Peeks at the first two bytes, leaving them to be read again. */
    static boolean startsWithGzipMagic(PushbackInputStream in) throws IOException {
        byte[] head = in.readNBytes(2);
        in.unread(head);
        return head.length == 2 && (head[0] & 0xFF) == GZIP_MAGIC_1 && (head[1] & 0xFF) == GZIP_MAGIC_2;
    }

    /**
     * Reads from a stream, which is read to its end but not closed. {@code sourceName} names the
     * input in error messages.
     */
    public static IntRows read(InputStream in, String sourceName, List<ColumnType> types, String delimiter,
                               SymbolEncoder symbols) throws IOException, FactsFormatException {
        return read(in, sourceName, types, CsvReadOptions.delimitedBy(delimiter), symbols);
    }

    /** Reads from a stream laid out as {@code options} say (no decompression), to its end, not closing it. */
    public static IntRows read(InputStream in, String sourceName, List<ColumnType> types, CsvReadOptions options,
                               SymbolEncoder symbols) throws IOException, FactsFormatException {
        return new FactsReader(in, sourceName, types, options, symbols).readAll(16);
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
            if (lineNo == 1 && atFileStart) {
                skipByteOrderMark();
                if (skipHeader) {
                    continue;
                }
            }
            boolean isRow = arity == 0 ? nullaryLine()
                    : blankSeparated ? splitOnBlanks(row)
                    : rfc4180 ? splitQuoted(row)
                    : attributeOfField != null ? splitSelected(row) : splitOnDelimiter(row);
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

    /** Exact mode with {@code columns}: the listed fields feed their attributes, the others are skipped. */
    private boolean splitSelected(int[] row) throws FactsFormatException {
        if (isEmptyLine()) {
            return false;
        }
        final int end = lineEnd;
        int start = lineStart;
        for (int field = 0, filled = 0; filled < arity; field++) {
            if (start > end) {
                throw error(end, "expected at least " + attributeOfField.length + " columns, found " + field);
            }
            int stop = indexOfDelimiter(start, end);
            if (stop < 0) {
                stop = end;
            }
            int attribute = field < attributeOfField.length ? attributeOfField[field] : -1;
            if (attribute >= 0) {
                row[attribute] = value(attribute, buf, start, stop, start);
                filled++;
            }
            start = stop + delimiter.length;
        }
        return true;
    }

    /**
     * Under rfc4180: fills {@code row} from a record whose quoted fields may hold delimiters and line
     * breaks (reading on past the line's end for those); returns false for an empty line. Offsets are
     * kept from {@code lineStart}, which moves when the buffer is compacted.
     */
    private boolean splitQuoted(int[] row) throws IOException, FactsFormatException {
        if (isEmptyLine()) {
            return false;
        }
        int at = 0;
        int field = 0;
        for (int filled = 0; filled < arity; field++) {
            int end = lineEnd - lineStart;
            if (at > end) {
                throw error(lineEnd, "expected " + (attributeOfField == null ? "" : "at least ")
                        + fieldsWanted() + " columns, found " + field);
            }
            int attribute = attributeOfField == null ? field
                    : field < attributeOfField.length ? attributeOfField[field] : -1;
            if (at < end && buf[lineStart + at] == '"') {
                int open = at;
                int p = at + 1;
                quotedLength = 0;
                while (true) {
                    if (p == end) {
                        if (!extendLine()) {
                            throw error(lineStart + open, "the quoted field has no closing '\"'");
                        }
                        end = lineEnd - lineStart;
                        continue;
                    }
                    byte c = buf[lineStart + p++];
                    if (c == '"') {
                        if (p < end && buf[lineStart + p] == '"') {
                            p++;
                        } else {
                            break;
                        }
                    }
                    appendQuoted(c);
                }
                if (p < end && indexOfDelimiter(lineStart + p, lineStart + end) != lineStart + p) {
                    throw error(lineStart + p, "expected the delimiter or the end of the line after a quoted field");
                }
                if (attribute >= 0) {
                    row[attribute] = value(attribute, quoted, 0, quotedLength, lineStart + open);
                    filled++;
                }
                at = p + delimiter.length;
            } else {
                int stop = indexOfDelimiter(lineStart + at, lineStart + end);
                stop = stop < 0 ? end : stop - lineStart;
                if (attribute >= 0) {
                    row[attribute] = value(attribute, buf, lineStart + at, lineStart + stop, lineStart + at);
                    filled++;
                }
                at = stop + delimiter.length;
            }
        }
        if (attributeOfField == null && at <= lineEnd - lineStart) {
            throw error(lineStart + at, "expected " + arity + " columns, found more");
        }
        return true;
    }

    private int fieldsWanted() {
        return attributeOfField == null ? arity : attributeOfField.length;
    }

    private void appendQuoted(byte c) {
        if (quotedLength == quoted.length) { // never longer than its record, which the buffer holds
            quoted = Arrays.copyOf(quoted, (int) Math.min(MAX_BUFFER_BYTES, 2L * quoted.length));
        }
        quoted[quotedLength++] = c;
    }

    /** True for a line to skip in exact mode: empty, or (with no symbol column) only blanks. */
    private boolean isEmptyLine() {
        if (lineStart == lineEnd) {
            return true;
        }
        if (anySymbol) {
            return false;
        }
        for (int p = lineStart; p < lineEnd; p++) {
            if (!isBlank(buf[p])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value of attribute {@code attribute} written in {@code bytes[from, to)}: a symbol as it is,
     * a number with blanks around it ignored; an error points at {@code errorAt} in the buffer.
     */
    private int value(int attribute, byte[] bytes, int from, int to, int errorAt) throws FactsFormatException {
        if (types[attribute] == ColumnType.SYMBOL) {
            return symbols.encode(SymbolBytes.decode(bytes, from, to));
        }
        while (from < to && isBlank(bytes[from])) {
            from++;
        }
        while (to > from && isBlank(bytes[to - 1])) {
            to--;
        }
        try {
            return NumericFields.parse(types[attribute], bytes, from, to);
        } catch (NumericFields.BadValue e) {
            throw error(errorAt, e.getMessage());
        }
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

    /**
     * An error at byte offset {@code at} of the current record (one line, or several when a quoted field
     * holds line breaks); the column counts characters from the start of its line.
     */
    private FactsFormatException error(int at, String detail) {
        int line = recordLine;
        int from = lineStart;
        for (int i = lineStart; i < at; i++) {
            if (buf[i] == '\n') {
                line++;
                from = i + 1;
            }
        }
        int column = 1;
        for (int i = from; i < at; i++) {
            if ((buf[i] & 0xC0) != 0x80) { // count UTF-8 lead bytes only
                column++;
            }
        }
        return new FactsFormatException(source, line, column, detail);
    }

    /**
     * Advances to the next line, setting {@code lineStart}/{@code lineEnd} (a trailing CR
     * excluded). Returns false at end of input.
     */
    private boolean nextLine() throws IOException {
        while (true) {
            int i = lineBreakFrom(scanned);
            final int lim = limit;
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

    /** The position of the first '\n' from i on in the buffered bytes, or limit if there is none. */
    private int lineBreakFrom(int i) {
        final byte[] b = buf;
        final int lim = limit;
        while (i < lim && b[i] != '\n') {
            i++;
        }
        return i;
    }

    private void setLine(int start, int end) {
        if (end > start && buf[end - 1] == '\r') {
            end--;
        }
        lineStart = start;
        lineEnd = end;
        lineNo++;
        recordLine = lineNo;
    }

    /**
     * Under rfc4180, for a quoted field that runs past the line break: appends the next line to the
     * current record, the line break included as it was ({@code \n} or {@code \r\n}). Returns false
     * at end of input.
     */
    private boolean extendLine() throws IOException {
        anchor = lineStart;
        try {
            while (true) {
                int i = lineBreakFrom(scanned);
                final int lim = limit;
                if (i < lim || eof) {
                    if (i == lim && pos == limit) {
                        return false;
                    }
                    lineEnd = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    pos = i < lim ? i + 1 : limit;
                    scanned = pos;
                    lineNo++;
                    return true;
                }
                scanned = limit;
                fill();
            }
        } finally {
            anchor = -1;
        }
    }

    /**
     * Reads more input, compacting the buffer (keeping the record from {@code anchor} while one is being
     * extended) and growing it when one line fills it.
     */
    private void fill() throws IOException {
        int keep = anchor >= 0 ? anchor : pos;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, limit - keep);
            limit -= keep;
            scanned -= keep;
            pos -= keep;
            lineStart -= keep;
            lineEnd -= keep;
            if (anchor >= 0) {
                anchor -= keep;
            }
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
