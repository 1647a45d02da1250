// Operators and functors: Soufflé's precedence and associativity, the functor forms, literal suffixes, the
// types each accepts and yields, and the errors for wrong types, arities and regular expressions.
package dev.jetlog.parser;

import static dev.jetlog.parser.Diagnostics.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.FunctorDecl;
import dev.jetlog.parser.ast.IntegerConstant;
import dev.jetlog.parser.ast.Term;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorsAndFunctorsTest {
    private static final String DECLS = """
            .decl n(x: number)
            .decl u(x: unsigned)
            .decl f(x: float)
            .decl s(x: symbol)
            """;

    /** The right-hand side of `x = ...` in the only rule of DECLS + rule, as the AST prints it. */
    private static Term bound(String rule) {
        CheckedProgram program = DatalogParser.parse("t.dl", DECLS + rule);
        Comparison binding = (Comparison) program.program().rules().get(0).body().get(1);
        return binding.right();
    }

    @Test
    void precedenceFollowsSouffle() {
        // lor < lxor < land < bor < bxor < band < shifts < + - < * / % < unary < ^ (right-associative)
        assertEquals("((-(y ^ 2) + 1) band 3)", bound("n(x) :- n(y), x = -y ^ 2 + 1 band 3.").toString());
        assertEquals("(y ^ (2 ^ 3))", bound("n(x) :- n(y), x = y ^ 2 ^ 3.").toString());
        assertEquals("((y land 1) lor (y lxor (2 bor (3 bxor (4 band 5)))))",
                bound("n(x) :- n(y), x = y land 1 lor y lxor 2 bor 3 bxor 4 band 5.").toString());
        assertEquals("((y + 1) bshl (2 * 3))", bound("n(x) :- n(y), x = y + 1 bshl 2 * 3.").toString());
        assertEquals("((bnot y) * (lnot 2))", bound("n(x) :- n(y), x = bnot y * lnot 2.").toString());
    }

    @Test
    void variadicFunctorsFoldLeftToRight() {
        assertEquals("max(max(y, 1), 2)", bound("n(x) :- n(y), x = max(y, 1, 2).").toString());
        assertEquals("min(y, 7)", bound("n(x) :- n(y), x = min(y, 7).").toString());
        assertEquals("cat(cat(y, \"-\"), y)", bound("s(x) :- s(y), x = cat(y, \"-\", y).").toString());
        assertEquals("to_number(to_string(y))", bound("n(x) :- n(y), x = to_number(to_string(y)).").toString());
    }

    @Test
    void functorsHaveTheirResultTypes() {
        CheckedProgram program = DatalogParser.parse("t.dl", DECLS
                + "n(x) :- s(y), x = strlen(y) + ord(y) + to_number(y).\n"
                + "f(x) :- n(y), x = to_float(y) ^ 0.5.\n"
                + "u(x) :- f(y), x = to_unsigned(y) bshr 1u.\n"
                + "s(x) :- u(y), x = max(to_string(y), \"a\").\n");
        List<ColumnType> types = program.program().rules().stream()
                .map(rule -> program.typeOf(((Comparison) rule.body().get(1)).right())).toList();
        assertEquals(List.of(ColumnType.NUMBER, ColumnType.FLOAT, ColumnType.UNSIGNED, ColumnType.SYMBOL), types);
    }

    @Test
    void ipv4LiteralsAreNumbersAsInSouffle() {
        // Soufflé's tests/semantic ipv4 and ipv4_1
        CheckedProgram program = DatalogParser.parse("t.dl", DECLS + "n(10.10.10.10).\nn(255.255.255.255).\nn(0.0.0.1).\n"
                + "n(x) :- n(x), x = 2.1.1.1.\n");
        List<Long> values = program.program().rules().stream().limit(3)
                .map(rule -> ((IntegerConstant) rule.head().args().get(0)).value()).toList();
        assertEquals(List.of(168430090L, -1L, 1L), values);
        assertEquals("33620225", bound("n(x) :- n(x), x = 2.1.1.1.\n").toString());
        assertEquals(List.of("t.dl:5:3: error: IPv4 literal 1.256.0.0 needs four parts from 0 to 255"),
                errors(DECLS + "n(1.256.0.0).\n"));
        assertEquals(List.of(1.5f), List.of(((dev.jetlog.parser.ast.FloatConstant) DatalogParser.parse("t.dl",
                DECLS + "f(1.5).\n").program().rules().get(0).head().args().get(0)).value()), "floats are still floats");
    }

    @Test
    void unsignedLiteralsAreUnsigned() {
        Term literal = bound("u(x) :- u(y), x = 4294967295u.");
        assertEquals(new IntegerConstant(4294967295L, true, literal.pos()), literal);
        assertEquals(List.of("t.dl:5:3: error: unsigned constant 1u has type unsigned, but number is expected here"),
                errors(DECLS + "n(1u).\n"));
        assertEquals(List.of("t.dl:5:3: error: unsigned literal out of range: 4294967296u is not in [0, 4294967295]"),
                errors(DECLS + "u(4294967296u).\n"));
    }

    @Test
    void operatorsRejectTypesTheyDoNotTake() {
        assertEquals(List.of(
                        "t.dl:5:21: error: operator 'band' is not supported on float values",
                        "t.dl:6:19: error: operator 'bnot' is not supported on float values",
                        "t.dl:7:21: error: operator '^' is not supported on symbol values",
                        "t.dl:8:19: error: functor 'strlen' does not take a number argument",
                        "t.dl:9:19: error: functor 'ord' does not take a number argument",
                        "t.dl:10:3: error: functor 'cat' yields a symbol, but number is expected here",
                        "t.dl:11:19: error: functor 'sin' does not take a number argument",
                        "t.dl:12:17: error: comparison '=' between different types: number and float"),
                errors(DECLS
                        + "f(x) :- f(y), x = y band 1.\n"
                        + "f(x) :- f(y), x = bnot y.\n"
                        + "s(x) :- s(y), x = y ^ y.\n"
                        + "n(x) :- n(y), x = strlen(y).\n"
                        + "n(x) :- n(y), x = ord(y).\n"
                        + "n(cat(\"a\", \"b\")).\n"
                        + "n(x) :- n(y), x = sin(y).\n"
                        + "n(x) :- f(y), x = exp(y).\n"));
    }

    @Test
    void functorArityAndUnknownFunctors() {
        assertEquals(List.of(
                        "t.dl:5:19: error: functor 'strlen' takes 1 argument, given 2",
                        "t.dl:6:19: error: functor 'cat' takes at least 2 arguments, given 1",
                        "t.dl:7:19: error: functor 'sqrt' is not supported",
                        "t.dl:8:15: error: 'match' takes 2 arguments, given 3"),
                errors(DECLS
                        + "n(x) :- s(y), x = strlen(y, y).\n"
                        + "s(x) :- s(y), x = cat(y).\n"
                        + "n(x) :- n(y), x = sqrt(y).\n"
                        + "s(x) :- s(x), match(x, x, x).\n"));
    }

    @Test
    void matchAndContainsTakeSymbolsAndAValidPattern() {
        assertEquals(List.of(
                        "t.dl:5:21: error: bad regular expression in match: Unclosed group near index 3",
                        "t.dl:6:24: error: integer constant 1 is numeric, but symbol is expected here"),
                errors(DECLS
                        + "s(x) :- s(x), match(\"a(b\", x).\n"
                        + "s(x) :- s(x), contains(1, x).\n"));
        CheckedProgram negated = DatalogParser.parse("t.dl", DECLS + "s(x) :- s(x), !match(\"a.*\", x), !contains(\"b\", x).\n");
        List<String> literals = negated.program().rules().get(0).body().stream().map(Object::toString).toList();
        assertEquals(List.of("s(x)", "!match(\"a.*\", x)", "!contains(\"b\", x)"), literals);
    }

    @Test
    void userDefinedFunctorsAreDeclaredAndTypeChecked() {
        CheckedProgram program = DatalogParser.parse("t.dl", DECLS
                + ".functor f(a: number, symbol): float stateful\n.functor g(): unsigned\n"
                + "f(x) :- n(y), s(z), x = @f(y, z).\n");
        FunctorDecl f = program.program().functor("f");
        assertEquals(List.of(ColumnType.NUMBER, ColumnType.SYMBOL), f.parameters());
        assertEquals(ColumnType.FLOAT, f.result());
        assertEquals(true, f.stateful());
        assertEquals(false, program.program().functor("g").stateful());
        assertEquals(List.of(
                        "t.dl:6:23: error: functor '@h' is not declared (declare it with '.functor h(...): type')",
                        "t.dl:7:23: error: functor '@f' takes 2 arguments, given 1",
                        "t.dl:8:25: error: variable 'y' has type number, but symbol is expected here",
                        "t.dl:9:17: error: comparison '=' between different types: number and float"),
                errors(DECLS + ".functor f(a: number, symbol): float\n"
                        + "f(x) :- n(y), x = 1 + @h(y).\n"
                        + "f(x) :- n(y), x = 1 + @f(y).\n"
                        + "f(x) :- n(y), x = @f(y, y).\n"
                        + "n(x) :- n(y), x = @f(y, \"a\").\n"));
        assertEquals(List.of("t.dl:1:15: error: unknown type 'text'"), errors(".functor k(x: text): number\n"));
    }
}
