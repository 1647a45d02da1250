// The values a relation's columns can take (ColumnDomains), read from the relation columns outside its
// stratum that bound them, which are complete before its loop starts: the box a dense set spans, so that
// the rows the loop derives later fall inside it.
package dev.jetlog.seminaive.eval;

import dev.jetlog.planner.ColumnDomains;
import dev.jetlog.planner.Stratum;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.Rows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class DomainValues {
    private final ColumnDomains domains;
    private final RelationStore store;
    private final Backend backend;
    /**
     * The values found for the relations of the stratum they were asked for last, and for the columns they
     * were read from (neither changes during the stratum).
     */
    private final Map<String, int[][]> ofStratum = new HashMap<>();
    private final Map<ColumnDomains.Source, int[]> ofSource = new HashMap<>();
    private int stratum = -1;

    DomainValues(ColumnDomains domains, RelationStore store, Backend backend) {
        this.domains = domains;
        this.store = store;
        this.backend = backend;
    }

    /** True if every column of the relation has a domain: its dense set's box is known before any row is. */
    boolean knownAhead(String relation) {
        for (int column = 0; column < store.arity(relation); column++) {
            if (domains.of(relation, column) == null) {
                return false;
            }
        }
        return store.arity(relation) > 0;
    }

    /**
     * Per column of the relation, the sorted distinct values its domain holds outside the stratum (the
     * relations of the stratum grow from those, and the set holds the relation's own rows anyway), or null
     * where the column has no domain or the backend reads no values; null in all where no column has one.
     */
    int[][] of(Stratum stratum, String relation) {
        if (stratum.index() != this.stratum) {
            ofStratum.clear();
            ofSource.clear();
            this.stratum = stratum.index();
        }
        // null results are kept too (computeIfAbsent would not keep them, and read them again)
        if (!ofStratum.containsKey(relation)) {
            ofStratum.put(relation, read(stratum, relation));
        }
        return ofStratum.get(relation);
    }

    private int[][] read(Stratum stratum, String relation) {
        int arity = store.arity(relation);
        int[][] values = new int[arity][];
        boolean any = false;
        for (int column = 0; column < arity; column++) {
            values[column] = valuesOf(stratum, relation, column);
            any |= values[column] != null;
        }
        return any ? values : null;
    }

    private int[] valuesOf(Stratum stratum, String relation, int column) {
        ColumnDomains.Domain domain = domains.of(relation, column);
        if (domain == null) {
            return null;
        }
        List<int[]> parts = new ArrayList<>();
        parts.add(domain.constants().stream().mapToInt(Integer::intValue).sorted().toArray());
        for (ColumnDomains.Source source : domain.sources()) {
            if (stratum.relations().contains(source.relation()) || !store.declares(source.relation())) {
                continue;
            }
            List<Rows> tiers = store.fullTiers(source.relation());
            if (tiers.isEmpty()) {
                continue;
            }
            if (!ofSource.containsKey(source)) {
                ofSource.put(source, backend.columnValues(tiers, source.column()));
            }
            int[] part = ofSource.get(source);
            if (part == null) {
                return null;
            }
            parts.add(part);
        }
        return sortedDistinct(parts);
    }

    /** The union of sorted, duplicate-free parts, merged two at a time. */
    private static int[] sortedDistinct(List<int[]> parts) {
        int[] union = new int[0];
        for (int[] part : parts) {
            union = union(union, part);
        }
        return union;
    }

    private static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            int next = Math.min(a[i], b[j]);
            out[n++] = next;
            i += a[i] == next ? 1 : 0;
            j += b[j] == next ? 1 : 0;
        }
        while (i < a.length) {
            out[n++] = a[i++];
        }
        while (j < b.length) {
            out[n++] = b[j++];
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
