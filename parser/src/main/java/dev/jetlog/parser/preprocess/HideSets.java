// Operations on hide sets, the names of the macros a token came out of (immutable sets, shared freely).
package dev.jetlog.parser.preprocess;

import java.util.HashSet;
import java.util.Set;

final class HideSets {
    private HideSets() {
    }

    static Set<String> with(Set<String> names, String name) {
        if (names.contains(name)) {
            return names;
        }
        Set<String> result = new HashSet<>(names);
        result.add(name);
        return Set.copyOf(result);
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.containsAll(a)) {
            return b;
        }
        if (b.isEmpty() || a.containsAll(b)) {
            return a;
        }
        Set<String> result = new HashSet<>(a);
        result.addAll(b);
        return Set.copyOf(result);
    }

    static Set<String> intersection(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Set.of();
        }
        Set<String> result = new HashSet<>(a);
        result.retainAll(b);
        return Set.copyOf(result);
    }
}
