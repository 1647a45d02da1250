// The preprocessor on text: macros (object-like, function-like, nested, self-referent, # and ##,
// variadic), what is never expanded (strings, comments), conditionals, line continuations, the text
// left as it is, and the errors of directives, each at its file:line:col.
package dev.jetlog.parser.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jetlog.parser.DatalogException;
import dev.jetlog.parser.Diagnostic;
import dev.jetlog.parser.SourceText;
import dev.jetlog.parser.ast.SourcePos;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
    private static String run(String text) {
        return run(text, PreprocessorOptions.NONE);
    }

    private static String run(String text, PreprocessorOptions options) {
        return Preprocessor.run(SourceText.of("t.dl", text), options).text();
    }

    private static List<String> errors(String text) {
        return errors(text, PreprocessorOptions.NONE);
    }

    private static List<String> errors(String text, PreprocessorOptions options) {
        DatalogException e = assertThrows(DatalogException.class,
                () -> Preprocessor.run(SourceText.of("t.dl", text), options));
        return e.errors().stream().map(Diagnostic::headline).toList();
    }

    private static PreprocessorOptions macros(String definitions) {
        return new PreprocessorOptions(List.of(), PreprocessorOptions.parseDefinitions(definitions));
    }

    @Test
    void textWithoutDirectivesIsReturnedAsItIs() {
        SourceText plain = SourceText.of("t.dl", ".decl e(x: number)\r\ne(1). // one\n/* two */ e(2).");
        assertSame(plain, Preprocessor.run(plain, PreprocessorOptions.NONE));
        assertFalse(Preprocessor.mayChange(plain.text(), PreprocessorOptions.NONE));
        assertTrue(Preprocessor.mayChange(plain.text(), macros("one")), "a predefined macro's name occurs");
    }

    @Test
    void textWithHashesButNoDirectivesComesOutByteForByte() {
        String text = ".decl s(x: symbol)\r\ns(\"a#b\"). // #include \"x\"\n/* #define e f\n#error no */ s(\"#\").\n\te(1).";
        String out = run(text);
        assertEquals(text, out);
    }

    @Test
    void objectLikeMacros() {
        assertEquals("e(42, 42).\n", run("#define N 42\ne(N, N).\n"));
        assertEquals("e(1 + 2).\n", run("#define A 1 /* c */   +\t2\ne(A).\n"), "whitespace in a body is one space");
        assertEquals("e(N).\n", run("#define N 1\n#undef N\ne(N).\n"));
        assertEquals("e(32).\n", run("e(RAM_DOMAIN_SIZE).\n"), "Soufflé defines RAM_DOMAIN_SIZE");
    }

    @Test
    void functionLikeMacros() {
        assertEquals("p(x) :- edge(x, y), edge(y, x).\n",
                run("#define SYM(a, b) edge(a, b), edge(b, a)\np(x) :- SYM(x, y).\n"));
        assertEquals("f((1, 2), [3]).\n", run("#define F(a, b) f(a, b)\nF((1, 2), [3]).\n"),
                "a parenthesised comma stays inside its argument");
        assertEquals("f g(y).\n", run("#define F(a) f a\nF(  g(y) ).\n"), "arguments are trimmed");
        assertEquals("F + 1\n", run("#define F(a) a\nF + 1\n"), "without '(' the name is left alone");
        assertEquals("n() = 0.\n", run("#define N() n()\nN() = 0.\n"));
        assertEquals("e().\n", run("#define E(a) e(a)\nE().\n"), "one empty argument");
    }

    @Test
    void argumentsSpanningLinesAndNestedCalls() {
        assertEquals("e(1, 2) e(3, e(4, 5)).\n", run("#define E(a, b) e(a, b)\nE(1,\n  2) E(3, E(4, 5)).\n"));
        assertEquals("e(1,\n2).\n", run("#define E e\nE(1,\n2).\n"), "line ends stay outside macro calls");
        assertEquals("r(x) :- e(x, 1).\n", run("#define ONE 1\n#define E(a) e(a, ONE)\nr(x) :- E(x).\n"));
        assertEquals("e(0 + 1 + 1).\n", run("#define TWICE(f, x) f(f(x))\n#define INC(x) x + 1\ne(TWICE(INC, 0)).\n"));
    }

    @Test
    void aMacroIsNotExpandedInsideItsOwnExpansion() {
        assertEquals("e(x + foo).\n", run("#define foo x + foo\ne(foo).\n"));
        assertEquals("e(a).\n", run("#define a b\n#define b a\ne(a).\n"));
        assertEquals("f(f(1)).\n", run("#define f(x) f(x)\nf(f(1)).\n"));
    }

    @Test
    void stringizingAndPasting() {
        assertEquals("s(\"a b\", \"\\\"q\\\"\").\n", run("#define S(x) #x\ns(S( a   b ), S(\"q\")).\n"));
        assertEquals("edge_weight(1).\n", run("#define REL(a, b) a ## _ ## b\nREL(edge, weight)(1).\n"));
        assertEquals("e(x).\n", run("#define P(a, b) a ## b\ne(P(, x)).\n"), "an empty argument pastes to nothing");
        assertEquals("e(12).\n", run("#define P(a, b) a##b\ne(P(1, 2)).\n"));
    }

    @Test
    void variadicMacros() {
        assertEquals("r(1, 2, 3).\nr(1, ).\n", run("#define R(a, ...) r(a, __VA_ARGS__)\nR(1, 2, 3).\nR(1).\n"));
    }

    @Test
    void nothingIsExpandedInStringsOrComments() {
        assertEquals("s(\"N\", 1). // N\n/* N\n N */ s(\"N\", 1).\n",
                run("#define N 1\ns(\"N\", N). // N\n/* N\n N */ s(\"N\", N).\n"));
    }

    @Test
    void aHashInsideACommentOrStringIsNotADirective() {
        assertEquals("/*\n#error no\n*/ e(1).\n", run("/*\n#error no\n*/ e(1).\n"));
        assertEquals("e(\"#if\").\n", run("#define X 1\ne(\"#if\").\n"));
    }

    @Test
    void splicesLinesEndingInABackslash() {
        assertEquals("e(1 + 2).\n", run("#define A 1 \\\n  + 2\ne(A).\n"));
        assertEquals("edge(1, 2).\n", run("ed\\\nge(1, 2).\n"));
    }

    @Test
    void conditionalsWithPredefinedMacros() {
        String program = "#ifdef FAST\nfast.\n#else\nslow.\n#endif\n#ifndef FAST\nnot_fast.\n#endif\n";
        assertEquals("fast.\n", run(program, macros("FAST")));
        assertEquals("slow.\nnot_fast.\n", run(program));
        String levels = "#if LEVEL >= 2 && defined(FAST)\nhigh.\n#elif LEVEL == 1 || defined LOW\nlow.\n#else\nnone.\n#endif\n";
        assertEquals("high.\n", run(levels, macros("LEVEL=2 FAST")));
        assertEquals("low.\n", run(levels, macros("LEVEL=1")));
        assertEquals("low.\n", run(levels, macros("LOW")));
        assertEquals("none.\n", run(levels, macros("LEVEL=2")));
        assertEquals("none.\n", run(levels), "an undefined name is 0");
    }

    @Test
    void conditionalExpressions() {
        String yes = "yes.\n";
        assertEquals(yes, run("#if (1 + 2) * 3 == 9 && 7 / 2 == 3 && 7 % 4 == 3 && -1 < 0 && !0 && ~0 == -1\nyes.\n#endif\n"));
        assertEquals(yes, run("#if 0x10 == 16 && 010 == 8 && 0b11 == 3 && 10u == 10L && (1 << 4) == 16 && (5 & 3) == 1\nyes.\n#endif\n"));
        assertEquals(yes, run("#if 1 ? 2 : 0 / 0\nyes.\n#endif\n"), "the branch not taken is not evaluated");
        assertEquals(yes, run("#if 0 && 1 / 0 || 1\nyes.\n#endif\n"));
        assertEquals(yes, run("#define TWO 2\n#if TWO > 1 && RAM_DOMAIN_SIZE == 32\nyes.\n#endif\n"));
        assertEquals("", run("#if 0\n#if 1 / 0\n#error not evaluated\n#endif\nno.\n#elif 0\nno.\n#endif\n"));
    }

    @Test
    void nestedConditionals() {
        String text = "#if 1\n#if 0\na.\n#elif 1\nb.\n#else\nc.\n#endif\n#else\n#if 1\nd.\n#endif\n#endif\n";
        assertEquals("b.\n", run(text));
    }

    @Test
    void macroDefinitionsFromTheCaller() {
        assertEquals(Map.of("A", "1", "B", "two", "C", ""), PreprocessorOptions.parseDefinitions(" A B=two  C= "));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> PreprocessorOptions.parseDefinitions("1X=2"));
        assertTrue(bad.getMessage().startsWith("invalid macro name '1X'"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PreprocessorOptions.NONE.withMacro("defined", "1"));
        assertEquals("e(two).\n", run("e(B).\n", macros("B=two")));
    }

    @Test
    void errorDirective() {
        assertEquals(List.of("t.dl:3:3: error: #error LEVEL must be set"),
                errors("#ifndef LEVEL\n\n  #error LEVEL must be set\n#endif\n"));
        assertEquals("ok.\n", run("#ifdef LEVEL\n#error never\n#endif\nok.\n"));
    }

    @Test
    void unbalancedConditionals() {
        assertEquals(List.of("t.dl:2:1: error: unterminated #ifdef: no #endif before the end of the file"),
                errors("e(1).\n#ifdef A\ne(2).\n"));
        assertEquals(List.of("t.dl:2:1: error: #else without #if"), errors("e(1).\n#else\n"));
        assertEquals(List.of("t.dl:1:1: error: #endif without #if"), errors("#endif\n"));
        assertEquals(List.of("t.dl:2:1: error: #elif without #if"), errors("\n#elif 1\n"));
        assertEquals(List.of("t.dl:3:1: error: #else after #else"), errors("#if 1\n#else\n#else\n#endif\n"));
    }

    @Test
    void badConditionalExpressions() {
        assertEquals(List.of("t.dl:1:7: error: unexpected 'b' in #if expression"), errors("#if a b\n#endif\n"));
        assertEquals(List.of("t.dl:1:1: error: #if needs an expression"), errors("#if\n#endif\n"));
        assertEquals(List.of("t.dl:1:7: error: division by zero in #if"), errors("#if 1 / 0\n#endif\n"));
        assertEquals(List.of("t.dl:1:10: error: expected ')' in #if expression, found the end of the line"),
                errors("#if (1 + 2\n#endif\n"));
        assertEquals(List.of("t.dl:1:5: error: '1.5' is not an integer constant (in #if)"), errors("#if 1.5\n#endif\n"));
        assertEquals(List.of("t.dl:1:13: error: 'defined' needs a macro name"), errors("#if defined(1)\n#endif\n"));
        assertEquals(List.of("t.dl:1:5: error: unexpected string \"x\" in #if expression"), errors("#if \"x\"\n#endif\n"));
    }

    @Test
    void badDefinitionsAndDirectives() {
        assertEquals(List.of("t.dl:1:1: error: #define needs a macro name"), errors("#define\n"));
        assertEquals(List.of("t.dl:1:9: error: 'defined' cannot be used as a macro name"), errors("#define defined 1\n"));
        assertEquals(List.of("t.dl:1:14: error: duplicate parameter 'a' of macro 'F'"), errors("#define F(a, a) a\n"));
        assertEquals(List.of("t.dl:1:14: error: '#' is not followed by a parameter of macro 'F'"), errors("#define F(a) # b\n"));
        assertEquals(List.of("t.dl:1:11: error: '##' cannot be at either end of the body of macro 'F'"), errors("#define F ## a\n"));
        assertEquals(List.of("t.dl:2:2: error: unknown preprocessor directive '#incude'"), errors("\n #incude \"x.dl\"\n"));
        assertEquals("e(1).\n", run("#\n# 7 \"other.dl\"\n#line 9\n#pragma foo\ne(1).\n"), "null directives, line markers and pragmas");
    }

    @Test
    void badMacroCalls() {
        assertEquals(List.of("t.dl:2:9: error: unterminated call of macro 'F': no ')' before the next directive or the end of the file"),
                errors("#define F(a) a\ne(1) :- F(x,\n"));
        assertEquals(List.of("t.dl:2:6: error: macro 'F' takes 2 arguments, but 1 was given"),
                errors("#define F(a, b) a\nr :- F(x).\n"));
        assertEquals(List.of("t.dl:2:1: error: macro 'G' takes 0 arguments, but 1 was given"), errors("#define G() g\nG(1)\n"));
        assertEquals(List.of("t.dl:2:1: error: macro 'V' takes at least 2 arguments, but 1 was given"),
                errors("#define V(a, b, ...) a\nV(1)\n"));
    }

    @Test
    void anExpansionThatExplodesIsStopped() {
        StringBuilder text = new StringBuilder();
        for (int level = 0; level < 30; level++) {
            text.append("#define L").append(level).append(" L").append(level + 1).append(" L").append(level + 1).append('\n');
        }
        text.append("e(L0).\n");
        List<String> errors = errors(text.toString());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("t.dl:31:3: error: macro expansion makes more than 1000000 tokens here"),
                errors.get(0));
    }

    @Test
    void allErrorsOfTheFileAreReportedInOrder() {
        assertEquals(List.of("t.dl:1:1: error: #error one", "t.dl:3:1: error: #endif without #if", "t.dl:4:1: error: #error two"),
                errors("#error one\ne(1).\n#endif\n#error two\n"));
    }

    @Test
    void aMacroExpansionIsMappedToItsInvocation() {
        SourceText out = Preprocessor.run(SourceText.of("t.dl", "#define EDGE(a) edge(a, a)\n  r(x) :- EDGE(x), s(x).\n"),
                PreprocessorOptions.NONE);
        assertEquals("  r(x) :- edge(x, x), s(x).\n", out.text());
        assertEquals(new SourcePos("t.dl", 2, 3), out.position(1, 3), "'r' is where it was written");
        assertEquals(new SourcePos("t.dl", 2, 11), out.position(1, 11), "'edge' is the call of EDGE");
        assertEquals(new SourcePos("t.dl", 2, 11), out.position(1, 14), "'(' is the call of EDGE too");
        assertEquals(new SourcePos("t.dl", 2, 16), out.position(1, 16), "the argument x keeps its place");
        assertEquals(new SourcePos("t.dl", 2, 20), out.position(1, 23), "'s' after the call keeps its column");
    }

    @Test
    void tokensThatWouldMergeAreKeptApart() {
        assertEquals("r(x) : - e(x).\n", run("#define COLON :\nr(x) COLON- e(x).\n"));
        assertEquals("x ! = y\n", run("#define NOT !\nx NOT= y\n"));
        assertEquals("a b\n", run("#define E(x) x\nE(a)E(b)\n"));
    }
}
