// The type recorded for every term node: variables, wildcards, constants by context, arithmetic, aggregates.
package dev.jetlog.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.UnaryExpr;
import dev.jetlog.parser.ast.Variable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeRecordingTest {
    private static final String DECLS = """
            .decl n(x: number, y: number)
            .decl u(x: unsigned)
            .decl f(x: float)
            .decl s(x: symbol, y: number)
            """;

    /** Every term node of a rule, in pre-order, including those inside aggregates. */
    static List<Term> allTerms(Rule rule) {
        List<Term> terms = new ArrayList<>();
        rule.head().args().forEach(t -> collect(t, terms));
        rule.body().forEach(l -> collect(l, terms));
        return terms;
    }

    private static void collect(Literal literal, List<Term> terms) {
        if (literal instanceof Atom atom) {
            atom.args().forEach(t -> collect(t, terms));
        } else if (literal instanceof Negation negation) {
            negation.atom().args().forEach(t -> collect(t, terms));
        } else if (literal instanceof Comparison c) {
            collect(c.left(), terms);
            collect(c.right(), terms);
        }
    }

    private static void collect(Term term, List<Term> terms) {
        terms.add(term);
        if (term instanceof BinaryExpr b) {
            collect(b.left(), terms);
            collect(b.right(), terms);
        } else if (term instanceof UnaryExpr n) {
            collect(n.operand(), terms);
        } else if (term instanceof Aggregate a) {
            if (a.target() != null) {
                collect(a.target(), terms);
            }
            a.body().forEach(l -> collect(l, terms));
        }
    }

    /** "term@line:col=type" for every term of the rule with the given index. */
    private static List<String> types(CheckedProgram program, int rule) {
        return allTerms(program.program().rules().get(rule)).stream()
                .map(t -> t + "@" + t.pos().line() + ":" + t.pos().column() + "=" + program.typeOf(t).keyword())
                .toList();
    }

    private static CheckedProgram parse(String rules) {
        return DatalogParser.parse("t.dl", DECLS + rules);
    }

    @Test
    void variablesWildcardsAndColumnConstants() {
        CheckedProgram program = parse("s(a, 1) :- s(a, y), n(y, _), u(3), f(2), !s(\"k\", _).\n");
        assertEquals(List.of("a@5:3=symbol", "1@5:6=number", "a@5:14=symbol", "y@5:17=number", "y@5:23=number",
                "_@5:26=number", "3@5:32=unsigned", "2@5:38=float", "\"k\"@5:45=symbol", "_@5:50=number"), types(program, 0));
    }

    @Test
    void comparisonsAndArithmetic() {
        CheckedProgram program = parse("f(z) :- f(x), z = x * 2 + 1, 1 < 2, u(w), w > 7, z != -x.\n");
        assertEquals(List.of("z@5:3=float", "x@5:11=float", "z@5:15=float", "((x * 2) + 1)@5:25=float",
                "(x * 2)@5:21=float", "x@5:19=float", "2@5:23=float", "1@5:27=float",
                "1@5:30=number", "2@5:34=number", "w@5:39=unsigned", "w@5:43=unsigned", "7@5:47=unsigned",
                "z@5:50=float", "-x@5:55=float", "x@5:56=float"), types(program, 0));
    }

    @Test
    void aggregatesAndTheirBodies() {
        CheckedProgram program = parse("""
                n(x, c) :- n(x, _), c = count : { n(x, y), y > 0 }.
                f(m) :- n(_, _), m = max v : { f(v) }.
                u(t) :- n(_, _), t = sum 2 * w : { u(w) }.
                """);
        assertEquals(List.of("x@5:3=number", "c@5:6=number", "x@5:14=number", "_@5:17=number", "c@5:21=number",
                "count : { n(x, y), y > 0 }@5:25=number", "x@5:37=number", "y@5:40=number", "y@5:44=number",
                "0@5:48=number"), types(program, 0));
        assertEquals(List.of("m@6:3=float", "_@6:11=number", "_@6:14=number", "m@6:18=float",
                "max v : { f(v) }@6:22=float", "v@6:26=float", "v@6:34=float"), types(program, 1));
        assertEquals(List.of("t@7:3=unsigned", "_@7:11=number", "_@7:14=number", "t@7:18=unsigned",
                "sum (2 * w) : { u(w) }@7:22=unsigned", "(2 * w)@7:28=unsigned", "2@7:26=unsigned", "w@7:30=unsigned",
                "w@7:38=unsigned"), types(program, 2));
    }

    @Test
    void factsWithConstantArithmetic() {
        CheckedProgram program = parse("f(1 + 2.5). u(2 * 3). s(\"a\", -(4)).\n");
        assertEquals(List.of("(1 + 2.5)@5:5=float", "1@5:3=float", "2.5@5:7=float"), types(program, 0));
        assertEquals(List.of("(2 * 3)@5:17=unsigned", "2@5:15=unsigned", "3@5:19=unsigned"), types(program, 1));
        assertEquals(List.of("\"a\"@5:25=symbol", "-4@5:30=number", "4@5:32=number"), types(program, 2));
    }

    @Test
    void equalityChainsAndAliases() {
        CheckedProgram program = DatalogParser.parse("t.dl", """
                .type Weight <: float
                .decl w(a: symbol, b: Weight)
                .decl r(a: Weight)
                r(c) :- w(_, a), b = a, c = b.
                """);
        assertEquals(List.of("c@4:3=float", "_@4:11=symbol", "a@4:14=float", "b@4:18=float", "a@4:22=float",
                "c@4:25=float", "b@4:29=float"), types(program, 0));
    }

    @Test
    void everyRuleCopyHasItsOwnTypes() {
        CheckedProgram program = parse("n(x, y), s(\"a\", y) :- n(x, y) ; n(y, x).\n");
        assertEquals(4, program.program().rules().size());
        for (Rule rule : program.program().rules()) {
            for (Term term : allTerms(rule)) {
                ColumnType expected = term instanceof Variable || !(term.toString().startsWith("\""))
                        ? ColumnType.NUMBER : ColumnType.SYMBOL;
                assertEquals(expected, program.typeOf(term), () -> term + " at " + term.pos());
            }
        }
    }

    @Test
    void unknownNodesHaveNoType() {
        CheckedProgram program = parse("n(1, 2).\n");
        assertThrows(IllegalArgumentException.class, () -> program.typeOf(new Variable("x", SourcePos.NONE)));
        Term equalButNotSame = new dev.jetlog.parser.ast.IntegerConstant(1, new SourcePos("t.dl", 5, 3));
        assertEquals(equalButNotSame, program.program().rules().get(0).head().args().get(0));
        assertThrows(IllegalArgumentException.class, () -> program.typeOf(equalButNotSame));
    }
}
