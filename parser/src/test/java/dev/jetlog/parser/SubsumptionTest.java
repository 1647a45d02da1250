// Subsumption clauses: the rules they become for the hidden `r@dominated` relation, and their errors.
package dev.jetlog.parser;

import static dev.jetlog.parser.Diagnostics.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jetlog.parser.ast.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubsumptionTest {
    private static final String DECLS = ".decl d(x: number, v: number) btree_delete\n.decl s(x: number)\n";

    private static List<String> rules(String program) {
        return DatalogParser.parse(Diagnostics.FILE, DECLS + program).program().rules().stream()
                .map(Rule::toString).toList();
    }

    @Test
    void aClauseBecomesOneRulePerColumnTheTuplesCanDifferIn() {
        assertEquals(List.of("d@dominated(x, v1) :- d(x, v1), d(x, v2), v2 <= v1, v1 != v2."),
                rules("d(x, v1) <= d(x, v2) :- v2 <= v1.\n"));
        assertEquals(List.of("d@dominated(x, _dominated#1) :- d(x, _dominated#1), d(x, 2), x > 1, _dominated#1 != 2."),
                rules("d(x, _) <= d(x, 2) :- x > 1.\n"));
        assertEquals(List.of("d@dominated(a, b) :- d(a, b), d(c, e), s(c), a != c.",
                        "d@dominated(a, b) :- d(a, b), d(c, e), s(c), b != e.",
                        "d@dominated(a, b) :- d(a, b), d(c, e), s(e), a != c.",
                        "d@dominated(a, b) :- d(a, b), d(c, e), s(e), b != e."),
                rules("d(a, b) <= d(c, e) :- s(c) ; s(e).\n"));
    }

    @Test
    void mistakesAreReportedAtTheirPlace() {
        assertEquals(List.of("t.dl:3:12: error: a subsumption compares two tuples of one relation; here they are from"
                        + " d and s"),
                errors(DECLS + "d(x, 1) <= s(x) :- s(x).\n"));
        assertEquals(List.of("t.dl:3:1: error: a subsumption needs a body saying when the left tuple is dominated, as in"
                        + " 'r(x, a) <= r(x, b) :- b <= a.'"),
                errors(DECLS + "d(x, a) <= d(x, b).\n"));
        assertEquals(List.of("t.dl:4:1: error: subsumption of the eqrel relation q is not supported: deleting pairs"
                        + " would break its equivalence classes"),
                errors(DECLS + ".decl q(x: number, y: number) eqrel\nq(x, a) <= q(x, b) :- b < a.\n"));
        assertEquals(List.of("t.dl:3:1: error: subsumption of u, which is not declared"),
                errors(DECLS + "u(x) <= u(y) :- x < y.\n"));
        assertEquals(List.of("t.dl:3:23: error: variable 'z' in a comparison is not grounded by the body"),
                errors(DECLS + "d(x, a) <= d(x, b) :- z < b.\n"));
    }
}
