// Declarations of several relations at once, and the directives JetLog accepts without acting on them
// (`.pragma`, `.plan`): each gives a warning at its position and changes nothing else.
package dev.jetlog.parser;

import static dev.jetlog.parser.Diagnostics.errors;
import static dev.jetlog.parser.Diagnostics.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.RelationDecl;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclarationsAndPragmasTest {
    @Test
    void oneDeclarationForSeveralRelations() {
        CheckedProgram program = DatalogParser.parse("t.dl", ".decl a, b,c(x: number, y: symbol)\na(1, \"x\").\nb(x, y) :- a(x, y).\n");
        List<RelationDecl> declarations = program.program().declarations();
        assertEquals(List.of("a", "b", "c"), declarations.stream().map(RelationDecl::name).toList());
        for (RelationDecl declaration : declarations) {
            assertEquals(List.of(ColumnType.NUMBER, ColumnType.SYMBOL),
                    List.of(declaration.columnType(0), declaration.columnType(1)));
        }
        assertEquals("t.dl:1:10", declarations.get(1).pos().toString());
    }

    @Test
    void aNameDeclaredTwiceInOneDeclarationIsAnError() {
        assertEquals(List.of("t.dl:1:10: error: relation 'a' is already declared at line 1"),
                errors(".decl a, a(x: number)\n"));
    }

    @Test
    void pragmasAndPlansAreAcceptedWithAWarning() {
        // magic-transform is honoured (the planner's MagicSets), so it gives no warning
        assertEquals(List.of(
                        "t.dl:2:1: warning: pragma 'legacy' is ignored",
                        "t.dl:5:1: warning: '.plan' is ignored: JetLog chooses the join order of every rule version itself"),
                warnings(".pragma \"magic-transform\" \"*\"\n.pragma \"legacy\"\n.decl e(x: number, y: number)\n"
                        + "e(x, z) :- e(x, y), e(y, z).\n.plan 0: (1, 2), 1: (2, 1)\n"));
    }

    @Test
    void aPlanIsCheckedAgainstItsClauseAsInSouffle() {
        // Soufflé's tests/semantic plan1, plan2 and execution_plan
        assertEquals(List.of(
                        "t.dl:2:45: error: the plan of version 0 must order each of the clause's 3 atoms once (1 to 3)",
                        "t.dl:2:56: error: the plan of version 3 names a version the clause does not have: only versions"
                                + " 0..2 are permitted",
                        "t.dl:3:45: error: the plan of version 1 must order each of the clause's 3 atoms once (1 to 3)"),
                errors(".decl e(x: number, y: number)\n"
                        + "e(x, z) :- e(x, y), e(y, z), e(z, x). .plan 0: (1, 2), 3: (1, 2, 3)\n"
                        + "e(x, z) :- e(x, y), e(y, z), e(z, x). .plan 1: (1, 1, 3)\n"));
    }

    @Test
    void inlineExcludeAndNoInlineKeepARelationStored() {
        // Soufflé's tests/semantic/inline_exclude: b and d are not inlined, so their rules must be grounded
        assertEquals(List.of("t.dl:5:3: error: variable 'x' in the head is not grounded by the body",
                        "t.dl:6:3: error: variable 'x' in the head is not grounded by the body"),
                errors(".pragma \"inline-exclude\" \"b\"\n.decl a(x: number)\n.decl b(x: number) inline\n"
                        + ".decl d(x: number) inline no_inline\nb(x) :- x != 1.\nd(x) :- x != 1.\n"
                        + "a(x) :- a(x), b(x), d(x).\n"));
    }

    @Test
    void aRelationsSizeIsPrintedByOnePrintsize() {
        // Soufflé's tests/syntactic printsize_directive and printsize_directive2
        assertEquals(List.of("t.dl:4:15: error: '.printsize' of c is given twice; the first is at line 3"),
                errors(".decl a(x: number)\n.decl c(x: number)\n.printsize c\n.printsize a, c\n"));
    }

    @Test
    void aMalformedPlanIsASyntaxError() {
        assertEquals("t.dl:3:10: error: expected '(', found '1'",
                errors(".decl e(x: number)\ne(x) :- e(x).\n.plan 0: 1\n").get(0));
    }

    @Test
    void choiceDomainsNameColumns() {
        CheckedProgram program = DatalogParser.parse("t.dl", ".decl r(x: number, y: number, z: number) choice-domain x, (y, z)\n");
        assertEquals(List.of(List.of(0), List.of(1, 2)), program.program().declarations().get(0).choiceDomains());
        assertEquals(List.of("t.dl:1:45: error: choice-domain names 'w', which is not a column of the relation"),
                errors(".decl r(x: number, y: number) choice-domain w\n"));
        // Soufflé's tests/semantic/keys1: repeats reduce, and a domain of every column restricts nothing
        CheckedProgram reduced = DatalogParser.parse("t.dl", ".decl r(x: number, y: number) choice-domain (x, x), x, x\n"
                + ".decl s(x: number, y: number) choice-domain (x, y), (y, x)\n");
        assertEquals(List.of(List.of(0)), reduced.program().declarations().get(0).choiceDomains());
        assertEquals(List.of(), reduced.program().declarations().get(1).choiceDomains());
        // Soufflé's tests/syntactic/qualifiers4: the choice-domain comes last
        DatalogParser.parse("t.dl", ".decl r(x: symbol, y: symbol) btree choice-domain x, y\n");
        assertEquals(List.of("t.dl:1:50: error: the qualifier 'btree' follows the choice-domain; write it before, as "
                        + "Soufflé requires"),
                errors(".decl r(x: symbol, y: symbol) choice-domain x, y btree\n"));
    }

    @Test
    void limitsizeNamesADeclaredRelationAndAPositiveLimit() {
        CheckedProgram program = DatalogParser.parse("t.dl", ".decl r(x: number)\n.limitsize r(n=5)\n");
        assertEquals(5, program.program().declarations().get(0).sizeLimit());
        assertEquals(List.of("t.dl:1:14: error: '.limitsize' takes n=NUMBER, found m",
                        "t.dl:2:16: error: the size limit must be a number from 1 to 4294967295",
                        "t.dl:3:1: error: '.limitsize' of q, which is not declared"),
                errors(".limitsize r(m=5)\n.limitsize r(n=0)\n.limitsize q(n=1)\n.decl r(x: number)\n"));
    }
}
