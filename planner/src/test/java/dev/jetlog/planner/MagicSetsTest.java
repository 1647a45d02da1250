// The magic-set transformation on small programs: which relations it adorns and with which pattern, the
// magic rules it derives, and every reason a relation is kept in full (not selected, written, read under
// negation or in an aggregate, read with no column bound, evaluation-order dependent).
package dev.jetlog.planner;

import dev.jetlog.parser.CheckedProgram;
import dev.jetlog.parser.DatalogParser;
import dev.jetlog.parser.Diagnostic;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicSetsTest {
    private static final String SAMEGEN = """
            .decl parent(child: number, parent: number)
            .input parent
            .decl node(x: number)
            .input node
            .decl samegen(x: number, y: number)
            samegen(x, x) :- node(x).
            samegen(x, y) :- parent(x, a), samegen(a, b), parent(y, b).
            .decl query()
            .output query
            query() :- samegen(16, 31).
            """;

    private static final String REACH = """
            .pragma "magic-transform" "*"
            .decl edge(x: number, y: number)
            .input edge
            .decl reach(x: number, y: number)
            reach(x, y) :- edge(x, y).
            reach(x, z) :- reach(x, y), edge(y, z).
            """;

    private static CheckedProgram transformed(String source) {
        return MagicSets.transform(DatalogParser.parse("p.dl", source));
    }

    /** The names the transformation added: adorned copies and magic relations. */
    private static Set<String> added(String source) {
        Set<String> names = new TreeSet<>();
        for (RelationDecl decl : transformed(source).program().declarations()) {
            if (decl.name().contains("@")) {
                names.add(decl.name());
            }
        }
        return names;
    }

    private static List<String> rulesOf(CheckedProgram program, String head) {
        return program.program().rules().stream().filter(rule -> rule.head().relation().equals(head))
                .map(Rule::toString).toList();
    }

    @Test
    void constantsInAQueryBindTheColumnsOfTheRelationItReads() {
        CheckedProgram program = transformed(".pragma \"magic-transform\" \"*\"\n" + SAMEGEN);
        assertEquals(Set.of("samegen@bb", "samegen@magic_bb"), added(".pragma \"magic-transform\" \"*\"\n" + SAMEGEN));
        // the query's constants are the seed; the recursive rule binds both columns through parent first
        assertEquals(List.of("samegen@magic_bb(16, 31).",
                        "samegen@magic_bb(a, b) :- samegen@magic_bb(x, y), parent(x, a), parent(y, b)."),
                rulesOf(program, "samegen@magic_bb"));
        assertEquals(List.of("samegen@bb(x, x) :- samegen@magic_bb(x, x), node(x).",
                        "samegen@bb(x, y) :- samegen@magic_bb(x, y), parent(x, a), samegen@bb(a, b), parent(y, b).",
                        "samegen@bb(magic#0, magic#1) :- samegen@magic_bb(magic#0, magic#1), samegen(magic#0, magic#1)."),
                rulesOf(program, "samegen@bb"));
        assertEquals(List.of("query() :- samegen@bb(16, 31)."), rulesOf(program, "query"));
        assertEquals(List.of(), rulesOf(program, "samegen"), "samegen itself is read by no rule with no column bound");
        // the plan evaluates it: magic relation and adorned copy are recursive strata below the query
        Plan plan = Planner.plan(DatalogParser.parse("p.dl", ".pragma \"magic-transform\" \"*\"\n" + SAMEGEN));
        assertTrue(plan.strata().stream().anyMatch(s -> s.relations().equals(List.of("samegen@bb")) && s.recursive()));
    }

    @Test
    void withoutThePragmaOrQualifierTheProgramIsUnchanged() {
        CheckedProgram parsed = DatalogParser.parse("p.dl", SAMEGEN);
        assertSame(parsed, MagicSets.transform(parsed));
    }

    @Test
    void aMagicQualifierSelectsOnlyItsRelation() {
        String source = SAMEGEN.replace(".decl samegen(x: number, y: number)", ".decl samegen(x: number, y: number) magic")
                + ".decl reach(x: number, y: number)\nreach(x, y) :- parent(x, y).\nreach(x, z) :- reach(x, y), parent(y, z).\n"
                + ".decl fromOne(y: number)\n.output fromOne\nfromOne(y) :- reach(1, y).\n";
        assertEquals(Set.of("samegen@bb", "samegen@magic_bb"), added(source));
        String everything = ".pragma \"magic-transform\" \"*\"\n" + source.replace(" magic\n", "\n");
        assertEquals(Set.of("samegen@bb", "samegen@magic_bb", "reach@bf", "reach@magic_bf"), added(everything));
    }

    @Test
    void noMagicAndTheExcludePragmaKeepARelationInFull() {
        String excluded = ".pragma \"magic-transform\" \"*\"\n.pragma \"magic-transform-exclude\" \"samegen\"\n" + SAMEGEN;
        assertEquals(Set.of(), added(excluded));
        String qualified = ".pragma \"magic-transform\" \"*\"\n"
                + SAMEGEN.replace(".decl samegen(x: number, y: number)", ".decl samegen(x: number, y: number) no_magic");
        assertEquals(Set.of(), added(qualified));
        assertEquals(Set.of("samegen@bb", "samegen@magic_bb"), added(".pragma \"magic-transform\" \"samegen\"\n" + SAMEGEN));
    }

    @Test
    void aRelationReadWithNoColumnBoundIsComputedInFull() {
        String source = ".pragma \"magic-transform\" \"*\"\n" + SAMEGEN + ".decl all(x: number, y: number)\n.output all\n"
                + "all(x, y) :- samegen(x, y).\n";
        assertEquals(Set.of(), added(source));
        assertEquals(2, rulesOf(transformed(source), "samegen").size());
    }

    @Test
    void relationsReadUnderNegationOrInAnAggregateAndWhatTheyReadAreKeptInFull() {
        String base = REACH + ".decl hop(x: number, y: number)\nhop(x, y) :- reach(x, y).\n";
        String positive = base + ".decl out(y: number)\n.output out\nout(y) :- hop(1, y).\n";
        assertEquals(Set.of("hop@bf", "hop@magic_bf", "reach@bf", "reach@magic_bf"), added(positive));
        // the same read of hop, but hop is also negated or aggregated elsewhere: hop and reach keep all their rules
        String negated = positive + ".decl cut(y: number)\n.output cut\ncut(y) :- edge(1, y), !hop(1, y).\n";
        String counted = positive + ".decl n(c: number)\n.output n\nn(c) :- c = count : { hop(1, _) }.\n";
        for (String source : List.of(negated, counted)) {
            assertEquals(Set.of(), added(source));
            assertEquals(List.of("hop(x, y) :- reach(x, y)."), rulesOf(transformed(source), "hop"));
            assertEquals(2, rulesOf(transformed(source), "reach").size());
        }
    }

    @Test
    void orderDependentRulesAndSizeLimitsKeepTheirRelationsInFull() {
        String base = REACH + ".decl out(y: number)\n.output out\nout(y) :- reach(1, y).\n";
        assertEquals(Set.of("reach@bf", "reach@magic_bf"), added(base));
        assertEquals(Set.of(), added(base + ".limitsize reach(n=5)\n"));
        assertEquals(Set.of(), added(base + ".decl numbered(x: number, y: number, n: number)\n.output numbered\n"
                + "numbered(x, y, autoinc()) :- reach(x, y), x = 1.\n"));
    }

    @Test
    void aPragmaNamingAnUndeclaredRelationIsAWarning() {
        CheckedProgram program = DatalogParser.parse("p.dl", ".pragma \"magic-transform\" \"samegen, nothere\"\n" + SAMEGEN);
        List<String> warnings = program.warnings().stream().map(Diagnostic::message).toList();
        assertEquals(List.of("the magic-set pragma names relation 'nothere', which is not declared"), warnings);
        assertTrue(program.magicSets().selects("samegen"));
        assertEquals(Set.of("samegen@bb", "samegen@magic_bb"),
                added(".pragma \"magic-transform\" \"samegen, nothere\"\n" + SAMEGEN));
    }
}
