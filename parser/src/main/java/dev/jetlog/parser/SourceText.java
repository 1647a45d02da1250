// The text of one program source with its name, split into lines for diagnostics.
package dev.jetlog.parser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class SourceText {
    private final String name;
    private final String text;
    private final List<String> lines;

    private SourceText(String name, String text) {
        this.name = name;
        this.text = text;
        this.lines = splitLines(text);
    }

    public static SourceText of(String name, String text) {
        return new SourceText(name, text);
    }

    /** Reads a file as UTF-8; the diagnostics name it as given. */
    public static SourceText read(Path file) throws IOException {
        return new SourceText(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** The 1-based line without its line terminator, or "" when out of range. */
    public String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
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
