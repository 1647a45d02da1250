// One case of shared/conformance/generated: a program, its facts and the expected output relations.
package dev.jetlog.seminaive.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

public record ConformanceCase(String name, Path directory) {
    public Path program() {
        return directory.resolve("program.dl");
    }

    public Path facts() {
        return directory.resolve("facts");
    }

    /** Expected rows per output relation, each row a line of tab-separated values. */
    public Map<String, List<String>> expected() {
        Map<String, List<String>> expected = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory.resolve("expected"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                String relation = file.getFileName().toString().replaceFirst("\\.csv$", "");
                expected.put(relation, lines(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expected;
    }

    /** The non-empty lines of a file, without line terminators. */
    public static List<String> lines(Path file) {
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every case, by name; skips (or fails under CI=true) when ../shared is absent. */
    public static List<ConformanceCase> all() {
        Path root = SharedFolder.require("conformance/generated", "conformance cases");
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted()
                    .map(dir -> new ConformanceCase(dir.getFileName().toString(), dir)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
