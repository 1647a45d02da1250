// Checks that the hand-made CSPA example exercises every rule of cspa.dl and yields the documented sizes.
package dev.jetlog.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jetlog.datasets.CspaReference.Db;
import dev.jetlog.datasets.CspaReference.Pair;
import dev.jetlog.parser.ast.ColumnType;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CspaExampleTest {

    private static final Path FACTS = Paths.get("examples/cspa/facts");

    private static Set<Pair> load(String name) throws Exception {
        IntRows rows = FactsReader.read(FACTS.resolve(name + ".facts"), List.of(ColumnType.NUMBER, ColumnType.NUMBER));
        Set<Pair> set = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            set.add(new Pair(rows.get(i, 0), rows.get(i, 1)));
        }
        assertEquals(rows.size(), set.size(), name + " has no duplicate facts");
        return set;
    }

    @Test
    void everyRuleContributesAndSizesMatchTheReadme() throws Exception {
        Set<Pair> assign = load("assign");
        Set<Pair> dereference = load("dereference");
        assertEquals(19, assign.size());
        assertEquals(9, dereference.size());
        Db full = CspaReference.evaluate(assign, dereference, Set.of());
        assertEquals(61, full.valueFlow.size());
        assertEquals(41, full.memoryAlias.size());
        assertEquals(125, full.valueAlias.size());

        for (int i = 0; i < CspaReference.RULES.size(); i++) {
            assertTrue(!CspaReference.RULES.get(i).body().apply(full).isEmpty(), "rule " + (i + 1) + " fires");
        }
        // Rules 1 and 8 are implied by others (see README); every other rule is needed for the result.
        for (int i : List.of(1, 2, 3, 4, 5, 6, 8, 9)) {
            Db without = CspaReference.evaluate(assign, dereference, Set.of(i));
            assertNotEquals(full.outputs(), without.outputs(), "result without rule " + (i + 1));
        }
        assertTrue(full.memoryAlias.contains(new Pair(20, 21)), "*b and *d alias");
        assertTrue(full.memoryAlias.contains(new Pair(50, 51)), "**b and **d alias");
        assertTrue(full.valueFlow.contains(new Pair(22, 20)), "the load from *d sees *b");
        Db withoutRule9 = CspaReference.evaluate(assign, dereference, Set.of(8));
        assertTrue(full.valueAlias.contains(new Pair(32, 33)));
        assertTrue(!withoutRule9.valueAlias.contains(new Pair(32, 33)), "only rule 9 derives valueAlias(32, 33)");
    }
}
