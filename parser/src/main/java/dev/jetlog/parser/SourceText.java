// The text of one program source with its name, split into lines for diagnostics. A preprocessed
// source also carries the line map from its text back to the original files, lines and columns.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.SourcePos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public final class SourceText {
    private final String name;
    private final String text;
    private final List<String> lines;
    private final Path file;
    private final LineMap lineMap;

    private SourceText(String name, String text, Path file, LineMap lineMap) {
        this.name = name;
        this.text = text;
        this.lines = splitLines(text);
        this.file = file;
        this.lineMap = lineMap;
    }

    public static SourceText of(String name, String text) {
        return new SourceText(name, text, null, null);
    }

    /** Reads a file as UTF-8; the diagnostics name it as given. */
    public static SourceText read(Path file) throws IOException {
        return new SourceText(file.toString(), Files.readString(file, StandardCharsets.UTF_8), file, null);
    }

    /** The output of the preprocessor for {@code original}: positions in {@code text} map through {@code lineMap}. */
    public static SourceText preprocessed(SourceText original, String text, LineMap lineMap) {
        return new SourceText(original.name, text, original.file, lineMap);
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** The file the text was read from; empty for text given directly. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** True when the text is the preprocessor's output (its positions map back through a line map). */
    public boolean isPreprocessed() {
        return lineMap != null;
    }

    /** The 1-based line of {@link #text()} without its line terminator, or "" when out of range. */
    public String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }

    /**
     * The 1-based line of an original source file, as a diagnostic at {@code file:number} shows it.
     * Text that was not preprocessed has one file: this one, whatever the name.
     */
    public String line(String file, int number) {
        return lineMap == null ? line(number) : lineMap.originalLine(file, number);
    }

    /** The original position of a 1-based line and column of {@link #text()}. */
    public SourcePos position(int line, int column) {
        SourcePos origin = lineMap == null ? null : lineMap.origin(line, column);
        return origin != null ? origin : new SourcePos(name, line, column);
    }

    /** Orders positions as the text presents them: by line and column, through the line map if any. */
    public Comparator<SourcePos> textOrder() {
        Comparator<SourcePos> byLine = Comparator.comparingInt(SourcePos::line);
        Comparator<SourcePos> inFile = byLine.thenComparingInt(SourcePos::column);
        if (lineMap == null) {
            return inFile;
        }
        return Comparator.comparingInt((SourcePos pos) -> lineMap.firstOutputLine(pos.file(), pos.line()))
                .thenComparing(SourcePos::file).thenComparing(inFile);
    }

    private static List<String> splitLines(String text) {
        List<String> result = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                result.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        result.add(text.substring(start));
        return result;
    }
}
