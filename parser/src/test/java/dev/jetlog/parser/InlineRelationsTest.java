// Inline relations: uses replaced by the inlined rules' bodies (unified with the use), negated uses multiplied
// out, and the errors for recursion, I/O and negated rules with variables of their own.
package dev.jetlog.parser;

import static dev.jetlog.parser.Diagnostics.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class InlineRelationsTest {
    private static final String DECLS = """
            .decl e(x: number, y: number)
            .decl r(x: number)
            .decl p(x: number, y: number) inline
            """;

    private static List<String> rules(String program) {
        return DatalogParser.parse("t.dl", DECLS + program).program().rules().stream().map(Rule::toString).toList();
    }

    @Test
    void aPositiveUseBecomesOneRulePerInlinedRule() {
        assertEquals(List.of("r(x) :- e(x, _y~1), e(_y~1, 3).", "r(x) :- e(x, x), x = 3."),
                rules("p(x, z) :- e(x, y), e(y, z).\np(x, x) :- e(x, x).\nr(x) :- p(x, 3).\n"));
    }

    @Test
    void aNegatedUseNeedsOneFailingLiteralPerInlinedRule() {
        // !p(x, _) = not (exists y: e(x, y), x >= 0) and not (x = 2, e(x, x))
        assertEquals(List.of("r(x) :- e(x, 1), !e(x, _), x != 2.", "r(x) :- e(x, 1), !e(x, _), !e(x, x).",
                        "r(x) :- e(x, 1), x < 0, x != 2.", "r(x) :- e(x, 1), x < 0, !e(x, x)."),
                rules("p(x, y) :- e(x, y), x >= 0.\np(x, x) :- x = 2, e(x, x).\nr(x) :- e(x, 1), !p(x, _).\n"));
    }

    @Test
    void theInlineRelationIsNotDeclaredAnyMore() {
        CheckedProgram program = DatalogParser.parse("t.dl", DECLS + "p(x, y) :- e(x, y).\nr(x) :- p(x, _).\n");
        assertEquals(List.of("e", "r"), program.program().declarations().stream().map(RelationDecl::name).toList());
    }

    @Test
    void misusesAreErrorsAtTheirPlace() {
        assertEquals(List.of("t.dl:4:12: error: inline relation p uses itself (an inline relation must not be recursive)"),
                errors(DECLS + "p(x, y) :- p(y, x).\nr(x) :- p(x, _).\n"));
        assertEquals(List.of("t.dl:4:9: error: inline relation p is never stored, so it cannot be read or written"),
                errors(DECLS + ".output p\np(1, 2).\n"));
        assertEquals(List.of("t.dl:5:10: error: inline relation p is negated here, but its rule at line 4 has variables"
                        + " that are not in its head"),
                errors(DECLS + "p(x, y) :- e(x, z), e(z, y).\nr(x) :- !p(x, 1), e(x, _).\n"));
    }
}
