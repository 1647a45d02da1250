// What the C preprocessor gets before a program is parsed: include directories and predefined macros.
package dev.jetlog.seminaive.api;

import dev.jetlog.parser.preprocess.PreprocessorOptions;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Include directories (searched in order for {@code #include}, like Soufflé's {@code -I}) and predefined
 * macros (like {@code -M "NAME=VALUE"}) for {@link JetLog#compile(String, String, IncludeOptions)}. Immutable.
 */
public record IncludeOptions(List<Path> includeDirs, Map<String, String> macros) {
    /** No include directory, no macro. */
    public static final IncludeOptions NONE = new IncludeOptions(List.of(), Map.of());

    public IncludeOptions {
        includeDirs = List.copyOf(includeDirs);
        macros = Map.copyOf(macros);
    }

    /** These options with one more include directory, searched after the others. */
    public IncludeOptions withIncludeDir(Path dir) {
        List<Path> dirs = new java.util.ArrayList<>(includeDirs);
        dirs.add(dir);
        return new IncludeOptions(dirs, macros);
    }

    /** These options with a macro defined (replacing an earlier definition of the name). */
    public IncludeOptions withMacro(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(macros);
        all.put(name, value);
        return new IncludeOptions(includeDirs, all);
    }

    PreprocessorOptions toPreprocessor() {
        return new PreprocessorOptions(includeDirs, macros);
    }
}
