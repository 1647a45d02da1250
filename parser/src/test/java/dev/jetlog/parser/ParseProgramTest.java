// Valid programs and the AST they produce: declarations, directives, rules, literals, terms and positions.
package dev.jetlog.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.AggregateKind;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.BinaryOp;
import dev.jetlog.parser.ast.BooleanLiteral;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.DirectiveKind;
import dev.jetlog.parser.ast.FloatConstant;
import dev.jetlog.parser.ast.IntegerConstant;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.ast.StringConstant;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.UnaryExpr;
import dev.jetlog.parser.ast.Variable;
import dev.jetlog.parser.ast.Wildcard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseProgramTest {
    private static Program parse(String text) {
        return DatalogParser.parse("t.dl", text).program();
    }

    private static List<String> rules(Program program) {
        return program.rules().stream().map(Rule::toString).toList();
    }

    private static SourcePos at(int line, int column) {
        return new SourcePos("t.dl", line, column);
    }

    @Test
    void transitiveClosure() {
        Program program = parse("""
                // Transitive closure
                .decl edge(x: number, y: number)
                .input edge
                .decl path(x: number, y: number)
                .output path

                path(x, y) :- edge(x, y).
                path(x, z) :- edge(x, y), path(y, z).
                """);
        assertEquals(2, program.declarations().size());
        RelationDecl edge = program.relation("edge");
        assertEquals(at(2, 7), edge.pos());
        assertEquals(List.of(new Attribute("x", ColumnType.NUMBER, at(2, 12)), new Attribute("y", ColumnType.NUMBER, at(2, 23))),
                edge.attributes());
        assertEquals(List.of(new Directive(DirectiveKind.INPUT, "edge", Map.of(), at(3, 8)),
                        new Directive(DirectiveKind.OUTPUT, "path", Map.of(), at(5, 9))),
                program.directives());
        assertEquals(List.of("path(x, y) :- edge(x, y).", "path(x, z) :- edge(x, y), path(y, z)."), rules(program));
        Rule recursive = program.rules().get(1);
        assertEquals(at(8, 1), recursive.pos());
        assertEquals(at(8, 1), recursive.head().pos());
        Atom second = (Atom) recursive.body().get(1);
        assertEquals(at(8, 27), second.pos());
        assertEquals(new Variable("y", at(8, 32)), second.args().get(0));
    }

    @Test
    void sameGenerationAndCspaStylePrograms() {
        Program sg = parse("""
                .decl edge(p: number, c: number)
                .decl sg(x: number, y: number)
                sg(x, y) :- edge(p, x), edge(p, y), x != y.
                sg(x, y) :- edge(a, x), sg(a, b), edge(b, y).
                """);
        Comparison ne = (Comparison) sg.rules().get(0).body().get(2);
        assertEquals(CompareOp.NE, ne.op());
        assertEquals(at(3, 39), ne.pos());
        assertEquals("sg(x, y) :- edge(a, x), sg(a, b), edge(b, y).", sg.rules().get(1).toString());

        Program cspa = parse("""
                .decl assign(to: number, from: number)
                .decl dereference(ptr: number, obj: number)
                .decl valueFlow(x: number, y: number)
                .decl memoryAlias(x: number, y: number)
                .decl valueAlias(x: number, y: number)
                valueFlow(y, x) :- assign(y, x).
                valueFlow(x, x) :- assign(x, _).
                memoryAlias(x, x) :- assign(_, x).
                valueFlow(x, y) :- valueFlow(x, z), valueFlow(z, y).
                valueFlow(x, y) :- assign(x, z), memoryAlias(z, y).
                valueAlias(x, y) :- valueFlow(z, x), memoryAlias(z, w), valueFlow(w, y).
                memoryAlias(x, w) :- dereference(y, x), valueAlias(y, z), dereference(z, w).
                """);
        assertEquals(7, cspa.rules().size());
        assertInstanceOf(Wildcard.class, ((Atom) cspa.rules().get(1).body().get(0)).args().get(1));
    }

    @Test
    void factsWithAllKindsOfLiterals() {
        Program program = parse("""
                .decl n(x: number)
                .decl u(x: unsigned)
                .decl f(x: float)
                .decl s(x: symbol)
                .decl flag()
                n(42). n(0x1F). n(0b101). n(-5). n(- 7). n(-2147483648).
                u(4294967295). u(0xFFFFFFFF).
                f(1.5). f(2.0e-3). f(-0.25). f(3).
                s("plain"). s("q\\"uote\\\\ \\n\\t").
                flag().
                """);
        List<Term> args = program.rules().stream().map(r -> r.head().args().isEmpty() ? null : r.head().args().get(0)).toList();
        assertEquals(new IntegerConstant(42, at(6, 3)), args.get(0));
        assertEquals(31, ((IntegerConstant) args.get(1)).value());
        assertEquals(5, ((IntegerConstant) args.get(2)).value());
        assertEquals(new IntegerConstant(-5, at(6, 29)), args.get(3));
        assertEquals(new IntegerConstant(-7, at(6, 36)), args.get(4));
        assertEquals(-2147483648L, ((IntegerConstant) args.get(5)).value());
        assertEquals(4294967295L, ((IntegerConstant) args.get(6)).value());
        assertEquals(4294967295L, ((IntegerConstant) args.get(7)).value());
        assertEquals(1.5f, ((FloatConstant) args.get(8)).value());
        assertEquals(2.0e-3f, ((FloatConstant) args.get(9)).value());
        assertEquals(new FloatConstant(-0.25f, at(8, 22)), args.get(10));
        assertEquals(new IntegerConstant(3, at(8, 32)), args.get(11));
        assertEquals("plain", ((StringConstant) args.get(12)).value());
        assertEquals("q\"uote\\ \n\t", ((StringConstant) args.get(13)).value());
        Rule flag = program.rules().get(14);
        assertTrue(flag.isFact());
        assertEquals(0, flag.head().arity());
        assertEquals(0, program.relation("flag").arity());
    }

    @Test
    void arithmeticPrecedenceAssociativityAndUnaryMinus() {
        Program program = parse("""
                .decl r(x: number, y: number)
                r(x, z) :- r(x, y), z = x + y * 2 - 1.
                r(x, z) :- r(x, y), z = (x + y) * -(y) / 3 % 4.
                r(x, z) :- r(x, y), z = x - y - 1.
                """);
        Comparison first = (Comparison) program.rules().get(0).body().get(1);
        assertEquals("((x + (y * 2)) - 1)", first.right().toString());
        BinaryExpr minus = (BinaryExpr) first.right();
        assertEquals(BinaryOp.SUB, minus.op());
        assertEquals(at(2, 35), minus.pos());
        Comparison second = (Comparison) program.rules().get(1).body().get(1);
        assertEquals("((((x + y) * -y) / 3) % 4)", second.right().toString());
        BinaryExpr mod = (BinaryExpr) second.right();
        BinaryExpr div = (BinaryExpr) mod.left();
        BinaryExpr mul = (BinaryExpr) div.left();
        UnaryExpr negate = assertInstanceOf(UnaryExpr.class, mul.right());
        assertEquals(at(3, 35), negate.pos());
        assertEquals("((x - y) - 1)", ((Comparison) program.rules().get(2).body().get(1)).right().toString());
    }

    @Test
    void negationComparisonsAndBooleans() {
        Program program = parse("""
                .decl e(x: number, y: number)
                .decl r(x: number)
                r(x) :- e(x, _), !r(x), x <= 10, x >= 1, x < 9, x > 2, x = x, true.
                r(x) :- e(x, x), false.
                """);
        Rule rule = program.rules().get(0);
        Negation negation = (Negation) rule.body().get(1);
        assertEquals(at(3, 18), negation.pos());
        assertEquals(at(3, 19), negation.atom().pos());
        List<CompareOp> ops = rule.body().subList(2, 7).stream().map(l -> ((Comparison) l).op()).toList();
        assertEquals(List.of(CompareOp.LE, CompareOp.GE, CompareOp.LT, CompareOp.GT, CompareOp.EQ), ops);
        assertEquals(new BooleanLiteral(true, at(3, 63)), rule.body().get(7));
        assertEquals(new BooleanLiteral(false, at(4, 18)), program.rules().get(1).body().get(1));
    }

    @Test
    void aggregates() {
        Program program = parse("""
                .decl e(x: number, y: number)
                .decl r(x: number, n: number)
                r(x, n) :- e(x, _), n = count : { e(x, _) }.
                r(x, n) :- e(x, _), n = sum y : { e(x, y), y > 0 }.
                r(x, n) :- e(x, _), n = min y + 1 : e(x, y).
                r(x, n) :- e(x, _), n = max y : { e(y, x), !e(x, y) }.
                r(0, n) :- n = count : e(_, _).
                """);
        Aggregate count = (Aggregate) ((Comparison) program.rules().get(0).body().get(1)).right();
        assertEquals(AggregateKind.COUNT, count.kind());
        assertNull(count.target());
        assertEquals(at(3, 25), count.pos());
        assertEquals("count : { e(x, _) }", count.toString());
        Aggregate sum = (Aggregate) ((Comparison) program.rules().get(1).body().get(1)).right();
        assertEquals(AggregateKind.SUM, sum.kind());
        assertEquals(new Variable("y", at(4, 29)), sum.target());
        assertEquals(2, sum.body().size());
        Aggregate min = (Aggregate) ((Comparison) program.rules().get(2).body().get(1)).right();
        assertEquals("min (y + 1) : { e(x, y) }", min.toString());
        Aggregate max = (Aggregate) ((Comparison) program.rules().get(3).body().get(1)).right();
        assertEquals(AggregateKind.MAX, max.kind());
        assertInstanceOf(Negation.class, max.body().get(1));
        assertEquals("r(0, n) :- n = count : { e(_, _) }.", program.rules().get(4).toString());
    }

    @Test
    void disjunctionsAreSplitIntoRulesWithOwnNodes() {
        Program program = parse("""
                .decl e(x: number, y: number)
                .decl r(x: number)
                r(x) :- e(x, y), (e(y, 1) ; e(y, 2), y != 3) ; e(1, x).
                """);
        assertEquals(List.of(
                "r(x) :- e(x, y), e(y, 1).",
                "r(x) :- e(x, y), e(y, 2), y != 3.",
                "r(x) :- e(1, x)."), rules(program));
        for (Rule rule : program.rules()) {
            assertEquals(at(3, 1), rule.pos());
        }
        Rule first = program.rules().get(0);
        Rule second = program.rules().get(1);
        assertEquals(first.head(), second.head());
        assertNotSame(first.head(), second.head());
        assertNotSame(first.head().args().get(0), second.head().args().get(0));
        assertEquals(first.body().get(0), second.body().get(0));
        assertNotSame(first.body().get(0), second.body().get(0));
        assertNotSame(((Atom) first.body().get(0)).args().get(1), ((Atom) second.body().get(0)).args().get(1));
    }

    @Test
    void negatedGroupsArePushedToTheLiterals() {
        Program program = parse("""
                .decl e(x: number, y: number)
                .decl r(x: number)
                r(x) :- e(x, y), !(e(y, x) ; x < y).
                r(x) :- e(x, y), !(e(y, x), x = y).
                r(x) :- e(x, y), !!e(y, x).
                """);
        assertEquals(List.of(
                "r(x) :- e(x, y), !e(y, x), x >= y.",
                "r(x) :- e(x, y), !e(y, x).",
                "r(x) :- e(x, y), x != y.",
                "r(x) :- e(x, y), e(y, x)."), rules(program));
        assertEquals(at(3, 18), program.rules().get(0).body().get(1).pos());
    }

    @Test
    void multipleHeadsAreSplitIntoRules() {
        Program program = parse("""
                .decl e(x: number, y: number)
                .decl a(x: number)
                .decl b(x: number)
                a(x), b(y) :- e(x, y).
                """);
        assertEquals(List.of("a(x) :- e(x, y).", "b(y) :- e(x, y)."), rules(program));
        assertNotSame(program.rules().get(0).body().get(0), program.rules().get(1).body().get(0));
        assertEquals(at(4, 1), program.rules().get(1).pos());
    }

    @Test
    void directivesWithParameters() {
        Program program = parse("""
                .decl a(x: number)
                .decl b(x: symbol)
                .input a(IO=file, filename="in/a.csv", delimiter=",", headers=true, columns="0:1", n=3)
                .output a, b
                .output b(IO=stdout), a(delimiter="\\t")
                .printsize b
                .output a, b(IO=sqlite, dbname="x.db")
                """);
        List<Directive> directives = program.directives();
        assertEquals(8, directives.size());
        Directive input = directives.get(0);
        assertEquals(DirectiveKind.INPUT, input.kind());
        assertEquals(Map.of("IO", "file", "filename", "in/a.csv", "delimiter", ",", "headers", "true", "columns", "0:1",
                "n", "3"), input.parameters());
        assertEquals(List.of("IO", "filename", "delimiter", "headers", "columns", "n"), List.copyOf(input.parameters().keySet()));
        assertEquals(new Directive(DirectiveKind.OUTPUT, "a", Map.of(), at(4, 9)), directives.get(1));
        assertEquals(new Directive(DirectiveKind.OUTPUT, "b", Map.of(), at(4, 12)), directives.get(2));
        assertEquals(Map.of("IO", "stdout"), directives.get(3).parameters());
        assertEquals(Map.of("delimiter", "\t"), directives.get(4).parameters());
        assertEquals(new Directive(DirectiveKind.PRINTSIZE, "b", Map.of(), at(6, 12)), directives.get(5));
        // Soufflé: parameters after the last name of a list apply to every name of the list.
        assertEquals(Map.of("IO", "sqlite", "dbname", "x.db"), directives.get(6).parameters());
        assertEquals("a", directives.get(6).relation());
        assertEquals(Map.of("IO", "sqlite", "dbname", "x.db"), directives.get(7).parameters());
    }

    @Test
    void typeAliasesAndQualifiers() {
        Program program = parse("""
                .type Node <: number
                .type Name = symbol
                .type Id <: Node
                .number_type Weight
                .symbol_type Label
                .type Ratio <: float
                .type Count <: unsigned
                .type Word
                .decl r(a: Node, b: Name, c: Id, d: Weight, e: Label, f: Ratio, g: Count, h: Word) btree
                .decl s(x: number) brie
                """);
        // `.type Word` alone is Soufflé's deprecated symbol type (tests/semantic/type_system8)
        assertEquals(List.of(ColumnType.NUMBER, ColumnType.SYMBOL, ColumnType.NUMBER, ColumnType.NUMBER, ColumnType.SYMBOL,
                        ColumnType.FLOAT, ColumnType.UNSIGNED, ColumnType.SYMBOL),
                program.relation("r").attributes().stream().map(Attribute::type).toList());
        assertEquals(2, program.declarations().size());
    }

    @Test
    void commentsWhitespaceAndCrlf() {
        Program program = parse(".decl e(x: number, y: number) // edges\r\n"
                + "/* a block\r\n   comment */ .decl p(x: number, y: number)\r\n"
                + "p(x, y) :-\r\n\te(x, y). // done\r\n"
                + "p(x, z) :- /* inline */ p(x, y), e(y, z).");
        assertEquals(List.of("p(x, y) :- e(x, y).", "p(x, z) :- p(x, y), e(y, z)."), rules(program));
        assertEquals(at(3, 21), program.relation("p").pos());
        assertEquals(at(5, 2), program.rules().get(0).body().get(0).pos());
        assertEquals(at(6, 25), program.rules().get(1).body().get(0).pos());
    }

    @Test
    void variableNames() {
        Program program = parse("""
                .decl e(x: number, y: number)
                e(?a, _b1) :- e(?a, _b1), e(X_2?, _), e(_, X_2?).
                """);
        Rule rule = program.rules().get(0);
        assertEquals(new Variable("?a", at(2, 3)), rule.head().args().get(0));
        assertEquals(new Variable("_b1", at(2, 7)), rule.head().args().get(1));
        assertEquals("X_2?", ((Variable) ((Atom) rule.body().get(1)).args().get(0)).name());
    }

    @Test
    void parseFileNamesDiagnosticsByPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prog.dl");
        Files.writeString(file, ".decl e(x: number)\ne(1).\n");
        CheckedProgram program = DatalogParser.parseFile(file);
        assertEquals(file.toString(), program.source().name());
        assertEquals(new SourcePos(file.toString(), 2, 1), program.program().rules().get(0).pos());

        Files.writeString(file, ".decl e(x: number)\ne(1, 2).\n");
        DatalogException e = org.junit.jupiter.api.Assertions.assertThrows(DatalogException.class,
                () -> DatalogParser.parseFile(file));
        assertEquals(file + ":2:1: error: relation 'e' has 1 column, but 2 arguments are given", e.getMessage());
    }

    @Test
    void parseSourceText() {
        CheckedProgram program = DatalogParser.parse(SourceText.of("x.dl", ".decl e(x: number)\ne(1)."));
        assertEquals("x.dl", program.program().rules().get(0).pos().file());
        assertTrue(program.warnings().isEmpty());
    }
}
