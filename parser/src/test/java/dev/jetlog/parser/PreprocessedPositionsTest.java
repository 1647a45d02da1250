// Diagnostics of programs with directives and macros point into the original text: lines stay right
// after directives, skipped groups and multi-line comments; columns stay right after a macro call on the
// same line; a problem inside an expansion is reported at the macro's invocation.
package dev.jetlog.parser;

import static dev.jetlog.parser.Diagnostics.errors;
import static dev.jetlog.parser.Diagnostics.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jetlog.parser.preprocess.PreprocessorOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreprocessedPositionsTest {
    @Test
    void linesStayRightAfterDirectivesAndAMultiLineComment() {
        DatalogException e = failure("""
                #define N 3
                /* a comment
                   over lines
                #include "not a directive.dl"
                */
                .decl e(x: number)
                #if 0
                e(N) skipped
                #endif
                e(N).
                f(1).   // not declared
                """);
        assertEquals("t.dl:11:1: error: relation 'f' is not declared\nf(1).   // not declared\n^", e.render());
    }

    @Test
    void columnsStayRightAfterAMacroCallOnTheSameLine() {
        assertEquals(List.of("t.dl:4:29: error: relation 'g' is not declared"), errors("""
                #define LIMIT 1000
                #define BOTH(a) e(a), e(a)
                .decl e(x: number)
                e(x) :- BOTH(x), x < LIMIT, g(x).
                """));
    }

    @Test
    void aProblemInsideAnExpansionIsAtTheInvocation() {
        DatalogException e = failure("""
                #define BAD(x) h(x)
                .decl e(x: number)
                e(x) :- e(x),   BAD(x).
                """);
        assertEquals("t.dl:3:17: error: relation 'h' is not declared\ne(x) :- e(x),   BAD(x).\n                ^", e.render());
    }

    @Test
    void continuationLinesKeepTheirOwnLineAndColumn() {
        assertEquals(List.of("t.dl:4:3: error: relation 'g' is not declared"), errors("""
                #define X 1
                .decl e(x: number)
                e(x) :- e(x), \\
                  g(x).
                e(2).
                """));
    }

    @Test
    void aMacroCallOverSeveralLinesKeepsTheLinesAfterIt() {
        assertEquals(List.of("t.dl:6:1: error: relation 'g' is not declared"), errors("""
                #define E(a, b) e(a), e(b)
                .decl e(x: number)
                e(x) :- E(x,
                          1
                         ).
                g(1).
                """));
    }

    @Test
    void macrosFromTheCallerInARuleBodyButNotInAString() {
        CheckedProgram program = DatalogParser.parse(SourceText.of("t.dl", """
                .decl s(x: symbol, n: number)
                s("LIMIT", n) :- s(_, n), n < LIMIT.
                """), new PreprocessorOptions(List.of(), Map.of("LIMIT", "10")));
        assertEquals("s(\"LIMIT\", n) :- s(_, n), n < 10.", program.program().rules().get(0).toString());
        assertEquals("t.dl:2:1", program.program().rules().get(0).pos().toString());
    }

    @Test
    void aStrayHashInTheMiddleOfALineIsAnUnexpectedCharacter() {
        DatalogException e = failure(".decl e(x: number)\ne(1). # not a directive\n");
        assertEquals("t.dl:2:7: error: unexpected character '#'\ne(1). # not a directive\n      ^", e.render());
    }

    @Test
    void preprocessorErrorsRenderTheirLine() {
        DatalogException e = failure(".decl e(x: number)\n#if defined(FAST) &&\n#endif\n");
        assertEquals("t.dl:2:19: error: #if expression ends where an operand is expected\n"
                + "#if defined(FAST) &&\n                  ^", e.render());
    }
}
