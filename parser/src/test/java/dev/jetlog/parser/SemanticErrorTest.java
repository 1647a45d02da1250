// Semantic errors: undeclared relations, declarations, arity, types and groundedness, each at its exact position.
package dev.jetlog.parser;

import static dev.jetlog.parser.Diagnostics.errors;
import static dev.jetlog.parser.Diagnostics.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SemanticErrorTest {
    /** Line 1: e(number, symbol); line 2: f(number). */
    private static final String DECLS = ".decl e(x: number, y: symbol)\n.decl f(a: number)\n";

    // ------------------------------------------------------------ relations and declarations

    @Test
    void undeclaredRelationsEverywhere() {
        assertEquals(List.of(
                "t.dl:3:1: error: relation 'g' is not declared",
                "t.dl:4:18: error: relation 'h' is not declared",
                "t.dl:5:19: error: relation 'k' is not declared",
                "t.dl:6:32: error: relation 'm' is not declared",
                "t.dl:7:9: error: relation 'n' is not declared"),
                errors(DECLS
                        + "g(1).\n"
                        + "f(x) :- e(x, _), h(x).\n"
                        + "f(x) :- e(x, _), !k(x).\n"
                        + "f(x) :- e(x, _), x = count : { m(x) }.\n"
                        + ".output n\n"));
    }

    @Test
    void allSemanticErrorsAreReportedTogetherWithCaret() {
        DatalogException e = failure(DECLS + "f(x) :- e(x, _), h(x).\nf(y) :- e(_, y).\n");
        assertEquals(2, e.errors().size());
        assertEquals("t.dl:3:18: error: relation 'h' is not declared", e.getMessage());
        assertEquals("t.dl:3:18: error: relation 'h' is not declared\n"
                + "f(x) :- e(x, _), h(x).\n"
                + "                 ^\n"
                + "t.dl:4:3: error: variable 'y' has type symbol, but number is expected here\n"
                + "f(y) :- e(_, y).\n"
                + "  ^", e.render());
    }

    @Test
    void duplicateDeclarationMentionsTheFirst() {
        assertEquals(List.of("t.dl:3:7: error: relation 'e' is already declared at line 1"),
                errors(DECLS + ".decl e(a: number)\n"));
    }

    @Test
    void duplicateAttribute() {
        assertEquals(List.of("t.dl:1:20: error: duplicate attribute 'a' in relation 'r'"),
                errors(".decl r(a: number, a: symbol)\n"));
    }

    @Test
    void unknownTypeNames() {
        assertEquals(List.of("t.dl:1:12: error: unknown type 'Node'", "t.dl:2:12: error: unknown type 'Missing'"),
                errors(".decl r(a: Node)\n.type T <: Missing\n.decl s(t: T)\n"));
    }

    @Test
    void duplicateAndCyclicTypes() {
        assertEquals(List.of("t.dl:2:7: error: type 'T' is already declared at line 1",
                        "t.dl:3:7: error: type 'A' is defined in terms of itself",
                        "t.dl:4:7: error: type 'B' is defined in terms of itself",
                        "t.dl:5:7: error: type 'number' is a built-in type and cannot be redefined"),
                errors(".type T <: number\n.type T <: symbol\n.type A <: B\n.type B = A\n.type number <: symbol\n"));
    }

    @Test
    void arityMismatch() {
        assertEquals(List.of(
                "t.dl:3:1: error: relation 'f' has 1 column, but 2 arguments are given",
                "t.dl:4:9: error: relation 'e' has 2 columns, but 3 arguments are given",
                "t.dl:5:19: error: relation 'e' has 2 columns, but 1 argument is given"),
                errors(DECLS
                        + "f(1, 2).\n"
                        + "f(x) :- e(x, \"a\", 3).\n"
                        + "f(x) :- e(x, _), !e(x).\n"));
    }

    // ------------------------------------------------------------ types

    @Test
    void variableWithTwoTypes() {
        DatalogException e = failure(DECLS + "f(x) :- e(x, y), e(y, x).\n");
        assertEquals(List.of(
                "t.dl:3:20: error: variable 'y' has type symbol, but number is expected here",
                "t.dl:3:23: error: variable 'x' has type number, but symbol is expected here"),
                e.errors().stream().map(Diagnostic::headline).toList());
        assertEquals("t.dl:3:20: error: variable 'y' has type symbol, but number is expected here\n"
                + "f(x) :- e(x, y), e(y, x).\n"
                + "                   ^", e.errors().get(0).render(e.source()));
    }

    @Test
    void constantsOfTheWrongType() {
        assertEquals(List.of(
                "t.dl:6:3: error: string constant \"a\" has type symbol, but number is expected here",
                "t.dl:7:6: error: integer constant 2 is numeric, but symbol is expected here",
                "t.dl:8:3: error: float constant 1.5 has type float, but number is expected here",
                "t.dl:9:3: error: negative constant -1 cannot be unsigned",
                "t.dl:10:3: error: float constant 2.5 has type float, but unsigned is expected here",
                "t.dl:11:3: error: integer constant 3000000000 is out of range for number"),
                errors(DECLS
                        + ".decl u(x: unsigned)\n"
                        + ".decl r(x: float)\n"
                        + "r(1).\n"
                        + "e(\"a\", \"b\").\n"
                        + "e(1, 2).\n"
                        + "e(1.5, \"b\").\n"
                        + "u(-1).\n"
                        + "u(2.5).\n"
                        + "e(3000000000, \"c\").\n"
                        + "u(3000000000).\n"));
    }

    @Test
    void comparisonsNeedOneType() {
        assertEquals(List.of(
                "t.dl:3:20: error: comparison '=' between different types: number and symbol",
                "t.dl:4:20: error: comparison '!=' between different types: number and symbol",
                "t.dl:5:20: error: comparison '<' between different types: number and symbol"),
                errors(DECLS
                        + "f(x) :- e(x, y), x = y.\n"
                        + "f(x) :- e(x, _), x != \"a\".\n"
                        + "f(x) :- e(x, y), x < y.\n"
                        + "f(1) :- e(_, y), y >= y.\n"));
    }

    @Test
    void arithmeticNeedsNumbersOfOneType() {
        assertEquals(List.of(
                "t.dl:5:24: error: operator '*' is not supported on symbol values",
                "t.dl:6:27: error: operator '+' on different types: float and number",
                "t.dl:7:5: error: operator '+' yields a number, but symbol is expected here",
                "t.dl:8:22: error: operator '-' is not supported on symbol values"),
                errors(DECLS
                        + ".decl r(x: float)\n"
                        + ".decl s(x: symbol)\n"
                        + "f(x) :- e(x, y), x = y * 1.\n"
                        + "r(z) :- r(x), f(y), z = x + y.\n"
                        + "s(x + 1) :- f(x).\n"
                        + "f(x) :- e(x, y), x = -y.\n"));
    }

    @Test
    void aggregateTypes() {
        assertEquals(List.of(
                "t.dl:4:23: error: the target of sum must be numeric, found symbol",
                "t.dl:5:3: error: count aggregate has type number, but symbol is expected here"),
                errors(DECLS
                        + ".decl s(x: symbol)\n"
                        + "s(z) :- f(_), z = sum y : { e(_, y) }.\n"
                        + "s(count : { e(_, _) }) :- f(_).\n"));
    }

    // ------------------------------------------------------------ groundedness

    @Test
    void headVariableNotGrounded() {
        DatalogException e = failure(DECLS + "f(x) :- e(y, _), x < y.\n");
        assertEquals(List.of("t.dl:3:3: error: variable 'x' in the head is not grounded by the body"),
                e.errors().stream().map(Diagnostic::headline).toList());
        assertEquals("t.dl:3:3: error: variable 'x' in the head is not grounded by the body\n"
                + "f(x) :- e(y, _), x < y.\n"
                + "  ^", e.errors().get(0).render(e.source()));
    }

    @Test
    void wildcardInHeadAndOutsideAtoms() {
        assertEquals(List.of(
                "t.dl:3:3: error: wildcard '_' is not allowed in a rule head",
                "t.dl:4:22: error: wildcard '_' is only allowed as an argument of a body atom",
                "t.dl:5:3: error: wildcard '_' is not allowed in a rule head"),
                errors(DECLS + "f(_) :- e(_, _).\nf(x) :- e(x, _), x = _.\nf(_).\n"));
    }

    @Test
    void negatedAndComparedVariablesMustBeGroundedElsewhere() {
        assertEquals(List.of(
                "t.dl:3:21: error: variable 'z' in a negated atom is not grounded elsewhere in the body",
                "t.dl:4:18: error: variable 'w' in a comparison is not grounded by the body",
                "t.dl:5:20: error: variable 'v' in an argument expression is not grounded by the body"),
                errors(DECLS
                        + "f(x) :- e(x, _), !f(z).\n"
                        + "f(x) :- e(x, _), w > x.\n"
                        + "f(x) :- e(x, _), f(v + 1).\n"));
    }

    @Test
    void equalitiesGroundToAFixpointButNotInCycles() {
        assertEquals(List.of("t.dl:4:3: error: variable 'a' in the head is not grounded by the body",
                        "t.dl:4:19: error: variable 'b' in a comparison is not grounded by the body"),
                errors(DECLS
                        + "f(c) :- f(x), c = b + 1, b = a * 2, a = x.\n"
                        + "f(a) :- f(x), a = b, b = a.\n"));
    }

    @Test
    void aggregateVariables() {
        assertEquals(List.of(
                "t.dl:3:23: error: variable 'w' in the aggregate target is not grounded by the aggregate body",
                "t.dl:4:31: error: variable 'q' is grounded only inside the count aggregate: a count aggregate "
                        + "cannot export a witness",
                "t.dl:5:35: error: variable 'v' in a comparison is not grounded by the aggregate body"),
                errors(DECLS
                        + "f(z) :- f(x), z = sum w : { f(x) }.\n"
                        + "f(z) :- f(_), z = count : { e(q, _) }, q < 3.\n"
                        + "f(z) :- f(_), z = count : { f(y), v < y, v > 1 }.\n"));
    }

    @Test
    void factsMustBeConstant() {
        assertEquals(List.of(
                "t.dl:3:3: error: fact arguments must be constants, found variable 'x'"),
                errors(DECLS + "f(x).\nf(1 + 2 * 3).\n"));
        // as in Soufflé, a clause without body may aggregate: it is a rule (here one that reads e)
        assertEquals(1, DatalogParser.parse("t.dl", DECLS + "f(count : { e(_, _) } - 1).\n").program().rules().get(0)
                .body().size());
        assertEquals(List.of("t.dl:3:3: error: variable 'x' in the head is not grounded by the body"),
                errors(DECLS + "f(x + count : { e(_, _) }).\n"));
    }

    @Test
    void errorsComeWithTheWarningsSeenSoFar() {
        DatalogException e = failure(DECLS + "f(x) :- e(x, y), !g(x).\n");
        assertEquals(List.of("t.dl:3:19: error: relation 'g' is not declared"),
                e.errors().stream().map(Diagnostic::headline).toList());
        assertTrue(e.diagnostics().stream().anyMatch(d -> d.headline().equals("t.dl:3:14: warning: variable 'y' occurs only once")));
    }

    @Test
    void aLongLineIsShownAsAWindowAroundTheColumn() {
        String padding = "a(1). ".repeat(200);
        DatalogException e = failure(".decl a(x: number)\n" + padding + "b(2).\n");
        String[] lines = e.render().split("\n");
        assertTrue(lines[1].startsWith("...") && lines[1].endsWith("b(2)."), lines[1]);
        assertTrue(lines[1].length() <= 2 * Diagnostic.WINDOW + 6, lines[1]);
        assertEquals(lines[1].indexOf("b(2)"), lines[2].indexOf('^'));
    }

    @Test
    void renderShowsTheFirstDiagnosticsAndCountsTheRest() {
        DatalogException e = failure(".decl a(x: number)\n" + "b(1).\n".repeat(30));
        String rendered = e.render();
        assertEquals(DatalogException.RENDERED, rendered.lines().filter(l -> l.contains(": error: ")).count());
        assertTrue(rendered.endsWith("... and 10 more errors"), rendered);
    }
    @Test
    void aHeadVariableMustHoldASubtypeOfItsColumnsTypeAsInSouffle() {
        // Soufflé 2.5's tests/semantic/type_system12: x's type is the most specific its positive atoms give
        String types = ".type S1 <: symbol\n.type S2 <: symbol\n.type U = S1 | S2\n"
                + ".decl A(x: S2)\n.decl B(x: U)\n.decl D(x: S1)\n.decl C(x: S1)\n";
        assertEquals(List.of(
                        "t.dl:8:3: error: 'x' holds values of type U (the body's atoms bind it), which is not a subtype of S1, "
                                + "the type of column 1 of C",
                        "t.dl:9:3: error: 'x' holds values of type U (the body's atoms bind it), which is not a subtype of S1, "
                                + "the type of column 1 of C"),
                errors(types + "C(x) :- B(x).\nC(x) :- !A(x), B(x).\n"));
        // a subtype into its union, the meet of two atoms, an equality, a negation, a constant and a computed value
        DatalogParser.parse(Diagnostics.FILE, types + "B(x) :- A(x).\nC(x) :- D(x), B(x).\nC(y) :- D(x), B(x), y = x.\n"
                + "C(x) :- D(x), !B(x).\nC(\"a\").\nC(cat(\"m\", x)) :- D(x), B(x).\n");
        // along a chain of subtypes (tests/semantic/extended_subtypes3), and into the base type
        assertEquals(List.of("t.dl:6:10: error: 'a' holds values of type A (the body's atoms bind it), which is not a "
                        + "subtype of B, the type of column 2 of chain"),
                errors(".type A <: symbol\n.type B <: A\n.decl chain(a: A, b: B, s: symbol)\nchain(\"x\", \"y\", \"z\").\n"
                        + "chain(a, b, a) :- chain(a, _, _), chain(_, b, _).\nchain(a, a, a) :- chain(a, _, _).\n"));
    }

    @Test
    void aSubtypeOfARecordTypeIsAnErrorAsInSouffle() {
        assertEquals(List.of("t.dl:2:7: error: subtype 'Sub' cannot be derived from the record type 'List', as in Soufflé; "
                        + "an alias can name it: .type Sub = List"),
                errors(".type List = [head: number, tail: List]\n.type Sub <: List\n.decl r(l: Sub)\n.decl s(l: Sub)\n"
                        + "r(nil).\ns(l) :- r(l).\n"));
    }
    @Test
    void aggregatesThatGroundWhatTheOtherReadsAreRejectedAsInSouffle() {
        // Soufflé 2.5's tests/semantic/mutually_dependent_aggregate: j is the first's, i the second's
        String decls = ".decl r(i: number, j: number, h: number)\n.decl s(i: number, j: number)\nr(1, 2, 3).\n";
        assertEquals(List.of(
                        "t.dl:5:7: error: this aggregate and the one at line 6 depend on each other: each grounds a variable "
                                + "that the other only reads, so neither can be computed first (as in Soufflé)",
                        "t.dl:6:7: error: this aggregate and the one at line 5 depend on each other: each grounds a variable "
                                + "that the other only reads, so neither can be computed first (as in Soufflé)"),
                errors(decls + "s(i, j) :- r(i, j, h),\n  0 = count : { r(x, j, z), x < i, z > h },\n"
                        + "  0 = count : { r(i, y, z), y < j, z > h }.\n"));
        // one way only, or each grounding its own: no error
        DatalogParser.parse(Diagnostics.FILE, decls + "s(i, j) :- r(i, j, _), 0 = count : { r(x, j, _), x < i },\n"
                + "  0 = count : { r(i, _, _) }.\ns(n, m) :- r(i, _, _), n = count : { r(i, _, _) }, m = count : { r(_, i, _) }.\n");
    }
}
