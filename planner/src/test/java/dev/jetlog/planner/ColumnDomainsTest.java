// The values a relation's columns can take, traced through the rules: copied columns (through joins and
// the relations of the same stratum), constants, and no domain where a rule computes a column.
package dev.jetlog.planner;

import dev.jetlog.parser.DatalogParser;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ColumnDomainsTest {
    private static final String POINTS_TO = """
            .decl alloc(v: number, h: number)
            .decl move(to: number, from: number)
            .decl load(to: number, base: number, f: number)
            .decl store(base: number, f: number, from: number)
            .decl varPointsTo(v: number, h: number)
            .decl fieldPointsTo(baseHeap: number, f: number, h: number)
            .decl sized(v: number, n: number)
            .decl tagged(v: number, t: number)
            varPointsTo(v, h) :- alloc(v, h).
            varPointsTo(to, h) :- move(to, from), varPointsTo(from, h).
            fieldPointsTo(baseHeap, f, h) :- store(base, f, from), varPointsTo(from, h), varPointsTo(base, baseHeap).
            varPointsTo(to, h) :- load(to, base, f), varPointsTo(base, baseHeap), fieldPointsTo(baseHeap, f, h).
            sized(v, n + 1) :- varPointsTo(v, n).
            tagged(v, 7) :- alloc(v, _).
            tagged(v, t) :- tagged(v, t), move(v, _).
            """;

    private static ColumnDomains.Source column(String relation, int column) {
        return new ColumnDomains.Source(relation, column);
    }

    @Test
    void heapColumnsRangeOverTheAllocatedHeapsThroughEveryRelationThatCarriesThem() {
        ColumnDomains domains = ColumnDomains.of(Planner.plan(DatalogParser.parse("p.dl", POINTS_TO)));
        ColumnDomains.Domain heaps = domains.of("fieldPointsTo", 2);
        assertEquals(Set.of(column("fieldPointsTo", 2), column("varPointsTo", 1), column("alloc", 1)),
                heaps.sources());
        // its base heap comes from varPointsTo's heaps, which the load rule takes from fieldPointsTo's last column
        assertEquals(Set.of(column("fieldPointsTo", 0), column("varPointsTo", 1), column("alloc", 1),
                column("fieldPointsTo", 2)), domains.of("fieldPointsTo", 0).sources());
        assertEquals(Set.of(column("fieldPointsTo", 1), column("store", 1)), domains.of("fieldPointsTo", 1).sources());
        assertEquals(Set.of(column("varPointsTo", 0), column("alloc", 0), column("move", 0), column("load", 0)),
                domains.of("varPointsTo", 0).sources());
        assertEquals(Set.of(), heaps.constants());
        assertEquals(Set.of(column("alloc", 1)), domains.of("alloc", 1).sources(), "an input relation: its own rows");
    }

    @Test
    void aComputedColumnHasNoDomainAndAConstantIsPartOfOne() {
        ColumnDomains domains = ColumnDomains.of(Planner.plan(DatalogParser.parse("p.dl", POINTS_TO)));
        assertNull(domains.of("sized", 1), "n + 1 is computed");
        assertEquals(Set.of(column("sized", 0), column("varPointsTo", 0), column("alloc", 0), column("move", 0),
                column("load", 0)), domains.of("sized", 0).sources());
        ColumnDomains.Domain tags = domains.of("tagged", 1);
        assertEquals(Set.of(7), tags.constants());
        assertEquals(Set.of(column("tagged", 1)), tags.sources());
    }

    @Test
    void anAggregateValueHasNoDomain() {
        ColumnDomains domains = ColumnDomains.of(Planner.plan(DatalogParser.parse("p.dl", """
                .decl edge(x: number, y: number)
                .decl fanout(x: number, n: number)
                fanout(x, n) :- edge(x, _), n = count : { edge(x, _) }.
                """)));
        assertNull(domains.of("fanout", 1));
        assertEquals(Set.of(column("fanout", 0), column("edge", 0)), domains.of("fanout", 0).sources());
    }
}
