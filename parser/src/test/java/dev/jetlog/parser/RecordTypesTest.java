// Record types, ADTs and unions: how record terms are rewritten into packing and unpacking, and the errors
// for terms that do not fit their types, at their positions.
package dev.jetlog.parser;

import static dev.jetlog.parser.Diagnostics.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompoundType;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordTypesTest {
    private static final String TYPES = """
            .type P = [a: number, b: symbol]
            .type L = [h: number, t: L]
            .type E = Num {n: number} | Add {l: E, r: E} | Zero {}
            """;

    private static List<String> rules(String program) {
        Program parsed = DatalogParser.parse(Diagnostics.FILE, TYPES + program).program();
        return parsed.rules().stream().map(Rule::toString).toList();
    }

    @Test
    void declaredTypesResolveTheirFieldsIncludingRecursiveOnes() {
        Program program = DatalogParser.parse(Diagnostics.FILE, TYPES + """
                .type Q = L
                .type N <: number
                .type M <: number
                .type U = N | M
                .decl r(p: P, l: Q, e: E, u: U)
                """).program();
        RelationDecl r = program.relation("r");
        assertEquals(List.of(ColumnType.RECORD, ColumnType.RECORD, ColumnType.RECORD, ColumnType.NUMBER),
                r.attributes().stream().map(a -> a.type()).toList());
        CompoundType list = r.attributes().get(1).compound();
        assertEquals("L", list.name());
        assertEquals(list, list.fields().get(1).compound(), "L's tail is an L");
        CompoundType adt = r.attributes().get(2).compound();
        assertEquals(List.of("Add", "Num", "Zero"), adt.branches().stream().map(CompoundType.Branch::name).toList(),
                "branches are numbered in name order, as Soufflé numbers them");
        assertNull(r.attributes().get(3).compound());
    }

    @Test
    void aBoundRecordIsUnpackedAndAnUnboundOneIsPacked() {
        assertEquals(List.of("s(x) :- r(record#1), record#1 != nil, x = record#1.0."),
                rules(".decl r(p: P)\n.decl s(x: number)\ns(x) :- r([x, _]).\n"));
        assertEquals(List.of("r(pack(x, \"k\")) :- s(x)."),
                rules(".decl r(p: P)\n.decl s(x: number)\nr([x, \"k\"]) :- s(x).\n"));
        assertEquals(List.of("r(p) :- s(x), p = pack(x, \"k\")."),
                rules(".decl r(p: P)\n.decl s(x: number)\nr(p) :- s(x), p = [x, \"k\"].\n"));
        assertEquals(List.of("n(v) :- e(x), x.branch = 1, v = x.0."),
                rules(".decl e(x: E)\n.decl n(v: number)\nn(v) :- e(x), x = $Num(v).\n"));
        assertEquals(List.of("h(v) :- l(x), x != nil, record#1 = x.1, record#1 != nil, v = record#1.0."),
                rules(".decl l(x: L)\n.decl h(v: number)\nh(v) :- l(x), x = [_, [v, _]].\n"));
    }

    @Test
    void termsThatDoNotFitTheirTypesAreReported() {
        assertEquals(List.of("t.dl:5:3: error: record type P has 2 fields, given 3"),
                errors(TYPES + ".decl r(p: P)\nr([1, \"a\", 3]).\n"));
        assertEquals(List.of("t.dl:5:3: error: unknown ADT branch '$Sub'"),
                errors(TYPES + ".decl r(e: E)\nr($Sub(1)).\n"));
        assertEquals(List.of("t.dl:5:3: error: '$Num' is a branch of type E, but a P is expected here"),
                errors(TYPES + ".decl r(p: P)\nr($Num(1)).\n"));
        assertEquals(List.of("t.dl:5:3: error: a record [1] where a value of ADT E is expected"),
                errors(TYPES + ".decl r(e: E)\nr([1]).\n"));
        assertEquals(List.of("t.dl:5:3: error: a record or ADT value in column 1 of r, which holds number values"),
                errors(TYPES + ".decl r(x: number)\nr([1, \"a\"]).\n"));
        assertEquals(List.of("t.dl:5:13: error: the record type of [1, \"a\"] is not known here; use it where a"
                        + " record column or a record variable gives its type"),
                errors(TYPES + ".decl r(x: number)\nr(1) :- x = [1, \"a\"], x != nil.\n"));
        assertEquals(List.of("t.dl:5:28: error: records of different sizes are compared: [x] = [v, w]"),
                errors(TYPES + ".decl r(x: number)\nr(x) :- r(x), a = [x], a = [v, w].\n"));
        assertEquals(List.of("t.dl:5:13: error: the record type of [1, \"a\"] is not known here; use it where a"
                        + " record column or a record variable gives its type"),
                errors(TYPES + ".decl r(x: number)\nr(1) :- x = [1, \"a\"], y = x, y != nil.\n"));
        assertEquals(List.of("t.dl:5:7: error: '_' in a record or ADT value that is built here: each field needs a value"),
                errors(TYPES + ".decl r(p: P)\nr([1, _]).\n"));
        assertEquals(List.of("t.dl:5:4: error: string constant \"a\" has type symbol, but number is expected here",
                        "t.dl:5:9: error: integer constant 1 is numeric, but symbol is expected here"),
                errors(TYPES + ".decl r(p: P)\nr([\"a\", 1]).\n"));
    }

    @Test
    void ordGivesARecordsIdAsInSouffle() {
        assertEquals(List.of("n(ord(p)) :- r(p)."), rules(".decl r(p: P)\n.decl n(x: number)\nn(ord(p)) :- r(p).\n"));
        assertEquals(List.of("t.dl:5:15: error: functor 'strlen' does not take a record argument"),
                errors(TYPES + ".decl r(p: P)\nr(p) :- r(p), strlen(p) > 1.\n"));
    }

    @Test
    void twoRecordTermsAreEqualFieldByField() {
        assertEquals(List.of("s(x) :- r(p), p != nil, x = p.0, x = 1, \"a\" = \"a\"."),
                rules(".decl r(p: P)\n.decl s(x: number)\ns(x) :- r(p), p = [x, _], [x, \"a\"] = [1, \"a\"].\n"));
        assertEquals(List.of("n(1) :- e(x), false."),
                rules(".decl e(x: E)\n.decl n(v: number)\nn(1) :- e(x), $Num(1) = $Zero().\n"));
    }

    @Test
    void twoRecordTermsAreUnequalWhereAFieldDiffersOneRulePerField() {
        assertEquals(List.of("s(x) :- r(x), x != 1.", "s(x) :- r(x), 2 != 3."),
                rules(".decl r(x: number)\n.decl s(x: number)\ns(x) :- r(x), [x, [2, \"a\"]] != [1, [3, \"a\"]].\n")
                        .subList(0, 2));
        assertEquals(3, rules(".decl r(x: number)\n.decl s(x: number)\ns(x) :- r(x), [x, [2, \"a\"]] != [1, [3, \"a\"]].\n")
                .size(), "the third field, \"a\" != \"a\", makes a rule too");
        // an alias's record, records without fields (never unequal), a wildcard field (always)
        assertEquals(List.of("s(x) :- r(x), x != 2."),
                rules(".decl r(x: number)\n.decl s(x: number)\ns(x) :- r(x), a = [x], b = a, b != [2].\n"));
        assertEquals(List.of(), rules(".decl r(x: number)\n.decl s(x: number)\ns(x) :- r(x), [] != [].\n"));
        assertEquals(List.of("s(x) :- r(x)."),
                rules(".decl r(x: number)\n.decl s(x: number)\ns(x) :- r(x), [x, _] != [1, 2], _ = [x].\n"));
        // every combination is a rule: 13 inequalities of 2 fields each would make 8,192
        String many = "[x, 1] != [1, x], ".repeat(13);
        assertEquals(List.of("t.dl:3:1: error: the record inequalities of this rule split it into more than 4096 rules; "
                        + "compare fewer fields"),
                errors(".decl r(x: number)\n.decl s(x: number)\ns(x) :- r(x), " + many + "x = x.\n"));
    }

    @Test
    void recordValuesHaveNoOrderAndOneTypePerVariable() {
        assertEquals(List.of("t.dl:5:23: error: ordering comparison is not supported on record values"),
                errors(TYPES + ".decl r(p: P)\nr(p) :- r(p), r(q), p < q.\n"));
        assertEquals(List.of("t.dl:6:3: error: variable 'p' holds a L elsewhere in this rule, but a P here"),
                errors(TYPES + ".decl r(p: P)\n.decl l(x: L)\nr(p) :- l(p).\n"));
        assertEquals(List.of("t.dl:5:3: error: nil is a record, but number is expected here"),
                errors(TYPES + ".decl r(x: number)\nr(nil).\n"));
        assertEquals(List.of("t.dl:5:7: error: integer constant 7 is numeric, but record is expected here"),
                errors(TYPES + ".decl r(p: L)\nr([1, 7]).\n"));
        assertEquals(List.of("t.dl:7:21: error: 'p' holds a P, but is compared with a Q",
                        "t.dl:7:25: error: 'q' holds a Q, but is compared with a P"),
                errors(TYPES + ".type Q = [a: number, b: symbol]\n.decl r(p: P)\n.decl s(q: Q)\nr(p) :- r(p), s(q), p = q.\n"));
    }

    @Test
    void badTypeDeclarationsAreReported() {
        assertEquals(List.of("t.dl:1:15: error: unknown type 'numbr'"), errors(".type P = [a: numbr]\n"));
        assertEquals(List.of("t.dl:3:15: error: union type 'U' mixes number and symbol types"),
                errors(".type A <: number\n.type B <: symbol\n.type U = A | B\n"));
        assertEquals(List.of("t.dl:2:11: error: a union type cannot hold the record or ADT type 'P'"),
                errors(".type P = [a: number]\n.type U = P | number\n"));
        assertEquals(List.of("t.dl:2:11: error: branch 'A' is already a branch of type 'E'"),
                errors(".type E = A {} | B {}\n.type F = A {x: number}\n"));
        assertEquals(List.of("t.dl:1:23: error: field 'a' is declared twice"),
                errors(".type P = [a: number, a: symbol]\n"));
        assertEquals(List.of("t.dl:1:27: error: unknown type 'numbr'"),
                errors(".comp C { .type T = A {x: numbr} | B {} .decl t(x: T) }\n.init c1 = C\n"));
        assertEquals(List.of("t.dl:1:25: error: unknown type 'numbr'"),
                errors(".comp C { .type T = [a: numbr] .decl t(x: T) }\n.init c1 = C\n"));
    }
}
