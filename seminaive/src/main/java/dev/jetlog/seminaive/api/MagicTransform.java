// Soufflé's --magic-transform and --magic-transform-exclude for one compilation: the relations (or "*" for
// every one) to give the magic-set transformation, besides those the program's pragmas and qualifiers name,
// and the relations to keep out of it.
package dev.jetlog.seminaive.api;

import dev.jetlog.parser.MagicSetRequest;

import java.util.Set;

/** Relations for the magic-set transformation, for {@link JetLog#compileFile(java.nio.file.Path, IncludeOptions, MagicTransform)}. */
public record MagicTransform(Set<String> relations, Set<String> excluded) {
    /** Nothing besides what the program asks for. */
    public static final MagicTransform NONE = new MagicTransform(Set.of(), Set.of());

    public MagicTransform {
        relations = Set.copyOf(relations);
        excluded = Set.copyOf(excluded);
    }

    MagicSetRequest toRequest() {
        return MagicSetRequest.of(relations, excluded);
    }
}
