// Soufflé's choice-domain: in a relation declared `choice-domain x`, the value of x determines the tuple;
// a new tuple whose x is already taken is dropped. New tuples arrive sorted, so among new tuples with
// the same key the smallest is kept; a key, once taken, stays taken. The keys taken so far live on the
// host, and the new tuples of such a relation are filtered there (downloaded, then uploaded again).
package dev.jetlog.seminaive.eval;

import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.Rows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class ChoiceDomains {
    /** Per relation with choice domains: the column indexes of each domain. */
    private final Map<String, List<int[]>> domains = new HashMap<>();
    /** Per relation: per domain, the keys taken so far. */
    private final Map<String, List<Set<KeyValues>>> taken = new HashMap<>();
    private final Backend backend;

    /** The values of a domain's columns in one tuple. */
    private record KeyValues(int[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof KeyValues key && java.util.Arrays.equals(values, key.values);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(values);
        }
    }

    ChoiceDomains(List<RelationDecl> relations, Backend backend) {
        this.backend = backend;
        for (RelationDecl decl : relations) {
            if (!decl.choiceDomains().isEmpty()) {
                List<int[]> columns = new ArrayList<>();
                List<Set<KeyValues>> keys = new ArrayList<>();
                for (List<Integer> domain : decl.choiceDomains()) {
                    columns.add(domain.stream().mapToInt(Integer::intValue).toArray());
                    keys.add(new HashSet<>());
                }
                domains.put(decl.name(), columns);
                taken.put(decl.name(), keys);
            }
        }
    }

    /** True if the relation has choice domains. */
    boolean has(String relation) {
        return domains.containsKey(relation);
    }

    /** The new sorted tuples of a relation that take no key already taken (the rows given are released). */
    Rows choose(String relation, Rows sortedNew) {
        List<int[]> columns = domains.get(relation);
        if (columns == null || sortedNew.isEmpty()) {
            return sortedNew;
        }
        int arity = sortedNew.arity();
        long count = sortedNew.size();
        int[] rows = backend.download(sortedNew, 0, count);
        int[] kept = new int[rows.length];
        int keptRows = 0;
        List<Set<KeyValues>> keys = taken.get(relation);
        for (int row = 0; row < count; row++) {
            int base = row * arity;
            KeyValues[] rowKeys = new KeyValues[columns.size()];
            boolean free = true;
            for (int d = 0; d < columns.size() && free; d++) {
                int[] domain = columns.get(d);
                int[] values = new int[domain.length];
                for (int i = 0; i < domain.length; i++) {
                    values[i] = rows[base + domain[i]];
                }
                rowKeys[d] = new KeyValues(values);
                free = !keys.get(d).contains(rowKeys[d]);
            }
            if (free) {
                for (int d = 0; d < columns.size(); d++) {
                    keys.get(d).add(rowKeys[d]);
                }
                System.arraycopy(rows, base, kept, keptRows * arity, arity);
                keptRows++;
            }
        }
        if (keptRows == count) {
            return sortedNew;
        }
        backend.release(sortedNew);
        return backend.upload(arity, java.util.Arrays.copyOf(kept, keptRows * arity), keptRows);
    }

    /** Forgets the keys of a relation whose tuples were all removed. */
    void clear(String relation) {
        List<Set<KeyValues>> keys = taken.get(relation);
        if (keys != null) {
            keys.forEach(Set::clear);
        }
    }
}
