// Soufflé constructs that JetLog does not support are reported clearly, at their position.
package dev.jetlog.parser;

import static dev.jetlog.parser.Diagnostics.errors;
import static dev.jetlog.parser.Diagnostics.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnsupportedConstructTest {
    private static final String DECLS = ".decl e(x: number, y: number)\n";

    @Test
    void otherDirectives() {
        assertEquals(List.of("t.dl:1:1: error: '.lattice' is not supported"),
                errors(".lattice e<Lat>\n" + DECLS));
    }

    @Test
    void unknownFunctorsAndTheOldAutoIncrement() {
        assertEquals(List.of(
                "t.dl:2:25: error: functor 'sinus' is not supported",
                "t.dl:3:25: error: '$' without a branch name (Soufflé's old auto-increment) is not supported; use autoinc()"),
                errors(DECLS
                        + "e(x, z) :- e(x, y), z = sinus(y).\n"
                        + "e(x, z) :- e(x, y), z = $.\n"));
    }

    @Test
    void relationQualifiers() {
        assertEquals(List.of("t.dl:1:25: error: eqrel relation a must have two columns of the same type",
                        "t.dl:3:31: error: eqrel relation c must have two columns of the same type"),
                errors(".decl a(x: number) brie eqrel\n.decl b(x: number) btree   btree_delete\n"
                        + ".decl c(x: number, y: symbol) eqrel\n"));
    }

    @Test
    void eqrelRefusesWhatWouldBreakItsClasses() {
        assertEquals(List.of("t.dl:1:31: error: eqrel relation a cannot have a choice-domain: choosing pairs would"
                        + " break its equivalence classes",
                        "t.dl:2:31: error: eqrel relation b cannot be inline: it is stored as its equivalence classes"),
                errors(".decl a(x: number, y: number) eqrel choice-domain x\n"
                        + ".decl b(x: number, y: number) eqrel inline\n"));
    }

    @Test
    void aggregateFormsThatAreNotSupportedAndMistypedMean() {
        assertEquals(List.of("t.dl:3:43: error: disjunction is not supported in an aggregate body",
                        "t.dl:4:31: error: 'count' takes no target expression",
                        "t.dl:5:25: error: 'sum' needs a target expression, as in 'sum x : { r(x) }'"),
                errors(DECLS
                        + "e(x, z) :- e(x, _), z = count : { e(x, _) }.\n"
                        + "e(x, z) :- e(x, _), z = count : { e(x, _) ; e(_, x) }.\n"
                        + "e(x, z) :- e(x, _), z = count y : { e(x, y) }.\n"
                        + "e(x, z) :- e(x, _), z = sum : { e(x, _) }.\n"));
        // mean is a float of a float target, as in Soufflé
        assertEquals(List.of("t.dl:2:23: error: comparison '=' between different types: number and float"),
                errors(DECLS + "e(x, z) :- e(x, _), z = mean y : { e(x, y) }.\n"));
        assertEquals(List.of("t.dl:3:19: error: variable 'y' has type number, but float is expected here"),
                errors(DECLS + ".decl fl(x: float)\nfl(m) :- m = mean y : { e(_, y) }.\n"));
    }
}
