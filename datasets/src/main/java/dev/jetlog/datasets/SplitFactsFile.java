// Reads one large facts file on several threads: the file is cut into byte ranges that begin and end at line
// breaks, each range is parsed by its own FactsReader, and the pieces are joined in file order. Errors name
// the line in the whole file, and the first error in the file is the one reported.
package dev.jetlog.datasets;

import dev.jetlog.parser.ast.ColumnType;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

final class SplitFactsFile {
    /** The smallest piece worth a thread of its own (a few tens of milliseconds of parsing). */
    static final long MIN_PIECE_BYTES = 4L << 20;
    private static final int SCAN_BYTES = 1 << 16;

    private SplitFactsFile() {
    }

    /** Reads the file (uncompressed, numeric columns, no quoted fields) in up to `threads` pieces at once. */
    static IntRows read(Path file, List<ColumnType> types, CsvReadOptions options, int threads)
            throws IOException, FactsFormatException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long[] starts = pieceStarts(channel, size, (int) Math.min(threads, size / MIN_PIECE_BYTES));
            int pieces = starts.length - 1;
            String source = file.toString();
            if (pieces == 1) { // no line break to cut at
                return FactsReader.readPiece(new Range(channel, 0, size), source, types, options, true, size);
            }
            ExecutorService pool = Executors.newFixedThreadPool(pieces - 1, task -> {
                Thread thread = new Thread(task, "jetlog-reader");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<IntRows>> others = new ArrayList<>();
                for (int piece = 1; piece < pieces; piece++) {
                    long from = starts[piece];
                    long to = starts[piece + 1];
                    others.add(pool.submit(() -> FactsReader.readPiece(new Range(channel, from, to), source, types,
                            options, false, to - from)));
                }
                List<IntRows> rows = new ArrayList<>();
                FactsFormatException firstError = null;
                try {
                    rows.add(FactsReader.readPiece(new Range(channel, 0, starts[1]), source, types, options, true,
                            starts[1]));
                } catch (FactsFormatException e) {
                    firstError = e;
                }
                for (int piece = 1; piece < pieces; piece++) {
                    try {
                        rows.add(others.get(piece - 1).get());
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof FactsFormatException formatError)) {
                            throw IoErrors.ofTask(e.getCause());
                        }
                        if (firstError == null) {
                            firstError = inWholeFile(formatError, linesBefore(channel, starts[piece]));
                        }
                    }
                }
                if (firstError != null) {
                    throw firstError;
                }
                return IntRows.concat(rows, types.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading " + file);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * The byte offsets where the pieces start, with the file's size last: about equal parts, each moved on to
     * just past a line break; parts left empty by a long line are dropped.
     */
    private static long[] pieceStarts(FileChannel channel, long size, int pieces) throws IOException {
        List<Long> starts = new ArrayList<>();
        starts.add(0L);
        for (int piece = 1; piece < pieces; piece++) {
            long start = nextLineStart(channel, Math.max(starts.get(starts.size() - 1), size * piece / pieces), size);
            if (start >= size) {
                break; // no line break after this point: scanning on for the next pieces would reread the tail
            }
            if (start > starts.get(starts.size() - 1)) {
                starts.add(start);
            }
        }
        starts.add(size);
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    /** The offset just past the first '\n' at or after `from` (a '\r' before it stays with its line), or size. */
    private static long nextLineStart(FileChannel channel, long from, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(SCAN_BYTES);
        long at = from;
        while (at < size) {
            buffer.clear();
            int read = channel.read(buffer, at);
            if (read <= 0) {
                break;
            }
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += read;
        }
        return size;
    }

    /** The line breaks before the offset: the lines that precede a piece starting there. */
    private static int linesBefore(FileChannel channel, long offset) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(SCAN_BYTES);
        int lines = 0;
        long at = 0;
        while (at < offset) {
            buffer.clear();
            buffer.limit((int) Math.min(SCAN_BYTES, offset - at));
            int read = channel.read(buffer, at);
            if (read <= 0) {
                break;
            }
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) == '\n') {
                    lines++;
                }
            }
            at += read;
        }
        return lines;
    }

    private static FactsFormatException inWholeFile(FactsFormatException e, int linesBefore) {
        return new FactsFormatException(e.file(), e.line() + linesBefore, e.column(), e.detail());
    }

    /** The bytes [from, to) of a file, read by position, so that pieces share one channel. */
    private static final class Range extends InputStream {
        private final FileChannel channel;
        private long at;
        private final long end;

        Range(FileChannel channel, long from, long to) {
            this.channel = channel;
            this.at = from;
            this.end = to;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (at >= end) {
                return -1;
            }
            int wanted = (int) Math.min(length, end - at);
            int read = channel.read(ByteBuffer.wrap(bytes, offset, wanted), at);
            if (read > 0) {
                at += read;
            }
            return read;
        }
    }
}
