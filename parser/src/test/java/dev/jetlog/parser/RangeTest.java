// range(from, to[, step]): where a generator may stand, and its argument types.
package dev.jetlog.parser;

import static dev.jetlog.parser.Diagnostics.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jetlog.parser.ast.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangeTest {
    private static final String DECLS = ".decl r(x: number)\n.decl s(x: symbol)\n";

    @Test
    void aHeadRangeBecomesABodyGenerator() {
        List<String> rules = DatalogParser.parse(Diagnostics.FILE, DECLS + "r(range(1, 4)).\nr(x) :- r(y), x = range(y, 9, 2).\n")
                .program().rules().stream().map(Rule::toString).toList();
        assertEquals(List.of("r(range#1) :- range#1 = range(1, 4).", "r(x) :- r(y), x = range(y, 9, 2)."), rules);
    }

    @Test
    void aRangeAnywhereElseIsAnError() {
        assertEquals(List.of("t.dl:3:13: error: range(...) generates values: use it as 'x = range(from, to)' in a rule"
                        + " body or as a head argument"),
                errors(DECLS + "r(x) :- x = range(1, 3) + 1.\n"));
        assertEquals(List.of("t.dl:3:15: error: range(...) generates values: use it as 'x = range(from, to)' in a rule"
                        + " body or as a head argument"),
                errors(DECLS + "r(x) :- r(x), range(1, 3) < x.\n"));
        assertEquals(List.of("t.dl:3:33: error: range(...) generates values: use it as 'x = range(from, to)' in a rule"
                        + " body or as a head argument"),
                errors(DECLS + "r(c) :- c = count : { r(y), y = range(1, 3) + 1 }.\n"));
    }

    @Test
    void anAggregateBodyMayGenerate() {
        assertEquals(List.of("r(c) :- c = count : { y = range(0, 10), (y % 2) = 0 }."),
                DatalogParser.parse(Diagnostics.FILE, DECLS + "r(c) :- c = count : { y = range(0, 10), y % 2 = 0 }.\n")
                        .program().rules().stream().map(Rule::toString).toList());
    }

    @Test
    void itsArgumentsAreNumbersOfOneType() {
        assertEquals(List.of("t.dl:3:13: error: functor 'range' takes 2 or 3 arguments, given 1"),
                errors(DECLS + "r(x) :- x = range(1).\n"));
        assertEquals(List.of("t.dl:3:13: error: range takes number, unsigned or float arguments, not symbol"),
                errors(DECLS + "s(x) :- x = range(\"a\", \"b\").\n"));
        assertEquals(List.of("t.dl:3:3: error: range yields number values, but symbol is expected here"),
                errors(DECLS + "s(range(1, 3)).\n"));
        assertEquals(List.of("t.dl:3:11: error: comparison '=' between different types: number and float"),
                errors(DECLS + "r(x) :- x = range(1, 2.5).\n"));
    }
}
