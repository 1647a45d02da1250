// The planner on small programs: strata and their order, semi-naive versions, join order, index
// choice, placement of negations/aggregates/comparisons, live columns, and stratification errors.
package dev.jetlog.planner;

import dev.jetlog.parser.DatalogException;
import dev.jetlog.parser.DatalogParser;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.planner.ir.AggregateStep;
import dev.jetlog.planner.ir.AntiJoinStep;
import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.RelationRef;
import dev.jetlog.planner.ir.ScanStep;
import dev.jetlog.planner.ir.Step;
import dev.jetlog.planner.ir.UnitStep;
import dev.jetlog.planner.ir.Version;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlannerTest {
    private static Plan plan(String source) {
        return Planner.plan(DatalogParser.parse("p.dl", source));
    }

    private static final String TC = """
            .decl edge(x: number, y: number)
            .decl path(x: number, y: number)
            path(x, y) :- edge(x, y).
            path(x, z) :- edge(x, y), path(y, z).
            """;

    @Test
    void transitiveClosureHasOneRecursiveStratumWithADeltaVersion() {
        Plan plan = plan(TC);
        assertEquals(1, plan.strata().size());
        Stratum stratum = plan.strata().get(0);
        assertEquals(List.of("path"), stratum.relations());
        assertTrue(stratum.recursive());
        assertEquals(1, stratum.initialRules().size());
        assertEquals(1, stratum.recursiveVersions().size());
        RulePlan version = stratum.recursiveVersions().get(0);
        assertEquals(1, version.deltaAtom());
        List<Step> steps = version.steps();
        ScanStep scan = assertInstanceOf(ScanStep.class, steps.get(0));
        assertEquals(new RelationRef("path", Version.DELTA), scan.relation());
        assertTrue(scan.isIdentity(), "delta path flows into the join unchanged");
        JoinStep join = assertInstanceOf(JoinStep.class, steps.get(1));
        assertEquals(new RelationRef("edge", Version.FULL), join.relation());
        assertEquals(new IndexSpec(new int[] {1, 0}, 1), join.index(), "edge is probed on its second column");
        assertEquals("[t[0], in[1]]", join.output().toString(), "head (x, z) from edge.x and path.z");
    }

    @Test
    void nonLinearRuleGetsOneVersionPerRecursiveAtom() {
        Plan plan = plan(TC.replace("edge(x, y), path(y, z)", "path(x, y), path(y, z)"));
        List<RulePlan> versions = plan.strata().get(0).recursiveVersions();
        assertEquals(2, versions.size());
        assertEquals(Set.of(0, 1), Set.of(versions.get(0).deltaAtom(), versions.get(1).deltaAtom()));
        for (RulePlan version : versions) {
            ScanStep first = assertInstanceOf(ScanStep.class, version.steps().get(0));
            assertEquals(Version.DELTA, first.relation().version(), "the delta atom is scanned first");
            JoinStep join = assertInstanceOf(JoinStep.class, version.steps().get(1));
            // the recursive atom before the delta one reads OLD, the one after it FULL: Δ⋈Δ is made once
            assertEquals(version.deltaAtom() == 0 ? Version.FULL : Version.OLD, join.relation().version());
        }
    }

    @Test
    void recursiveAtomsBeforeTheDeltaReadOldExceptInIncrementalVersions() {
        Plan plan = plan("""
                .decl edge(x: number, y: number)
                .input edge
                .decl path(x: number, y: number)
                path(x, y) :- edge(x, y).
                path(x, z) :- path(x, y), edge(y, w), path(w, z).
                """);
        List<RulePlan> versions = plan.strata().get(0).recursiveVersions();
        assertEquals(2, versions.size());
        RulePlan second = versions.stream().filter(v -> v.deltaAtom() == 2).findFirst().orElseThrow();
        assertTrue(second.steps().stream().anyMatch(step -> step instanceof JoinStep join
                && join.relation().equals(new RelationRef("path", Version.OLD))), "path before the delta atom reads OLD");
        assertTrue(second.steps().stream().anyMatch(step -> step instanceof JoinStep join
                && join.relation().equals(new RelationRef("edge", Version.FULL))), "a lower relation reads FULL");
        // an incremental version's delta is a lower relation's changes: the stratum's own atoms read FULL
        List<RulePlan> incremental = plan.strata().get(0).incrementalVersions();
        assertEquals(2, incremental.size(), "one per rule, edge read as the delta");
        for (RulePlan version : incremental) {
            assertTrue(version.steps().stream().noneMatch(step -> step.relation() != null
                    && step.relation().version() == Version.OLD));
        }
    }

    @Test
    void strataComeInDependencyOrder() {
        Plan plan = plan("""
                .decl a(x: number)
                .decl b(x: number)
                .decl c(x: number)
                .decl d(x: number)
                d(x) :- c(x), !b(x).
                c(x) :- b(x).
                b(x) :- a(x).
                """);
        List<String> order = plan.strata().stream().map(s -> s.relations().get(0)).toList();
        assertEquals(List.of("b", "c", "d"), order, "input-only relations get no stratum");
        assertTrue(plan.strata().stream().noneMatch(Stratum::recursive));
    }

    @Test
    void mutualRecursionIsOneStratum() {
        Plan plan = plan("""
                .decl n(x: number, y: number)
                .decl even(x: number)
                .decl odd(x: number)
                even(0).
                odd(y) :- even(x), n(x, y).
                even(y) :- odd(x), n(x, y).
                """);
        assertEquals(1, plan.strata().size());
        assertEquals(Set.of("even", "odd"), Set.copyOf(plan.strata().get(0).relations()));
        assertEquals(1, plan.strata().get(0).initialRules().size());
        assertEquals(2, plan.strata().get(0).recursiveVersions().size());
    }

    @Test
    void joinOrderPrefersTheAtomWithMoreBoundColumns() {
        Plan plan = plan("""
                .decl a(x: number, y: number)
                .decl b(y: number, z: number)
                .decl c(x: number, z: number)
                .decl r(x: number)
                r(x) :- a(x, y), b(w, v), c(x, v).
                """);
        List<Step> steps = plan.strata().get(0).initialRules().get(0).steps();
        assertEquals("a", steps.get(0).relation().relation());
        assertEquals("c", steps.get(1).relation().relation(), "c shares x with a; b shares nothing yet");
        assertEquals("b", steps.get(2).relation().relation());
        JoinStep b = (JoinStep) steps.get(2);
        assertEquals(new IndexSpec(new int[] {1, 0}, 1), b.index(), "b probed on v");
    }

    @Test
    void constantsBecomeKeysAndFiltersAndOnlyLiveColumnsTravel() {
        Plan plan = plan("""
                .decl a(x: number, y: number, z: number)
                .decl b(x: number, y: number)
                .decl r(x: number)
                r(x) :- a(x, 3, _), b(x, 7), x < 10.
                """);
        List<Step> steps = plan.strata().get(0).initialRules().get(0).steps();
        ScanStep scan = (ScanStep) steps.get(0);
        assertEquals("[t[1] = 3, t[0] < 10]", scan.filters().toString());
        assertEquals("[t[0]]", scan.output().toString(), "only x is live after the scan");
        JoinStep join = (JoinStep) steps.get(1);
        assertEquals(new IndexSpec(new int[] {0, 1}, 2), join.index());
        assertEquals("[in[0], 7]", join.key().toString());
    }

    @Test
    void negationIsAnAntiJoinPlacedWhenItsVariablesAreBound() {
        Plan plan = plan("""
                .decl a(x: number)
                .decl e(x: number, y: number)
                .decl r(x: number)
                r(x) :- a(x), !e(_, x).
                """);
        List<Step> steps = plan.strata().get(0).initialRules().get(0).steps();
        AntiJoinStep anti = assertInstanceOf(AntiJoinStep.class, steps.get(1));
        assertEquals(new IndexSpec(new int[] {1, 0}, 1), anti.index());
        assertEquals("[in[0]]", anti.key().toString());
    }

    @Test
    void aggregateIsCorrelatedThroughItsKey() {
        Plan plan = plan("""
                .decl g(x: number)
                .decl e(x: number, v: number)
                .decl s(x: number, n: number)
                s(x, n) :- g(x), n = sum v : { e(x, v) }, n > 2.
                """);
        List<Step> steps = plan.strata().get(0).initialRules().get(0).steps();
        AggregateStep aggregate = assertInstanceOf(AggregateStep.class, steps.get(1));
        assertEquals(new IndexSpec(new int[] {0, 1}, 1), aggregate.index());
        assertEquals("[in[0]]", aggregate.key().toString());
        assertEquals("t[1]", aggregate.target().toString());
        assertEquals("[agg > 2]", aggregate.filters().toString());
        assertEquals("[in[0], agg]", aggregate.output().toString());
    }

    @Test
    void integerDivisionIsGuardedAgainstZero() {
        Plan plan = plan("""
                .decl a(x: number, y: number)
                .decl r(q: number)
                r(x / y) :- a(x, y).
                """);
        ScanStep scan = (ScanStep) plan.strata().get(0).initialRules().get(0).steps().get(0);
        assertEquals("[t[1] != 0]", scan.filters().toString());
    }

    @Test
    void factsAreUnitSteps() {
        Plan plan = plan("""
                .decl r(x: number, s: symbol)
                r(1, "one").
                r(2, "two").
                """);
        List<RulePlan> rules = plan.strata().get(0).initialRules();
        assertEquals(2, rules.size());
        UnitStep unit = assertInstanceOf(UnitStep.class, rules.get(1).steps().get(0));
        assertEquals("[2, 1]", unit.output().toString(), "symbols are numbered in order of appearance");
        assertEquals(List.of("one", "two"), plan.symbolConstants());
    }

    @Test
    void indexesAreCollectedPerRelationVersion() {
        Map<RelationRef, Set<IndexSpec>> indexes = plan(TC).indexes();
        assertEquals(Map.of(new RelationRef("edge", Version.FULL), Set.of(new IndexSpec(new int[] {1, 0}, 1))), indexes);
    }

    @Test
    void aBodyPartThatSharesNoVariableWithTheHeadIsJoinedOnceIntoANullaryRelation() {
        Plan plan = plan("""
                .decl b(x: number)
                .decl c(x: number)
                .decl d(x: number)
                .decl a(x: number)
                a(x) :- b(x), c(y), d(y), y > 2.
                .decl q()
                q() :- b(x), c(y).
                .decl r(x: number)
                r(x) :- b(x), r(y).
                """);
        List<List<String>> strata = plan.strata().stream().map(Stratum::relations).toList();
        // c(y), d(y), y > 2 share y only with each other; for q, b stays in the body and c is split off;
        // r's own r(y) is recursive: it stays, as the stratum iterates as written
        assertEquals(java.util.Set.of(List.of("@independent0"), List.of("a"), List.of("@independent1"), List.of("q"),
                List.of("r")), java.util.Set.copyOf(strata));
        assertTrue(strata.indexOf(List.of("@independent0")) < strata.indexOf(List.of("a")), strata.toString());
        assertTrue(strata.indexOf(List.of("@independent1")) < strata.indexOf(List.of("q")), strata.toString());
        assertEquals("a(x) :- @independent0(), b(x).", onlyRule(plan, "a"));
        assertEquals("@independent0() :- c(y), d(y), y > 2.", onlyRule(plan, "@independent0"));
        assertEquals("q() :- @independent1(), b(x).", onlyRule(plan, "q"));
        assertEquals("@independent1() :- c(y).", onlyRule(plan, "@independent1"));
    }

    private static String onlyRule(Plan plan, String relation) {
        Stratum stratum = plan.strata().stream().filter(s -> s.relations().equals(List.of(relation))).findFirst()
                .orElseThrow();
        assertEquals(1, stratum.initialRules().size());
        return stratum.initialRules().get(0).rule().toString();
    }

    @Test
    void negationThroughRecursionIsAnError() {
        DatalogException e = assertThrows(DatalogException.class, () -> plan("""
                .decl a(x: number)
                .decl p(x: number)
                .decl q(x: number)
                p(x) :- a(x), !q(x).
                q(x) :- p(x).
                """));
        assertEquals("p.dl:4:15: error: cannot stratify: 'p' and 'q' depend on each other through negation on 'q' "
                + "(negation and aggregation must not be recursive)", e.getMessage());
    }

    @Test
    void readingADebugRelationInTheStratumThatFillsItIsAnError() {
        DatalogException e = assertThrows(DatalogException.class, () -> plan("""
                .decl e(x: number, y: number)
                .decl p(x: number, y: number)
                p(x, y) :- e(x, y).
                p(x, z) :- p(x, y), e(y, z), pd(x, y, 0).
                .decl pd = debug_delta(p)
                """));
        assertEquals("p.dl:4:30: error: 'pd' is filled by debug_delta(p) as this rule's stratum runs: only rules of "
                + "later strata may read it", e.getMessage().lines().findFirst().orElseThrow());
    }

    @Test
    void negatingAnEqrelRelationThroughRecursionNamesIt() {
        DatalogException e = assertThrows(DatalogException.class, () -> plan("""
                .decl b(x: number)
                .decl a(x: number, y: number) eqrel
                b(1). b(2).
                a(x, y) :- b(x), b(y), !a(x, y).
                """));
        assertTrue(e.getMessage().startsWith("p.dl:4:24: error: cannot stratify: 'a' depends on itself through negation"
                + " on 'a'"), e.getMessage());
    }

    @Test
    void anEqrelRelationsClassesAreComputedWithItAndItsClosureOnlyWhenRead() {
        Plan plan = plan("""
                .decl e(x: number, y: number)
                .decl a(x: number, y: number) eqrel
                .decl r(x: number)
                e(1, 2).
                a(x, y) :- e(x, y).
                a(x, y) :- a(x, z), e(z, y).
                r(x) :- a(x, 2).
                """);
        Stratum classes = plan.strata().stream().filter(s -> s.relations().contains("a")).findFirst().orElseThrow();
        assertEquals(List.of("a", "a@class"), classes.relations());
        assertEquals(List.of("a@class"), classes.classRelations());
        assertTrue(classes.recursive());
        assertEquals(null, classes.incrementalVersions(), "a union-find is rebuilt, not extended");
        Stratum closure = plan.strata().stream().filter(s -> s.relations().contains("a@closure")).findFirst()
                .orElseThrow();
        assertTrue(closure.onDemand());
        assertTrue(plan.strata().stream().filter(s -> s.relations().contains("r")).findFirst().orElseThrow()
                .reads().contains("a@class"));
    }

    @Test
    void aRangeInAnAggregateMayReadOnlyWhatTheEnclosingRulesAtomsBind() {
        plan("""
                .decl r(x: number)
                r(3).
                r(c) :- r(n), c = count : { i = range(0, n) }.
                """);
        DatalogException e = assertThrows(DatalogException.class, () -> plan("""
                .decl r(x: number)
                r(3).
                r(c) :- r(m), n = m + 1, c = count : { i = range(0, n) }.
                """));
        assertTrue(e.getMessage().startsWith("p.dl:3:42: error: a range inside an aggregate may only read values that"
                + " the aggregate's own body or the enclosing rule's atoms bind"), e.getMessage());
    }

    @Test
    void aggregationThroughRecursionIsAnError() {
        DatalogException e = assertThrows(DatalogException.class, () -> plan("""
                .decl p(x: number)
                p(0).
                p(n) :- n = count : { p(_) }, n < 5.
                """));
        assertTrue(e.getMessage().startsWith("p.dl:3:23: error: cannot stratify: 'p' depends on itself through an aggregate"),
                e.getMessage());
    }

    @Test
    void aggregateOverSeveralAtomsReadsAHiddenRelationFromAnEarlierStratum() {
        Plan plan = plan("""
                .decl a(x: number, y: number)
                .decl b(y: number)
                .decl c(y: number)
                .decl g(x: number, z: number)
                .decl r(x: number, n: number)
                r(x, n) :- g(x, z), n = count : { a(x, y), b(y), !c(y), y > x, y < z }.
                """);
        assertEquals(List.of("@aggregate0", "r"), plan.strata().stream().map(s -> s.relations().get(0)).toList());
        assertEquals("[x, y]", plan.relations().get(5).attributes().stream().map(a -> a.name()).toList().toString());
        String hidden = plan.strata().get(0).initialRules().get(0).rule().toString();
        assertEquals("@aggregate0(x, y) :- a(x, y), b(y), y > x, !c(y).", hidden,
                "comparisons over the body's own variables filter the hidden relation");
        AggregateStep aggregate = (AggregateStep) plan.strata().get(1).initialRules().get(0).steps().get(1);
        assertEquals(new RelationRef("@aggregate0", Version.FULL), aggregate.relation());
        assertEquals("[in[0]]", aggregate.key().toString(), "correlated on x");
        assertEquals("[t[1] < in[1]]", aggregate.innerFilters().toString(), "y < z reads the rule's z");
    }

    @Test
    void wildcardsOfAHiddenRelationAreColumnsSoEveryMatchCounts() {
        Plan plan = plan("""
                .decl a(x: number, y: number)
                .decl b(x: number)
                .decl n(k: number)
                n(k) :- k = count : { a(x, _), b(x) }.
                """);
        RelationDecl hidden = plan.relations().get(3);
        assertEquals(2, hidden.arity(), "x and the matched `_` column");
    }

    @Test
    void aNegationInsideAnAggregateMayReadTheEnclosingRule() {
        // the hidden relation takes the enclosing atom g(x) and x as a column, which the aggregate matches
        Plan plan = plan("""
                .decl a(x: number)
                .decl c(x: number)
                .decl g(x: number)
                .decl r(x: number, n: number)
                r(x, n) :- g(x), n = count : { a(y), !c(x) }.
                """);
        String text = plan.explain();
        assertTrue(text.contains("@aggregate0(y, x) :- g(x), a(y), !c(x)."), text);
        assertTrue(text.contains("count over @aggregate0 on [1,0 key 1] = [in[0]]"), text);
    }

    @Test
    void explainListsEveryStep() {
        String text = plan(TC).explain();
        assertTrue(text.contains("stratum 0 [path] recursive"), text);
        assertTrue(text.contains("scan Δpath"), text);
        assertTrue(text.contains("join edge on [1,0 key 1] = [in[0]]"), text);
    }

    private static final String LAYERED = """
            .decl a(x: number, y: number, z: number)
            .decl b(x: number)
            .decl r(x: number, n: number)
            """;

    private static List<Step> steps(String rule) {
        return plan(LAYERED + rule).strata().get(0).initialRules().get(0).steps();
    }

    @Test
    void unreadColumnsOfTheFirstAtomAreScannedOncePerDistinctReadColumns() {
        ScanStep scan = assertInstanceOf(ScanStep.class, steps("r(x, 0) :- a(x, _, _).").get(0));
        assertEquals(IndexSpec.unkeyed(3), scan.order(), "x leads the canonical order already");
        assertEquals(1, scan.distinctColumns());
        ScanStep middle = assertInstanceOf(ScanStep.class, steps("r(y, 0) :- a(_, y, z0), z0 > 2.").get(0));
        assertEquals(new IndexSpec(new int[] {1, 0, 2}, 0), middle.order(), "the read column first");
        assertEquals(1, middle.distinctColumns());
        assertEquals(1, middle.filters().size(), "z0 filters: the first passing tuple per y is kept");
        ScanStep all = assertInstanceOf(ScanStep.class, steps("r(x, y) :- a(x, y, _), b(x).").get(0));
        assertEquals(2, all.distinctColumns());
        assertFalse(assertInstanceOf(ScanStep.class, steps("r(x, y + z) :- a(x, y, z).").get(0)).skipsRepeats());
    }

    @Test
    void laterAtomsWhoseColumnsAreUnreadAreExistenceChecks() {
        JoinStep exists = assertInstanceOf(JoinStep.class, steps("r(x, 0) :- b(x), a(x, _, _w).").get(1));
        assertEquals(1, exists.index().keyLength());
        assertEquals(1, exists.distinctColumns(), "the key alone: at most one row per input row");
        JoinStep partly = assertInstanceOf(JoinStep.class, steps("r(x, z) :- b(x), a(x, _, z).").get(1));
        assertEquals(new IndexSpec(new int[] {0, 2, 1}, 1), partly.index(), "key, read column, then the unread one");
        assertEquals(2, partly.distinctColumns());
        JoinStep full = assertInstanceOf(JoinStep.class, steps("r(y, z) :- b(x), a(x, y, z).").get(1));
        assertFalse(full.skipsRepeats(), "every column is read");
        assertTrue(plan(LAYERED + "r(x, 0) :- b(x), a(x, _, _).").explain().contains("semijoin a on"));
    }

    @Test
    void negatedAtomsAndAggregateBodiesKeepTheirWildcardsAsTheyAre() {
        AntiJoinStep anti = assertInstanceOf(AntiJoinStep.class, steps("r(x, 0) :- b(x), !a(x, _, _).").get(1));
        assertEquals(1, anti.index().keyLength(), "a negation already asks only for the bound columns");
        AggregateStep count = assertInstanceOf(AggregateStep.class,
                steps("r(x, n) :- b(x), n = count : { a(x, _, _) }.").get(1));
        assertEquals(new IndexSpec(new int[] {0, 1, 2}, 1), count.index(), "count reads every tuple of the run");
    }
}
