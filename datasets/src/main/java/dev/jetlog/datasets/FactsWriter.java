// Writes relations as .facts files (atomically, gzip-compressed if asked) or to a stream, with hand-rolled
// number formatting, Soufflé's header line and its rfc4180 quoting of symbols. Large relations are
// formatted in chunks of rows on several threads and written in order.
package dev.jetlog.datasets;

import dev.jetlog.parser.ast.ColumnType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a relation in Soufflé's {@code .facts} format: one row a line, {@code \n} endings,
 * columns separated by the delimiter. {@code NUMBER} is written as a signed decimal,
 * {@code UNSIGNED} as an unsigned decimal, {@code FLOAT} as {@link FloatFormat} prints it and
 * {@code SYMBOL} as the decoded text, raw (like Soufflé, nothing is escaped, so a symbol holding
 * the delimiter or a line break will not read back the same). A nullary relation's tuple is
 * written {@code ()}.
 *
 * <p>{@link CsvWriteOptions} add Soufflé's options: a header line first, symbols quoted as Soufflé 2.5
 * quotes them under {@code rfc4180} ({@code "..."}, a quote inside written {@code \""}), and gzip
 * compression of a file.
 *
 * <p>Writing to a {@link Path} is atomic: the data goes to a temporary file in the same
 * directory ({@link #stage}), is forced to disk, and is then renamed over the target
 * ({@link StagedFile#commit}). A failure part way (an I/O error, an interrupt, a symbol that cannot be
 * decoded) deletes the temporary file and leaves any existing target untouched.
 */
public final class FactsWriter {

    private static final int BUFFER_BYTES = 1 << 16;
    /** Rows per chunk formatted by one thread when several write a relation. */
    private static final int CHUNK_ROWS = 1 << 16;
    /** Longest formatted number: "-2147483648" or a float like "-1.17549e-38". */
    private static final int MAX_NUMBER_BYTES = 16;
    private static final byte[] MIN_INT = "-2147483648".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULLARY = "()".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUOTE_IN_QUOTES = "\\\"\"".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private int count;

    private FactsWriter(OutputStream out) {
        this.out = out;
    }

    /** Atomically writes the rows of {@code rows} to {@code file}. */
    public static void write(Path file, IntRows rows, List<ColumnType> types, String delimiter,
                             SymbolEncoder symbols) throws IOException {
        checkArity(rows, types);
        write(file, rows.data(), rows.size(), types, delimiter, symbols);
    }

    /**
     * Atomically writes the first {@code rowCount} rows of the row-major array {@code rows} to
     * {@code file}, creating missing parent directories. {@code symbols} may be null when no
     * column is {@code SYMBOL}.
     */
    public static void write(Path file, int[] rows, int rowCount, List<ColumnType> types, String delimiter,
                             SymbolEncoder symbols) throws IOException {
        stage(file, rows, rowCount, types, delimiter, symbols).commit();
    }

    /**
     * Writes the rows to a temporary file beside the target (beside the file a symbolic link points to,
     * so the link stays and the data goes through it, as Soufflé does) and forces it to disk; the target
     * is replaced only by {@link StagedFile#commit()}. A failure deletes the temporary file.
     */
    public static StagedFile stage(Path file, int[] rows, int rowCount, List<ColumnType> types, String delimiter,
                                   SymbolEncoder symbols) throws IOException {
        return stage(file, rows, rowCount, types, CsvWriteOptions.delimitedBy(delimiter), symbols);
    }

    /** As {@link #stage(Path, int[], int, List, String, SymbolEncoder)}, laid out as {@code options} say. */
    public static StagedFile stage(Path file, int[] rows, int rowCount, List<ColumnType> types,
                                   CsvWriteOptions options, SymbolEncoder symbols) throws IOException {
        return stage(file, rows, rowCount, types, options, symbols, 1);
    }

    /**
     * As {@link #stage(Path, int[], int, List, CsvWriteOptions, SymbolEncoder)}, formatting on up to
     * {@code threads} threads (the symbol encoder and record formatter must then be safe to call from
     * several threads at once; the file's bytes are the same for any number).
     */
    public static StagedFile stage(Path file, int[] rows, int rowCount, List<ColumnType> types,
                                   CsvWriteOptions options, SymbolEncoder symbols, int threads) throws IOException {
        validate(rows, rowCount, types, options.delimiter(), symbols);
        return StagedFile.write(file, out -> {
            if (options.compress()) {
                GZIPOutputStream zipped = new GZIPOutputStream(out, BUFFER_BYTES);
                new FactsWriter(zipped).writeAll(rows, rowCount, types, options, symbols, threads);
                zipped.finish();
            } else {
                new FactsWriter(out).writeAll(rows, rowCount, types, options, symbols, threads);
            }
        });
    }

    /** Writes the rows of {@code rows} to {@code out}, flushing but not closing it. */
    public static void write(OutputStream out, IntRows rows, List<ColumnType> types, String delimiter,
                             SymbolEncoder symbols) throws IOException {
        checkArity(rows, types);
        write(out, rows.data(), rows.size(), types, delimiter, symbols);
    }

    /** Writes the first {@code rowCount} rows to {@code out} (e.g. stdout), flushing but not closing it. */
    public static void write(OutputStream out, int[] rows, int rowCount, List<ColumnType> types, String delimiter,
                             SymbolEncoder symbols) throws IOException {
        write(out, rows, rowCount, types, CsvWriteOptions.delimitedBy(delimiter), symbols);
    }

    /**
     * Writes the first {@code rowCount} rows to {@code out} laid out as {@code options} say (compress is
     * for files and is not applied here), flushing but not closing it.
     */
    public static void write(OutputStream out, int[] rows, int rowCount, List<ColumnType> types,
                             CsvWriteOptions options, SymbolEncoder symbols) throws IOException {
        Objects.requireNonNull(out, "out");
        validate(rows, rowCount, types, options.delimiter(), symbols);
        new FactsWriter(out).writeAll(rows, rowCount, types, options, symbols, 1);
        out.flush();
    }

    private static void checkArity(IntRows rows, List<ColumnType> types) {
        if (rows.arity() != types.size()) {
            throw new IllegalArgumentException("rows have arity " + rows.arity() + " but " + types.size()
                    + " column types were given");
        }
    }

    private static void validate(int[] rows, int rowCount, List<ColumnType> types, String delimiter,
                                 SymbolEncoder symbols) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(delimiter, "delimiter");
        if (rowCount < 0 || (long) rowCount * types.size() > rows.length) {
            throw new IllegalArgumentException("rowCount " + rowCount + " with arity " + types.size()
                    + " does not fit an array of " + rows.length + " values");
        }
        if (symbols == null && types.contains(ColumnType.SYMBOL)) {
            throw new IllegalArgumentException("a SYMBOL column needs a SymbolEncoder");
        }
    }

    private void writeAll(int[] rows, int rowCount, List<ColumnType> types, CsvWriteOptions options,
                          SymbolEncoder symbols, int threads) throws IOException {
        if (options.header() != null) {
            writeString(options.header());
            newline();
        }
        if (options.records() == null && types.contains(ColumnType.RECORD)) {
            throw new IllegalArgumentException("a RECORD column needs a record formatter in the options");
        }
        if (threads > 1 && rowCount >= 2 * CHUNK_ROWS) {
            writeRowsInParallel(rows, rowCount, types, options, symbols, threads);
        } else {
            writeRows(rows, 0, rowCount, types, options.delimiter(), options.rfc4180(), symbols, options.records());
        }
    }

    /**
     * Formats chunks of rows on several threads, each into its own bytes, and writes them in order; at most
     * two chunks per thread are formatted ahead of the writing, so the memory stays bounded.
     */
    private void writeRowsInParallel(int[] rows, int rowCount, List<ColumnType> types, CsvWriteOptions options,
                                     SymbolEncoder symbols, int threads) throws IOException {
        flushBuffer();
        int chunks = (rowCount + CHUNK_ROWS - 1) / CHUNK_ROWS;
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "jetlog-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<ChunkBytes>> ahead = new ArrayDeque<>();
            int next = 0;
            for (int written = 0; written < chunks; written++) {
                while (next < chunks && ahead.size() < 2 * threads) {
                    int from = next * CHUNK_ROWS;
                    int to = Math.min(rowCount, from + CHUNK_ROWS);
                    ahead.add(pool.submit(() -> formatChunk(rows, from, to, types, options, symbols)));
                    next++;
                }
                ChunkBytes bytes = ahead.poll().get();
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.io.InterruptedIOException("interrupted while writing");
                }
                out.write(bytes.data(), 0, bytes.length());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing");
        } catch (ExecutionException e) {
            throw IoErrors.ofTask(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The bytes of one formatted chunk. */
    private record ChunkBytes(byte[] data, int length) {
    }

    /** An output stream into a growing byte array, unsynchronised (one formatting thread owns it). */
    private static final class ChunkStream extends OutputStream {
        private byte[] data = new byte[BUFFER_BYTES];
        private int length;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (length + len > data.length) {
                data = Arrays.copyOf(data, Math.max(2 * data.length, length + len));
            }
            System.arraycopy(b, off, data, length, len);
            length += len;
        }
    }

    private static ChunkBytes formatChunk(int[] rows, int from, int to, List<ColumnType> types, CsvWriteOptions options,
                                          SymbolEncoder symbols) throws IOException {
        ChunkStream stream = new ChunkStream();
        new FactsWriter(stream).writeRows(rows, from, to, types, options.delimiter(), options.rfc4180(), symbols,
                options.records());
        return new ChunkBytes(stream.data, stream.length);
    }

    /** Writes rows [from, to) and flushes them to the stream. */
    private void writeRows(int[] rows, int from, int to, List<ColumnType> typeList, String delimiter, boolean rfc4180,
                           SymbolEncoder symbols, CsvWriteOptions.RecordFormatter records) throws IOException {
        ColumnType[] types = typeList.toArray(new ColumnType[0]);
        int arity = types.length;
        byte[] delim = delimiter.getBytes(StandardCharsets.UTF_8);
        boolean allNumber = true;
        for (ColumnType t : types) {
            allNumber &= t == ColumnType.NUMBER;
        }
        if (arity == 0) {
            for (int r = from; r < to; r++) {
                writeBytes(NULLARY, 0, NULLARY.length);
                newline();
            }
        } else if (allNumber && delim.length == 1 && arity <= 256) {
            byte d = delim[0];
            int limit = buf.length - (MAX_NUMBER_BYTES + 1) * arity;
            for (int r = from, at = from * arity; r < to; r++) {
                if (count > limit) {
                    flushBuffer();
                }
                for (int c = 0; c < arity; c++, at++) {
                    if (c > 0) {
                        buf[count++] = d;
                    }
                    putInt(rows[at]);
                }
                buf[count++] = '\n';
            }
        } else {
            for (int r = from, at = from * arity; r < to; r++) {
                for (int c = 0; c < arity; c++, at++) {
                    if (c > 0) {
                        writeBytes(delim, 0, delim.length);
                    }
                    if (types[c] == ColumnType.RECORD) {
                        String text = records.format(c, rows[at]);
                        // Soufflé quotes a record field by doubling its quotes only
                        writeString(rfc4180 ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
                    } else {
                        writeValue(types[c], rows[at], rfc4180, symbols);
                    }
                }
                newline();
            }
        }
        flushBuffer();
    }

    private void writeValue(ColumnType type, int value, boolean rfc4180, SymbolEncoder symbols) throws IOException {
        switch (type) {
            case NUMBER:
                ensure(MAX_NUMBER_BYTES);
                putInt(value);
                break;
            case UNSIGNED:
                ensure(MAX_NUMBER_BYTES);
                if (value >= 0) {
                    putInt(value);
                } else {
                    putPositiveLong(value & 0xFFFF_FFFFL);
                }
                break;
            case FLOAT:
                writeAscii(FloatFormat.formatBits(value));
                break;
            case SYMBOL:
                String text = symbols.decode(value);
                if (text == null) {
                    throw new IllegalArgumentException("symbol id " + value + " has no text");
                }
                writeText(text, rfc4180);
                break;
            default:
                throw new IllegalArgumentException("unknown column type " + type);
        }
    }

    private void writeText(String text, boolean rfc4180) throws IOException {
        if (rfc4180) {
            writeQuoted(text);
        } else {
            writeString(text);
        }
    }

    /** Appends the decimal form of {@code v}; the caller guarantees {@code MAX_NUMBER_BYTES} room. */
    private void putInt(int v) {
        if (v < 0) {
            if (v == Integer.MIN_VALUE) {
                System.arraycopy(MIN_INT, 0, buf, count, MIN_INT.length);
                count += MIN_INT.length;
                return;
            }
            buf[count++] = '-';
            v = -v;
        }
        if (v < 10) {
            buf[count++] = (byte) ('0' + v);
            return;
        }
        int len = digits(v);
        int end = count + len;
        for (int i = end - 1; i >= count; i--) {
            int q = v / 10;
            buf[i] = (byte) ('0' + (v - q * 10));
            v = q;
        }
        count = end;
    }

    private void putPositiveLong(long v) {
        int len = Long.toString(v).length();
        int end = count + len;
        for (int i = end - 1; i >= count; i--) {
            buf[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        count = end;
    }

    private static int digits(int v) {
        int n = 1;
        while (v >= 10) {
            v /= 10;
            n++;
        }
        return n;
    }

    private void writeAscii(String s) throws IOException {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[count++] = (byte) s.charAt(i);
        }
    }

    private void writeString(String s) throws IOException {
        int n = s.length();
        if (n <= buf.length) {
            ensure(n);
            int start = count;
            int i = 0;
            while (i < n) {
                char ch = s.charAt(i);
                if (ch >= 0x80) {
                    break;
                }
                buf[start + i] = (byte) ch;
                i++;
            }
            if (i == n) {
                count += n;
                return;
            }
        }
        byte[] bytes = SymbolBytes.encode(s);
        writeBytes(bytes, 0, bytes.length);
    }

    /** Soufflé 2.5's rfc4180 symbol: in double quotes, each {@code "} inside written as {@code \""}. */
    private void writeQuoted(String s) throws IOException {
        byte[] bytes = SymbolBytes.encode(s);
        ensure(1);
        buf[count++] = '"';
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '"') {
                writeBytes(bytes, from, i - from);
                writeBytes(QUOTE_IN_QUOTES, 0, QUOTE_IN_QUOTES.length);
                from = i + 1;
            }
        }
        writeBytes(bytes, from, bytes.length - from);
        ensure(1);
        buf[count++] = '"';
    }

    private void writeBytes(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - count) {
            flushBuffer();
            if (len > buf.length) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    private void newline() throws IOException {
        ensure(1);
        buf[count++] = '\n';
    }

    private void ensure(int room) throws IOException {
        if (buf.length - count < room) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.io.InterruptedIOException("interrupted while writing");
        }
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }
}
