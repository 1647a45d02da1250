// Where each piece of a preprocessed text came from: for every output line, the segments that map its
// columns back to a file, line and column of the original sources, and the text of those sources.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.SourcePos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class LineMap {
    /**
     * The output columns from {@code outputColumn} up to the next segment of the same line came from
     * {@code file:line:column}. When {@code exact}, they are a copy of the original text there, so the
     * columns advance together; otherwise (a macro expansion) they all map to the macro's invocation.
     */
    public record Segment(int outputColumn, String file, int line, int column, boolean exact) {
    }

    private final Segment[] segments;
    /** lineStarts[i] is the index of the first segment of output line i + 1; one more entry ends the last. */
    private final int[] lineStarts;
    private final Map<String, SourceText> originals;
    private Map<String, int[]> firstOutputLines;

    private LineMap(Segment[] segments, int[] lineStarts, Map<String, SourceText> originals) {
        this.segments = segments;
        this.lineStarts = lineStarts;
        this.originals = Map.copyOf(originals);
    }

    /**
     * @param lines the segments of each output line, in output order, each line's in column order
     * @param originals the original text of every file named by a segment
     */
    public static LineMap of(List<List<Segment>> lines, Map<String, SourceText> originals) {
        Builder builder = new Builder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                builder.endLine();
            }
            lines.get(i).forEach(builder::add);
        }
        return builder.build(originals);
    }

    /** Collects the segments line by line, for a text being written. */
    public static final class Builder {
        private final List<Segment> segments = new ArrayList<>();
        private int[] lineStarts = new int[64];
        /** The output lines begun so far: the current one is the last. */
        private int lines = 1;

        /** Adds a segment to the current output line (after its other segments). */
        public void add(Segment segment) {
            segments.add(segment);
        }

        /** True when the current output line has no segment yet. */
        public boolean currentLineIsEmpty() {
            return lineStarts[lines - 1] == segments.size();
        }

        /** Begins the next output line. */
        public void endLine() {
            if (lines + 1 > lineStarts.length) {
                lineStarts = Arrays.copyOf(lineStarts, lineStarts.length * 2);
            }
            lineStarts[lines++] = segments.size();
        }

        /** The map of the lines so far, the current one included; the builder may go on. */
        public LineMap build(Map<String, SourceText> originals) {
            int[] starts = Arrays.copyOf(lineStarts, lines + 1);
            starts[lines] = segments.size();
            return new LineMap(segments.toArray(new Segment[0]), starts, originals);
        }
    }

    /** The number of output lines described. */
    public int outputLines() {
        return lineStarts.length - 1;
    }

    /**
     * The original position of a 1-based output line and column. A line without segments (past the end)
     * takes the position where the nearest earlier line's last segment came from; null when there is none.
     */
    public SourcePos origin(int outputLine, int outputColumn) {
        int line = Math.min(outputLine, outputLines());
        while (line >= 1 && lineStarts[line - 1] == lineStarts[line]) {
            line--;
        }
        if (line < 1) {
            return null;
        }
        int first = lineStarts[line - 1];
        int last = lineStarts[line] - 1;
        if (line != outputLine) {
            Segment end = segments[last];
            return new SourcePos(end.file(), end.line(), end.column());
        }
        Segment found = segments[first];
        for (int i = first + 1; i <= last && segments[i].outputColumn() <= outputColumn; i++) {
            found = segments[i];
        }
        int column = found.exact() ? found.column() + Math.max(0, outputColumn - found.outputColumn()) : found.column();
        return new SourcePos(found.file(), found.line(), column);
    }

    /** The 1-based line of an original file without its terminator, or "" when unknown. */
    public String originalLine(String file, int line) {
        SourceText original = originals.get(file);
        return original == null ? "" : original.line(line);
    }

    /**
     * The first output line that holds text of an original line, or Integer.MAX_VALUE when none does
     * (a directive, a skipped line, an unknown file): the order in which the parser met the positions.
     */
    public int firstOutputLine(String file, int line) {
        int[] firsts = firstOutputLines().get(file);
        return firsts == null || line < 1 || line >= firsts.length ? Integer.MAX_VALUE : firsts[line];
    }

    private synchronized Map<String, int[]> firstOutputLines() {
        if (firstOutputLines == null) {
            Map<String, int[]> result = new HashMap<>();
            for (int outputLine = 1; outputLine <= outputLines(); outputLine++) {
                for (int i = lineStarts[outputLine - 1]; i < lineStarts[outputLine]; i++) {
                    Segment segment = segments[i];
                    int[] firsts = result.computeIfAbsent(segment.file(), file -> filled(new int[0]));
                    if (segment.line() >= firsts.length) {
                        int[] grown = filled(new int[Math.max(segment.line() + 1, firsts.length * 2)]);
                        System.arraycopy(firsts, 0, grown, 0, firsts.length);
                        firsts = grown;
                        result.put(segment.file(), firsts);
                    }
                    firsts[segment.line()] = Math.min(firsts[segment.line()], outputLine);
                }
            }
            firstOutputLines = result;
        }
        return firstOutputLines;
    }

    private static int[] filled(int[] array) {
        Arrays.fill(array, Integer.MAX_VALUE);
        return array;
    }
}
