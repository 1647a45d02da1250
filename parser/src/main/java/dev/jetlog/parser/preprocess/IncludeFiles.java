// Finds and reads the files of #include: "FILE" in the including file's directory, then in each include
// directory in order; <FILE> in the include directories only. Each file is read once (UTF-8), and the
// files marked `#pragma once` are remembered.
package dev.jetlog.parser.preprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

final class IncludeFiles {
    private final List<Path> includeDirs;
    private final Map<Object, SourceFile> read = new HashMap<>();
    private final Set<Object> includedOnce = new HashSet<>();

    IncludeFiles(List<Path> includeDirs) {
        this.includeDirs = includeDirs;
    }

    /** The directories searched for a name, in order. */
    List<Path> searchPath(boolean quoted, Path includingDirectory) {
        List<Path> dirs = new ArrayList<>();
        if (quoted) {
            dirs.add(includingDirectory);
        }
        dirs.addAll(includeDirs);
        return dirs;
    }

    /** The first existing regular file of that name on the search path (an absolute name is taken as is). */
    Optional<Path> find(String name, boolean quoted, Path includingDirectory) {
        Path asked;
        try {
            asked = Path.of(name);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (asked.isAbsolute()) {
            return Files.isRegularFile(asked) ? Optional.of(asked) : Optional.empty();
        }
        for (Path dir : searchPath(quoted, includingDirectory)) {
            Path candidate = dir.resolve(asked);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Reads a file found by {@link #find} (once; later calls give the same file). */
    SourceFile read(Path path) throws IOException {
        Object identity = identity(path);
        SourceFile file = read.get(identity);
        if (file == null) {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            Path parent = path.getParent();
            file = new SourceFile(path.toString(), parent == null ? Path.of("") : parent, identity, text);
            read.put(identity, file);
        }
        return file;
    }

    /** Records a file read by the caller (the main file), so that including it again finds the same file. */
    void register(SourceFile file) {
        read.putIfAbsent(file.identity(), file);
    }

    /** The same object for every path that leads to one file. */
    static Object identity(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | SecurityException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    void markIncludedOnce(SourceFile file) {
        includedOnce.add(file.identity());
    }

    boolean isIncludedOnce(SourceFile file) {
        return includedOnce.contains(file.identity());
    }

    /** How a directory of the search path is named in a message: "." for the working directory. */
    static String describe(Path dir) {
        String text = dir.toString();
        return text.isEmpty() ? "." : text;
    }
}
