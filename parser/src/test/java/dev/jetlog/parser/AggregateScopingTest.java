// Soufflé's scoping of aggregate variables: which variables of an aggregate are injected from the rule,
// which are its own (and renamed apart for the planner), and the witness errors.
package dev.jetlog.parser;

import static dev.jetlog.parser.Diagnostics.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateScopingTest {
    private static final String DECLS = ".decl e(x: number, y: number)\n.decl a(x: number)\n.decl r(x: number, z: number)\n";

    private static List<String> scopedRules(String rules) {
        CheckedProgram program = DatalogParser.parse("t.dl", DECLS + rules);
        return program.program().rules().stream().map(Object::toString).toList();
    }

    @Test
    void aVariableOfTheTargetIsTheAggregatesOwnEvenWhereTheRuleGroundsIt() {
        assertEquals(List.of("r(X, Z) :- a(X), Z = max X'1 : { e(X'1, Y) }."),
                scopedRules("r(X, Z) :- a(X), Z = max X : { e(X, Y) }.\n"));
        assertEquals(List.of("r(X, Z) :- a(X), Z = sum (X'1 + 1) : { e(X'1, _) }."),
                scopedRules("r(X, Z) :- a(X), Z = sum X + 1 : { e(X, _) }.\n"));
    }

    @Test
    void aBodyVariableTheRuleGroundsIsInjected() {
        assertEquals(List.of("r(X, Z) :- a(X), Z = sum Y : { e(X, Y) }."),
                scopedRules("r(X, Z) :- a(X), Z = sum Y : { e(X, Y) }.\n"));
        // grounded through an equality counts too, wherever it stands in the body
        assertEquals(List.of("r(X, Z) :- Z = count : { e(W, _) }, a(V), W = (V + 1), X = W."),
                scopedRules("r(X, Z) :- Z = count : { e(W, _) }, a(V), W = V + 1, X = W.\n"));
    }

    @Test
    void siblingAggregatesOwnTheirVariablesApart() {
        assertEquals(List.of("r(C, D) :- a(_), C = count : { e(Y'1, _), Y'1 > 1 }, D = count : { e(_, Y'2) }."),
                scopedRules("r(C, D) :- a(_), C = count : { e(Y, _), Y > 1 }, D = count : { e(_, Y) }.\n"));
    }

    @Test
    void theProgramAsWrittenKeepsTheSourceNames() {
        CheckedProgram program = DatalogParser.parse("t.dl", DECLS + "r(X, Z) :- a(X), Z = max X : { e(X, Y) }.\n");
        assertEquals("r(X, Z) :- a(X), Z = max X : { e(X, Y) }.", program.asWritten().rules().get(0).toString());
    }

    @Test
    void countWitnessesAndMinWitnessesInsideExpressionsAreRejected() {
        assertEquals(List.of(
                "t.dl:4:3: error: variable 'y' is grounded only inside the count aggregate: a count aggregate cannot "
                        + "export a witness",
                "t.dl:5:3: error: variable 'y' is grounded only inside the min aggregate (a witness of its result); "
                        + "a witness needs the aggregate alone on one side of '=', as in 'n = min v : { ... }'"),
                errors(DECLS
                        + "r(y, n) :- n = count : { e(y, _) }.\n"
                        + "r(y, n) :- n = 1 + min v : { e(y, v) }.\n"));
    }

    @Test
    void theVariableAnAggregatesValueGoesToIsNotAWitnessOfIt() {
        // as in Soufflé 2.5 (which prints 1 2 for facts a(1), e(5, 1), e(6, 1)): the Z inside is the count's own
        CheckedProgram program = DatalogParser.parse(Diagnostics.FILE,
                DECLS + "r(X, Z) :- a(X), Z = count : { e(Z, _) }.\n");
        assertEquals("r(X, Z) :- a(X), Z = count : { e(Z'1, _) }.", program.program().rules().get(0).toString());
    }

    @Test
    void aMinOrMaxWitnessMatchesTheBodyAgainAtTheResult() {
        CheckedProgram program = DatalogParser.parse(Diagnostics.FILE, DECLS + "r(y, n) :- n = min v : { e(y, v) }.\n");
        assertEquals("r(y, n) :- n = min v : { e(_y'witness1, v) }, e(y, _v'match1), _v'match1 = n.",
                program.program().rules().get(0).toString());
    }
}
