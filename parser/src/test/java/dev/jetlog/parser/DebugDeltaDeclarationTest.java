// `.decl d = debug_delta(r)`: d gets r's columns and an unsigned iteration column, wherever r is declared;
// rules, facts and inputs for d, a source that is missing, eqrel, inline or itself a debug relation, and any
// other function after '=' are errors at their place. recursive_iteration_cnt() takes no arguments and yields an unsigned.
package dev.jetlog.parser;

import static dev.jetlog.parser.Diagnostics.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.RelationDecl;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebugDeltaDeclarationTest {

    @Test
    void aDebugRelationHasItsSourcesColumnsThenAnUnsignedIteration() {
        CheckedProgram checked = DatalogParser.parse("t.dl", """
                .decl pd = debug_delta(p)
                .decl p(x: number, s: symbol)
                .output pd
                """);
        RelationDecl pd = checked.program().declarations().stream().filter(d -> d.name().equals("pd")).findFirst()
                .orElseThrow();
        assertEquals("p", pd.deltaOf());
        assertEquals(List.of(ColumnType.NUMBER, ColumnType.SYMBOL, ColumnType.UNSIGNED),
                pd.attributes().stream().map(a -> a.type()).toList());
    }

    @Test
    void aDebugRelationInAComponentRecordsTheInstancesRelation() {
        CheckedProgram checked = DatalogParser.parse("t.dl", """
                .comp C {
                    .decl p(x: number)
                    .decl pd = debug_delta(p)
                }
                .init c = C
                """);
        assertTrue(checked.program().declarations().stream()
                .anyMatch(d -> d.name().equals("c.pd") && "c.p".equals(d.deltaOf())));
    }

    @Test
    void rulesFactsAndInputsForADebugRelationAreErrors() {
        assertEquals(List.of("t.dl:3:1: error: 'pd' is filled by debug_delta(p): it cannot have rules or facts",
                        "t.dl:4:1: error: 'pd' is filled by debug_delta(p): it cannot have rules or facts",
                        "t.dl:5:8: error: 'pd' is filled by debug_delta(p): it cannot be an input"),
                errors("""
                        .decl p(x: number)
                        .decl pd = debug_delta(p)
                        pd(1, 0).
                        pd(x, 1) :- p(x).
                        .input pd
                        """));
    }

    @Test
    void theSourceMustBeAnOrdinaryDeclaredRelation() {
        assertEquals(List.of("t.dl:1:24: error: debug_delta of 'zz', which is not declared"),
                errors(".decl pd = debug_delta(zz)\n"));
        assertEquals(List.of("t.dl:3:25: error: debug_delta of 'pd', which is itself a debug_delta relation"),
                errors(".decl p(x: number)\n.decl pd = debug_delta(p)\n.decl pdd = debug_delta(pd)\n"));
        assertEquals(List.of("t.dl:2:24: error: debug_delta of the eqrel relation 'q' is not supported"),
                errors(".decl q(x: number, y: number) eqrel\n.decl qd = debug_delta(q)\n"));
        assertEquals(List.of("t.dl:2:24: error: debug_delta of the inline relation 'p', which is expanded where it is "
                + "used and holds no tuples"), errors(".decl p(x: number) inline\n.decl pd = debug_delta(p)\n"));
        assertEquals(List.of("t.dl:2:12: error: 'copy_of' cannot define a relation: only debug_delta(r) may follow "
                + "'=' in a declaration"), errors(".decl p(x: number)\n.decl pd = copy_of(p)\n"));
    }

    @Test
    void theIterationCounterTakesNoArgumentsAndYieldsAnUnsigned() {
        assertEquals(List.of("t.dl:2:3: error: functor 'recursive_iteration_cnt' takes no arguments, given 1"),
                errors(".decl p(x: unsigned)\np(recursive_iteration_cnt(1)).\n"));
        List<String> type = errors(".decl p(x: number)\np(recursive_iteration_cnt()).\n");
        assertEquals(1, type.size());
        assertTrue(type.get(0).startsWith("t.dl:2:3: error:") && type.get(0).contains("unsigned"), type.get(0));
    }
}
