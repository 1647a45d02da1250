// Lexical and syntax errors: exact positions, readable messages, rendering with the caret.
package dev.jetlog.parser;

import static dev.jetlog.parser.Diagnostics.errors;
import static dev.jetlog.parser.Diagnostics.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntaxErrorTest {
    private static final String DECLS = ".decl e(x: number, y: number)\n.decl p(x: number, y: number)\n";

    @Test
    void missingDotAtTheEndOfARule() {
        DatalogException e = failure(DECLS + "p(x, y) :- e(x, y)\np(x, z) :- e(x, y), p(y, z).\n");
        assertEquals("t.dl:4:1: error: expected '.' at the end of the rule, found 'p'", e.getMessage());
        assertEquals("t.dl:4:1: error: expected '.' at the end of the rule, found 'p'\n"
                + "p(x, z) :- e(x, y), p(y, z).\n"
                + "^", e.render());
    }

    @Test
    void missingDotAtEndOfFile() {
        assertEquals(List.of("t.dl:3:19: error: expected '.' at the end of the rule, found end of file"),
                errors(DECLS + "p(x, y) :- e(x, y)"));
    }

    @Test
    void unexpectedClosingParenthesis() {
        DatalogException e = failure(DECLS + "p(1, 2) :- e(x, ).\n");
        assertEquals(List.of("t.dl:3:17: error: unexpected ')'"), e.errors().stream().map(Diagnostic::headline).toList());
        assertEquals("t.dl:3:17: error: unexpected ')'\np(1, 2) :- e(x, ).\n                ^", e.render());
    }

    @Test
    void extraClosingParenthesis() {
        assertEquals(List.of("t.dl:3:19: error: unexpected ')'"), errors(DECLS + "p(x, y) :- e(x, y)).\n"));
    }

    @Test
    void missingColonInDeclaration() {
        assertEquals(List.of("t.dl:1:11: error: expected ':', found 'number'"), errors(".decl e(x number)\n"));
    }

    @Test
    void unclosedDeclaration() {
        assertEquals(List.of("t.dl:1:18: error: expected ',' or ')', found end of file"), errors(".decl e(x: number"));
    }

    @Test
    void severalSyntaxErrorsAreAllReported() {
        assertEquals(List.of(
                "t.dl:3:17: error: unexpected ')'",
                "t.dl:5:1: error: expected '.' at the end of the rule, found 'p'"),
                errors(DECLS + "p(1, 2) :- e(x, ).\np(x, y) :- e(x, y)\np(x, y) :- e(y, x).\n"));
    }

    @Test
    void unterminatedString() {
        DatalogException e = failure(".decl s(x: symbol)\ns(\"abc).\ns(\"d\").\n");
        assertEquals(List.of("t.dl:2:3: error: unterminated string"), e.errors().stream().map(Diagnostic::headline).toList());
        assertEquals("t.dl:2:3: error: unterminated string\ns(\"abc).\n  ^", e.render());
    }

    @Test
    void unexpectedCharacter() {
        assertEquals(List.of("t.dl:3:9: error: unexpected character '~'"), errors(DECLS + "e(1, 2) ~ e(2, 3).\n"));
    }

    @Test
    void unterminatedComment() {
        assertEquals(List.of("t.dl:2:5: error: unterminated comment"), errors(DECLS.substring(0, 30) + "e(1 /* 2).\n"));
    }

    @Test
    void invalidEscapeInString() {
        assertEquals(List.of("t.dl:2:5: error: invalid escape sequence '\\q' in string"),
                errors(".decl s(x: symbol)\ns(\"a\\qb\").\n"));
    }

    @Test
    void integerLiteralOutOfRange() {
        assertEquals(List.of(
                "t.dl:2:3: error: integer literal out of range: 4294967296 is not in [-2147483648, 4294967295]",
                "t.dl:3:3: error: integer literal out of range: -2147483649 is not in [-2147483648, 4294967295]",
                "t.dl:4:3: error: integer literal out of range: 0x100000000 is not in [-2147483648, 4294967295]"),
                errors(".decl u(x: unsigned)\nu(4294967296).\nu(-2147483649).\nu(0x100000000).\nu(4294967295).\n"));
    }

    @Test
    void tabsCountAsOneColumnAndRenderAsSpaces() {
        DatalogException e = failure(DECLS + "p(x, y) :-\te(x, y) e(y, x).\n");
        assertEquals("t.dl:3:20: error: expected '.' at the end of the rule, found 'e'", e.getMessage());
        assertEquals("t.dl:3:20: error: expected '.' at the end of the rule, found 'e'\n"
                + "p(x, y) :- e(x, y) e(y, x).\n"
                + "                   ^", e.render());
    }

    @Test
    void crlfLineEndsKeepLineNumbers() {
        assertEquals(List.of("t.dl:3:1: error: expected '.' at the end of the rule, found 'p'"),
                errors(".decl p(x: number, y: number)\r\np(1, 2)\r\np(2, 3).\r\n"));
    }
}
