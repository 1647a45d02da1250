// Singleton-variable warnings, and the scoping of aggregate variables they depend on.
package dev.jetlog.parser;

import static dev.jetlog.parser.Diagnostics.errors;
import static dev.jetlog.parser.Diagnostics.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarningTest {
    private static final String DECLS = ".decl e(x: number, y: number)\n.decl r(x: number)\n";

    @Test
    void singletonVariableWarnsButTheProgramIsAccepted() {
        CheckedProgram program = DatalogParser.parse("t.dl", DECLS + "r(x) :- e(x, y).\n");
        assertEquals(1, program.program().rules().size());
        assertEquals(1, program.warnings().size());
        Diagnostic warning = program.warnings().get(0);
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals("t.dl:3:14: warning: variable 'y' occurs only once", warning.headline());
        assertEquals("t.dl:3:14: warning: variable 'y' occurs only once\n"
                + "r(x) :- e(x, y).\n"
                + "             ^", warning.render(program.source()));
    }

    @Test
    void underscoreNamesAndWildcardsDoNotWarn() {
        assertEquals(List.of(), warnings(DECLS + "r(x) :- e(x, _y), e(_, x).\n"));
    }

    @Test
    void aggregateVariablesAreCountedInTheirScope() {
        // x is shared with the rule (correlated); y occurs once, inside the aggregate.
        assertEquals(List.of("t.dl:3:37: warning: variable 'y' occurs only once"),
                warnings(DECLS + "e(x, c) :- r(x), c = count : { e(x, y) }.\n"));
        assertEquals(List.of(), warnings(DECLS + "e(x, c) :- r(x), c = sum y : { e(x, y) }.\n"));
    }

    @Test
    void disjunctsWarnOnceForTheSharedPart() {
        assertEquals(List.of("t.dl:3:14: warning: variable 'y' occurs only once"),
                warnings(DECLS + "r(x) :- e(x, y), (r(x) ; e(x, x)).\n"));
    }

    @Test
    void variableOfTwoAggregatesIsOwnedByEachAsInSouffle() {
        // y is not grounded outside the aggregates, so each aggregate has a y of its own
        assertEquals(List.of(), warnings(DECLS + "e(c, d) :- r(_), c = count : { e(y, _), y > 1 }, "
                + "d = count : { e(y, _), y < 1 }.\n"));
    }
}
