// Engine-agnostic suite for records and algebraic data types: packing and unpacking (also nested, recursive and
// inside aggregates), nil, ADT branches, fact files and the Java API (records as text), and agreement with the
// reference evaluator. The expected rows are what Soufflé 2.5 printed for the same programs, except the
// aggregates over record patterns, on which Soufflé 2.5 aborts (checked by hand). Each backend's tests extend it.
package dev.jetlog.seminaive.testkit;

import dev.jetlog.parser.DatalogParser;
import dev.jetlog.seminaive.api.CompiledProgram;
import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.JetLogException;
import dev.jetlog.seminaive.api.Session;
import dev.jetlog.seminaive.api.Tuple;
import dev.jetlog.seminaive.reference.NaiveEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public abstract class RecordSuite extends OneProgramSuite {

    static final String PROGRAM = """
            .type Id <: symbol
            .type Name <: symbol
            .type Any = Id | Name
            .type Pair = [a: number, b: float]
            .type List = [head: symbol, tail: List]
            .type Expr = Num {n: number} | Add {l: Expr, r: Expr} | Mul {l: Expr, r: Expr} | Neg {e: Expr}
            .type U = [u: unsigned, p: Pair]
            .decl ids(x: symbol)
            ids("a"). ids(as("b", Id)).
            .decl pairs(p: Pair)
            pairs([1, 1.5]). pairs([2, 2.25]). pairs([3, -0.5]).
            .decl sum_a(s: number)
            sum_a(s) :- s = sum a : { pairs([a, _]) }.
            .decl max_b(m: float)
            max_b(m) :- m = max b : { pairs([_, b]) }.
            .decl cnt(c: number)
            cnt(c) :- c = count : { pairs(p), p = [x, _], x > 1 }.
            .decl lst(l: List)
            .decl lstd(l: List, d: number)
            lstd(nil, 0).
            lstd([s0, l], d + 1) :- lstd(l, d), ids(s0), d < 2.
            lst(l) :- lstd(l, _).
            .decl mem(s: symbol, l: List)
            mem(s, l) :- lst(l), l = [s, _].
            mem(s, l) :- lst(l), l = [_, t], mem(s, t).
            .decl len(l: List, n: number)
            len(nil, 0).
            len(l, n + 1) :- lst(l), l = [_, t], len(t, n).
            .decl expr(e: Expr)
            expr($Add($Num(1), $Mul($Num(2), $Num(3)))).
            expr($Neg($Add($Num(4), $Num(5)))).
            .decl sub(e: Expr)
            sub(e) :- expr(e).
            sub(l) :- sub($Add(l, _)).
            sub(r) :- sub($Add(_, r)).
            sub(l) :- sub($Mul(l, _)).
            sub(r) :- sub($Mul(_, r)).
            sub(x) :- sub($Neg(x)).
            .decl val(e: Expr, v: number)
            val(e, n) :- sub(e), e = $Num(n).
            val(e, x + y) :- sub(e), e = $Add(l, r), val(l, x), val(r, y).
            val(e, x * y) :- sub(e), e = $Mul(l, r), val(l, x), val(r, y).
            val(e, -x) :- sub(e), e = $Neg(a), val(a, x).
            .decl top(v: number)
            top(v) :- expr(e), val(e, v).
            .decl us(u: U)
            us([4000000000u, [7, 0.125]]).
            .decl notnil(p: Pair)
            notnil(p) :- pairs(p), p != nil, !pairs([9, 9.0]).
            .decl eqv(x: number)
            eqv(x) :- pairs(p), pairs(q), p = q, p = [x, _].
            .decl built(p: Pair)
            built(p) :- sum_a(s), p = [s, 0.0], pairs(_).
            .decl flat(a: number, b: float)
            flat(a, b) :- us(u), u = [_, [a, b]].
            .decl ab(a: number, b: number)
            ab(1, 2). ab(2, 2). ab(3, 2). ab(4, 4).
            .decl aliased(z: number)
            aliased(z) :- ab(x, y), r = [x, y], s = r, s = [v, w], w = z, z = v.
            .decl swapped(a: number, b: number)
            swapped(a, b) :- ab(x, y), r = [x, [y, 1]], r = [b, [a, _]].
            .decl unequal(x: number, y: number)
            unequal(x, y) :- ab(x, y), [x, [y, "a"]] != [y, [x, "a"]].
            .decl unequalAliases(x: number)
            unequalAliases(x) :- ab(x, _), r = [x, 2], s = r, s != [2, 2], [[x]] != [[1]].
            .decl neverUnequal(x: number)
            neverUnequal(x) :- ab(x, _), [] != [].
            .decl alwaysUnequal(x: number)
            alwaysUnequal(x) :- ab(x, _), _ = [x, 1], [x, _] != [1, 2].
            .comp Lists<T> {
              .type L = [head: T, tail: L]
              .decl item(x: T)
              .decl list(l: L)
              list([x, nil]) :- item(x).
              list([x, l]) :- item(x), list(l), l = [y, nil], x != y.
            }
            .init nl = Lists<number>
            .init sl = Lists<symbol>
            nl.item(1). nl.item(2).
            sl.item("a").
            .decl halves(u: U)
            halves([w, p]) :- us(u), u = [w, [a, b]], p = [a * 2, b / 2.0].
            .decl cross(a: Pair, b: Pair, v: float) inline
            cross([a0, a1], [b0, b1], v) :- v = to_float(a0 * b0) + a1 * b1.
            .decl dots(a: number, b: number, v: float)
            dots(x, y, v) :- pairs(p), pairs(q), p = [x, _], q = [y, _], x < y, cross(p, q, v).
            .decl npairs(n: number)
            npairs(count : { pairs(_) } + 10).
            .decl shifted(a: Pair, b: Pair, r: Pair) inline
            shifted([a1, a2], [b1, b2], [x1, x2]) :- a1 = b1, a2 = b2, x1 = a1 + 10, x2 = a2.
            .decl eqpairs(r: Pair)
            eqpairs(r) :- pairs(p), pairs(q), shifted(p, q, r).
            """;



    @Override
    protected String program() {
        return PROGRAM;
    }


    @Test
    void recursiveRecordsUnpackAndNestAsInSouffle() {
        assertEquals(sorted("nil", "[a, nil]", "[b, nil]", "[a, [a, nil]]", "[a, [b, nil]]", "[b, [a, nil]]",
                "[b, [b, nil]]"), result.get("lst"));
        assertEquals(sorted("nil\t0", "[a, nil]\t1", "[b, nil]\t1", "[a, [a, nil]]\t2", "[a, [b, nil]]\t2",
                "[b, [a, nil]]\t2", "[b, [b, nil]]\t2"), result.get("len"));
        assertEquals(sorted("a\t[a, [a, nil]]", "a\t[a, [b, nil]]", "a\t[a, nil]", "a\t[b, [a, nil]]",
                "b\t[a, [b, nil]]", "b\t[b, [a, nil]]", "b\t[b, [b, nil]]", "b\t[b, nil]"), result.get("mem"));
        assertEquals(sorted("[4000000000, [7, 0.125]]"), result.get("us"));
        assertEquals(sorted("7\t0.125"), result.get("flat"));
        assertEquals(sorted("[1, 1.5]", "[2, 2.25]", "[3, -0.5]"), result.get("notnil"));
        assertEquals(sorted("1", "2", "3"), result.get("eqv"));
        assertEquals(sorted("a", "b"), result.get("ids"));
    }

    @Test
    void adtValuesMatchBranchesAsInSouffle() {
        assertEquals(sorted("$Add($Num(1), $Mul($Num(2), $Num(3)))", "$Add($Num(4), $Num(5))",
                "$Mul($Num(2), $Num(3))", "$Neg($Add($Num(4), $Num(5)))", "$Num(1)", "$Num(2)", "$Num(3)", "$Num(4)",
                "$Num(5)"), result.get("sub"));
        assertEquals(sorted("$Add($Num(1), $Mul($Num(2), $Num(3)))\t7", "$Add($Num(4), $Num(5))\t9",
                "$Mul($Num(2), $Num(3))\t6", "$Neg($Add($Num(4), $Num(5)))\t-9", "$Num(1)\t1", "$Num(2)\t2",
                "$Num(3)\t3", "$Num(4)\t4", "$Num(5)\t5"), result.get("val"));
        assertEquals(sorted("-9", "7"), result.get("top"));
    }

    @Test
    void recordsThatOnlyLocalAliasesHoldNeedNoTypeAsInSouffle() {
        assertEquals(sorted("2", "4"), result.get("aliased"));
        assertEquals(sorted("2\t1", "2\t2", "2\t3", "4\t4"), result.get("swapped"));
    }

    @Test
    void recordsNoTypeHoldsAreUnequalWhereAFieldDiffersAsInSouffle() {
        // Soufflé's tests/semantic/type_system_records: the comparison splits the rule, one per pair of fields
        assertEquals(sorted("1\t2", "3\t2"), result.get("unequal"));
        assertEquals(sorted("3", "4"), result.get("unequalAliases"));
        assertEquals(List.of(), result.get("neverUnequal"));
        // a wildcard field can always differ; `_ = [x, 1]` always holds
        assertEquals(sorted("1", "2", "3", "4"), result.get("alwaysUnequal"));
    }

    @Test
    void eachComponentInstanceHasItsOwnRecordTypeAsInSouffle() {
        assertEquals(sorted("[1, nil]", "[2, nil]", "[1, [2, nil]]", "[2, [1, nil]]"), result.get("nl.list"));
        assertEquals(sorted("[a, nil]"), result.get("sl.list"));
    }

    @Test
    void aRecordFieldOfTheHeadGivesItsVariableARecordType() {
        // Soufflé's euclid example: p is built where only its place in the head's record tells its type
        assertEquals(List.of("[4000000000, [14, 0.0625]]"), result.get("halves"));
    }

    @Test
    void anInlineRelationsHeadRecordsUnpackTheValuesOfItsUse() {
        // Soufflé's convex_hull example: the fields of cross's head records are bound only by the use's values
        assertEquals(sorted("1\t2\t5.375", "1\t3\t2.25", "2\t3\t4.875"), result.get("dots"));
        // Soufflé's compose_components: records the use binds are matched, the one it does not is built
        assertEquals(sorted("[11, 1.5]", "[12, 2.25]", "[13, -0.5]"), result.get("eqpairs"));
    }

    @Test
    void aClauseWithoutBodyMayAggregate() {
        assertEquals(List.of("13"), result.get("npairs"));
    }

    @Test
    void aggregatesReadRecordFields() {
        assertEquals(List.of("6"), result.get("sum_a"));
        assertEquals(List.of("2.25"), result.get("max_b"));
        assertEquals(List.of("2"), result.get("cnt"));
        assertEquals(List.of("[6, 0]"), result.get("built"));
    }

    @Test
    void agreesWithTheReferenceEvaluator() {
        Map<String, List<String>> expected = NaiveEvaluator.evaluate(DatalogParser.parse("records.dl", PROGRAM), Map.of());
        assertEquals(expected, result);
    }

    private static final String FILES = """
            .type P = [x: number, y: symbol]
            .type L = [h: number, t: L]
            .type Q = [p: P, n: number]
            .type E = A {x: number, s: symbol} | B {} | C {e: E}
            .decl a(p: P)
            .decl b(x: number, y: symbol)
            .decl l(x: L)
            .decl q(q: Q)
            .decl inp(p: P)
            .decl ein(v: E)
            .decl e(v: E)
            .input inp, ein
            .output a, b, l, q, e
            a([1, "x"]).
            a([2, "y z"]).
            a(nil).
            a(p) :- inp(p).
            b(x, y) :- a([x, y]).
            l([1, nil]).
            l([x+1, r]) :- l(r), r = [x, _], x < 3.
            q([p, 5]) :- a(p), p != nil.
            e($C(v)) :- ein(v).
            """;

    /** An ADT declared in a component: each instance's own, its branches qualified (`$t.Leaf`) as Soufflé names them. */
    static final String COMPONENT_ADT = """
            .comp Trees<T> {
              .type Tree = Leaf {x: T} | Node {l: Tree, r: Tree}
              .decl src(x: T)
              .decl tree(t: Tree)
              .input tree
              tree($Leaf(x)) :- src(x).
              tree($Node(a, b)) :- tree(a), tree(b), a = $Leaf(_), b = $Leaf(_), a != b.
              .decl leaves(x: T)
              leaves(x) :- tree($Node($Leaf(x), _)).
            }
            .init nt = Trees<number>
            .init st = Trees<symbol>
            .type Top = Leaf {} | Other {y: number}
            .decl top(v: Top)
            top($Leaf()). top($Other(3)).
            nt.src(1). nt.src(2).
            st.src("z").
            .output nt.tree, st.tree, nt.leaves, top
            """;

    /** Writes the fact files into dir/facts, runs the program on this backend and writes its outputs to dir/out. */
    private void runWithFacts(Path dir, String name, String text, Map<String, String> factFiles) throws IOException {
        Path facts = Files.createDirectories(dir.resolve("facts"));
        for (Map.Entry<String, String> file : factFiles.entrySet()) {
            Files.writeString(facts.resolve(file.getKey()), file.getValue());
        }
        CompiledProgram program = JetLog.compile(name, text);
        try (Session session = program.newSession(EngineOptions.defaults().withBackend(backend()).withThreads(2))) {
            session.loadInputs(facts);
            session.run();
            session.writeOutputs(dir.resolve("out"), System.out);
        }
    }

    @Test
    void eachComponentInstanceHasItsOwnAdtAndBranchesAsInSouffle(@TempDir Path dir) throws IOException {
        runWithFacts(dir, "trees.dl", COMPONENT_ADT, Map.of("nt.tree.facts", "$nt.Leaf(7)\n", "st.tree.facts", ""));
        assertEquals(sorted("$nt.Leaf(1)", "$nt.Leaf(2)", "$nt.Leaf(7)", "$nt.Node($nt.Leaf(1), $nt.Leaf(2))",
                "$nt.Node($nt.Leaf(1), $nt.Leaf(7))", "$nt.Node($nt.Leaf(2), $nt.Leaf(1))",
                "$nt.Node($nt.Leaf(2), $nt.Leaf(7))", "$nt.Node($nt.Leaf(7), $nt.Leaf(1))",
                "$nt.Node($nt.Leaf(7), $nt.Leaf(2))"), lines(dir.resolve("out/nt.tree.csv")));
        assertEquals(sorted("$st.Leaf(z)"), lines(dir.resolve("out/st.tree.csv")));
        assertEquals(sorted("1", "2", "7"), lines(dir.resolve("out/nt.leaves.csv")));
        assertEquals(sorted("$Leaf", "$Other(3)"), lines(dir.resolve("out/top.csv")));
    }

    @Test
    void factFilesReadAndWriteRecordsAsSouffle(@TempDir Path dir) throws IOException {
        runWithFacts(dir, "files.dl", FILES, Map.of("inp.facts", "[3, w]\n[4, \"q,r\"]\nnil\n",
                "ein.facts", "$A(7, zz)\n$C($A(8, \"q q\"))\n$B\n"));
        assertEquals(sorted("nil", "[3, w]", "[4, q,r]", "[1, x]", "[2, y z]"), lines(dir.resolve("out/a.csv")));
        assertEquals(sorted("1\tx", "2\ty z", "3\tw", "4\tq,r"), lines(dir.resolve("out/b.csv")));
        assertEquals(sorted("[1, nil]", "[2, [1, nil]]", "[3, [2, [1, nil]]]"), lines(dir.resolve("out/l.csv")));
        assertEquals(sorted("[[3, w], 5]", "[[4, q,r], 5]", "[[1, x], 5]", "[[2, y z], 5]"),
                lines(dir.resolve("out/q.csv")));
        assertEquals(sorted("$C($A(7, zz))", "$C($C($A(8, q q)))", "$C($B)"), lines(dir.resolve("out/e.csv")));
    }

    private static List<String> lines(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.sort(null);
        return lines;
    }

    @Test
    void aMalformedRecordInAFactFileNamesTheFactAndColumn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("inp.facts"), "[3, w]\n[4 w]\n");
        Files.writeString(dir.resolve("ein.facts"), "");
        CompiledProgram program = JetLog.compile("files.dl", FILES);
        try (Session session = program.newSession(EngineOptions.defaults().withBackend(backend()))) {
            JetLogException error = assertThrows(JetLogException.class, () -> session.loadInputs(dir));
            assertTrue(error.getMessage().contains("inp.facts:2:2: p: field 'x': '4 w' is not a number"),
                    error.getMessage());
            session.run();
            assertEquals(0, session.count("inp"), "nothing is loaded when one input fails");
        }
    }

    private static final String LAYOUTS = """
            .type P = [x: number, y: symbol]
            .type Q = [n: number, s: symbol]
            .type E = A {q: Q} | B {}
            .decl inp(a: number, p: P)
            .input inp(delimiter=",")
            .decl out(a: number, p: P, e: E)
            .output out(rfc4180=true)
            out(a, p, $A([a, "q\\"r"])) :- inp(a, p).
            .decl sp(p: P)
            .input sp
            .output sp
            """;

    @Test
    void recordFieldsHoldTheDelimiterAndQuotesAsInSouffle(@TempDir Path dir) throws IOException {
        Path facts = Files.createDirectories(dir.resolve("facts"));
        Files.writeString(facts.resolve("inp.facts"), "1,[1, \"a,b\"]\n2,[3,  c d  ]\n");
        Files.writeString(facts.resolve("sp.facts"), "[5, \"x\\ty\"]\n[6,   lead and trail   ]\n");
        run(LAYOUTS, facts, dir.resolve("out"));
        // byte for byte what Soufflé 2.5 wrote: the record quoted as a field, its symbols quoted inside it
        assertEquals(List.of("1,\"[1, \"\"a,b\"\"]\",\"$A([1, \"\"q\\\"\"r\"\"])\"",
                "2,\"[3, \"\"c d  \"\"]\",\"$A([2, \"\"q\\\"\"r\"\"])\""), lines(dir.resolve("out/out.csv")));
        // a backslash keeps the next character; a bare symbol keeps its trailing blanks
        assertEquals(List.of("[5, xty]", "[6, lead and trail   ]"), lines(dir.resolve("out/sp.csv")));
    }

    private static final String DEEP = """
            .type L = [h: number, t: L]
            .decl l(n: number, x: L)
            l(0, nil).
            l(n + 1, [n, x]) :- l(n, x), n < 10000.
            .decl longest(x: L)
            longest(x) :- l(10000, x).
            .output longest
            .decl inp(x: L)
            .input inp
            .decl sub(x: L)
            sub(x) :- inp(x).
            sub(t) :- sub([_, t]).
            .decl depth(n: number)
            depth(n) :- n = count : { sub(_) }.
            .output depth
            """;

    @Test
    void listsTenThousandDeepAreWrittenAndReadBack(@TempDir Path dir) throws IOException {
        Path facts = Files.createDirectories(dir.resolve("facts"));
        Files.writeString(facts.resolve("inp.facts"), "");
        run(DEEP, facts, dir.resolve("first"));
        String longest = Files.readString(dir.resolve("first/longest.csv"));
        assertTrue(longest.startsWith("[9999, [9998, [9997, "), longest.substring(0, 40));
        Files.writeString(facts.resolve("inp.facts"), longest);
        run(DEEP, facts, dir.resolve("second"));
        assertEquals(List.of("10001"), lines(dir.resolve("second/depth.csv")), "10,000 records and nil");
        assertEquals(longest, Files.readString(dir.resolve("second/longest.csv")));
    }

    @Test
    void inlineRelationsTakeAndGiveRecords() {
        Map<String, List<String>> rows = EngineRun.program("""
                .type P = [x: number, y: number]
                .decl e(x: number, y: number)
                e(1, 2). e(3, 3).
                .decl inl(p: P) inline
                inl([x, y]) :- e(x, y).
                .decl same(x: number)
                same(x) :- inl([x, x]).
                .decl all(p: P)
                all(p) :- inl(p).
                """).run(backend(), 2);
        assertEquals(List.of("3"), rows.get("same"));
        assertEquals(List.of("[1, 2]", "[3, 3]"), rows.get("all"));
    }

    private void run(String source, Path facts, Path out) {
        CompiledProgram program = JetLog.compile("layouts.dl", source);
        try (Session session = program.newSession(EngineOptions.defaults().withBackend(backend()).withThreads(2))) {
            session.loadInputs(facts);
            session.run();
            session.writeOutputs(out, System.out);
        }
    }

    @Test
    void theApiTakesAndGivesRecordsAsText() {
        CompiledProgram program = JetLog.compile("api.dl", FILES);
        try (Session session = program.newSession(EngineOptions.defaults().withBackend(backend()))) {
            session.insertTuple("inp", "[5, \"a b\"]");
            session.insertTuple("ein", "$A(1, s)");
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> session.insertTuple("ein", "$D(1)"));
            assertTrue(bad.getMessage().contains("'D' is not a branch of E"), bad.getMessage());
            session.run();
            List<String> q = new ArrayList<>();
            for (Tuple tuple : session.tuples("q")) {
                q.add(tuple.getRecord(0));
            }
            q.sort(null);
            assertEquals(sorted("[[1, x], 5]", "[[2, y z], 5]", "[[5, a b], 5]"), q);
            assertEquals("record", session.tuples("e").get(0).type(0));
            assertEquals("$C($A(1, s))", session.tuples("e").get(0).get(0));
            assertTrue(session.contains("b", 5, "a b"));
            assertTrue(session.contains("a", "[5, \"a b\"]"));
            assertTrue(session.contains("a", "nil"));
        }
    }
}
