// The values of a relation's column domains, read from the relations outside its stratum with the CPU
// backend: the union of every source column and constant, and, where even the largest part of each
// column makes a box too big for the budget, no values, found before the other sources are read.
// (In the evaluator's package, whose classes are package-private; the CPU backend does the reading.)
package dev.jetlog.seminaive.eval;

import dev.jetlog.cpu.CpuBackend;
import dev.jetlog.parser.DatalogParser;
import dev.jetlog.planner.ColumnDomains;
import dev.jetlog.planner.Plan;
import dev.jetlog.planner.Planner;
import dev.jetlog.planner.Stratum;
import dev.jetlog.seminaive.spi.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DomainValuesTest {
    /** r's first column copies e's first; its second, e's or f's second, or the constant 3. */
    private static final String PROGRAM = """
            .decl e(x: number, y: number)
            .input e
            .decl f(x: number, y: number)
            .input f
            .decl r(x: number, y: number)
            r(x, y) :- e(x, y).
            r(x, y) :- r(x, z), f(z, y).
            r(x, 3) :- r(x, _), x > 100.
            """;

    private Backend backend;
    private RelationStore store;
    private DomainValues values;
    private Stratum stratumOfR;

    @BeforeEach
    void plan() {
        Plan plan = Planner.plan(DatalogParser.parse("r.dl", PROGRAM));
        backend = new CpuBackend(2);
        store = new RelationStore(backend, new OperationTimer(false));
        store.declare("e", 2);
        store.declare("f", 2);
        store.declare("r", 2);
        values = new DomainValues(ColumnDomains.of(plan), store, backend);
        stratumOfR = plan.strata().stream().filter(s -> s.relations().contains("r")).findFirst().orElseThrow();
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private void load(String relation, int... rowMajor) {
        store.addToFull(relation, backend.sortUnique(backend.upload(2, rowMajor, rowMajor.length / 2)));
    }

    @Test
    void eachColumnTakesTheUnionOfItsSourcesAndConstants() {
        load("e", 5, 1, 2, 9, 5, 4);
        load("f", 0, 4, 7, 6, 8, 1);
        int[][] domain = values.of(stratumOfR, "r", 1 << 20);
        assertArrayEquals(new int[] {2, 5}, domain[0]);
        assertArrayEquals(new int[] {1, 3, 4, 6, 9}, domain[1]);
    }

    @Test
    void aBoxTooBigIsFoundAfterOneSourceAndALargerBudgetStillGetsTheValues() {
        // 20,000 values in e's first column: with the second column's at least one, 20,000 cells, more than
        // the 8,192 bits of a 1 KB budget
        int[] rows = IntStream.range(0, 20_000).flatMap(i -> IntStream.of(i, i % 10)).toArray();
        load("e", rows);
        load("f", 1, 50);
        assertNull(values.of(stratumOfR, "r", 1 << 10));
        assertEquals(1, values.sourcesRead(), "the second column's sources need not be read");
        int[][] domain = values.of(stratumOfR, "r", 1 << 20);
        assertArrayEquals(IntStream.range(0, 20_000).toArray(), domain[0]);
        int[] second = IntStream.concat(IntStream.range(0, 10), IntStream.of(50)).toArray();
        assertArrayEquals(second, domain[1], Arrays.toString(domain[1]));
        assertEquals(3, values.sourcesRead());
    }
}
