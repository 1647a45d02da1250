// What the caller gives the preprocessor: the include directories (searched in order) and the macros
// defined before the program's first line, as Soufflé's -I and -M pass them to mcpp.
package dev.jetlog.parser.preprocess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * @param includeDirs directories searched by {@code #include "FILE"} (after the including file's own
 *                    directory) and {@code #include <FILE>}, in order
 * @param macros macro names and their bodies (a value of "1" for a macro given without one)
 */
public record PreprocessorOptions(List<Path> includeDirs, Map<String, String> macros) {
    /** No include directories and no macros. */
    public static final PreprocessorOptions NONE = new PreprocessorOptions(List.of(), Map.of());

    /** @throws IllegalArgumentException if a macro name is not an identifier, or is 'defined' */
    public PreprocessorOptions {
        includeDirs = List.copyOf(includeDirs);
        for (String name : macros.keySet()) {
            checkMacroName(name);
        }
        macros = Collections.unmodifiableMap(new LinkedHashMap<>(macros));
    }

    public PreprocessorOptions withIncludeDir(Path dir) {
        List<Path> dirs = new ArrayList<>(includeDirs);
        dirs.add(dir);
        return new PreprocessorOptions(dirs, macros);
    }

    public PreprocessorOptions withMacro(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(macros);
        all.put(name, value);
        return new PreprocessorOptions(includeDirs, all);
    }

    /**
     * The macros of one Soufflé -M argument: definitions separated by spaces, each NAME=VALUE, or NAME
     * for NAME=1 (as the C preprocessor's -D reads them).
     * @throws IllegalArgumentException if a name is not an identifier
     */
    public static Map<String, String> parseDefinitions(String definitions) {
        Map<String, String> macros = new LinkedHashMap<>();
        for (String definition : definitions.trim().split("\\s+")) {
            if (definition.isEmpty()) {
                continue;
            }
            int equals = definition.indexOf('=');
            String name = equals < 0 ? definition : definition.substring(0, equals);
            checkMacroName(name);
            macros.put(name, equals < 0 ? "1" : definition.substring(equals + 1));
        }
        return macros;
    }

    private static void checkMacroName(String name) {
        boolean identifier = !name.isEmpty() && PpLexer.isIdentifierStart(name.charAt(0))
                && name.chars().allMatch(c -> PpLexer.isIdentifierPart((char) c));
        if (!identifier || name.equals("defined")) {
            throw new IllegalArgumentException("invalid macro name '" + name
                    + "' (a macro name is a letter or '_' followed by letters, digits and '_', and not 'defined')");
        }
    }
}
