// Which relations the program asks the magic-set transformation for, as Soufflé reads it: the
// `magic-transform` pragma ("*" or a comma-separated list of relation names), the relations declared
// `magic`, minus the `magic-transform-exclude` pragma's list and the relations declared `no_magic`; the
// command line's --magic-transform and --magic-transform-exclude add to them.
// The planner decides which of the requested relations can be transformed (dev.jetlog.planner.MagicSets).
package dev.jetlog.parser;

import java.util.LinkedHashSet;
import java.util.Set;

public record MagicSetRequest(boolean everyRelation, Set<String> included, Set<String> excluded) {
    /** No transformation asked for. */
    public static final MagicSetRequest NONE = new MagicSetRequest(false, Set.of(), Set.of());

    public MagicSetRequest {
        included = Set.copyOf(included);
        excluded = Set.copyOf(excluded);
    }

    /** The request of a list of names ("*" for every relation) to transform and one to exclude. */
    public static MagicSetRequest of(java.util.Collection<String> included, java.util.Collection<String> excluded) {
        Builder builder = new Builder();
        builder.include(new LinkedHashSet<>(included));
        builder.exclude(new LinkedHashSet<>(excluded));
        return builder.build();
    }

    /** Both requests at once: what either asks for, minus what either excludes. */
    public MagicSetRequest and(MagicSetRequest other) {
        Set<String> allIncluded = new LinkedHashSet<>(included);
        allIncluded.addAll(other.included);
        Set<String> allExcluded = new LinkedHashSet<>(excluded);
        allExcluded.addAll(other.excluded);
        return new MagicSetRequest(everyRelation || other.everyRelation, allIncluded, allExcluded);
    }

    /** True when the program asks for the transformation of at least one relation. */
    public boolean isRequested() {
        return everyRelation || !included.isEmpty();
    }

    /** True when the relation is asked for and not excluded. */
    public boolean selects(String relation) {
        return (everyRelation || included.contains(relation)) && !excluded.contains(relation);
    }

    /** Collects the pragmas and qualifiers of one program. */
    static final class Builder {
        private boolean everyRelation;
        private final Set<String> included = new LinkedHashSet<>();
        private final Set<String> excluded = new LinkedHashSet<>();

        /** The names of `.pragma "magic-transform" "a,b"` (or "*"). */
        void include(Set<String> names) {
            for (String name : names) {
                if (name.equals("*")) {
                    everyRelation = true;
                } else {
                    included.add(name);
                }
            }
        }

        /** The names of `.pragma "magic-transform-exclude" "a,b"`. */
        void exclude(Set<String> names) {
            excluded.addAll(names);
        }

        /** A relation declared `magic` (true) or `no_magic` (false). */
        void qualifier(String relation, boolean magic) {
            (magic ? included : excluded).add(relation);
        }

        MagicSetRequest build() {
            return new MagicSetRequest(everyRelation, included, excluded);
        }
    }
}
