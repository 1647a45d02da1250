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
     * where the column has no domain or the backend reads no values; null in all where no column has one,
     * or where a box over them would have more cells than maxBytes has bits (no dense set could hold it).
     * That test comes first, from the largest part of each column's values read so far, one source at a
     * time: a domain of a hundred thousand values is rejected after one read, without its unions.
     */
    int[][] of(Stratum stratum, String relation, long maxBytes) {
        if (stratum.index() != this.stratum) {
            ofStratum.clear();
            ofSource.clear();
            this.stratum = stratum.index();
        }
        if (ofStratum.containsKey(relation)) {
            return ofStratum.get(relation); // null results are kept too: they are not read again
        }
        List<List<int[]>> parts = partsWithin(stratum, relation, maxBytes);
        if (parts == null) {
            return null; // too big for this budget; a later, larger one tries again from the parts read
        }
        int[][] values = new int[parts.size()][];
        boolean any = false;
        for (int column = 0; column < values.length; column++) {
            values[column] = parts.get(column) == null ? null : sortedDistinct(parts.get(column));
            any |= values[column] != null;
        }
        int[][] result = any ? values : null;
        ofStratum.put(relation, result);
        return result;
    }

    /**
     * Per column, the sorted distinct parts of its domain's values (null for a column without any), or null
     * if the largest part of each column already makes a box of more than maxBytes * 8 cells. (A column
     * whose later source the backend cannot read would have had no values at all; giving up on its
     * domain early then only costs the set the other columns' domains.)
     */
    private List<List<int[]>> partsWithin(Stratum stratum, String relation, long maxBytes) {
        long maxCells = maxBytes > Long.MAX_VALUE / Byte.SIZE ? Long.MAX_VALUE : maxBytes * Byte.SIZE;
        int arity = store.arity(relation);
        List<List<int[]>> parts = new ArrayList<>();
        long[] fewest = new long[arity];
        Arrays.fill(fewest, 1);
        for (int column = 0; column < arity; column++) {
            parts.add(null);
            ColumnDomains.Domain domain = domains.of(relation, column);
            if (domain == null) {
                continue;
            }
            List<int[]> columnParts = new ArrayList<>();
            columnParts.add(domain.constants().stream().mapToInt(Integer::intValue).sorted().toArray());
            fewest[column] = Math.max(1, columnParts.get(0).length);
            boolean readable = true;
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
                    readable = false;
                    break;
                }
                columnParts.add(part);
                fewest[column] = Math.max(fewest[column], part.length);
                if (!cellsWithin(fewest, maxCells)) {
                    return null;
                }
            }
            if (readable) {
                parts.set(column, columnParts);
            } else {
                fewest[column] = 1;
            }
        }
        return cellsWithin(fewest, maxCells) ? parts : null;
    }

    /** How many relation columns were read for the current stratum: for tests. */
    int sourcesRead() {
        return ofSource.size();
    }

    /** True if a box of these sizes has at most maxCells cells. */
    private static boolean cellsWithin(long[] sizes, long maxCells) {
        long cells = 1;
        for (long size : sizes) {
            if (cells > maxCells / size) {
                return false;
            }
            cells *= size;
        }
        return true;
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
