// Components: `.comp` templates with type parameters and bases, `.init` instances whose relations are named
// `instance.relation`, overrides, nested instances, and the errors for unknown or misused components.
package dev.jetlog.parser;

import static dev.jetlog.parser.Diagnostics.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentTest {
    private static final String GRAPH = """
            .comp Graph<N> {
                .type Node = N
                .decl edge(x: Node, y: Node)
                .decl reach(x: N, y: N) overridable
                reach(x, y) :- edge(x, y).
                reach(x, z) :- reach(x, y), edge(y, z).
            }
            """;

    @Test
    void anInstanceRenamesItsRelationsAndTakesItsTypeArguments() {
        CheckedProgram program = DatalogParser.parse("t.dl", GRAPH + ".init g = Graph<symbol>\n.init h = Graph<float>\n"
                + "g.edge(\"a\", \"b\").\n.output g.reach\n");
        List<RelationDecl> declarations = program.program().declarations();
        assertEquals(List.of("g.edge", "g.reach", "h.edge", "h.reach"), declarations.stream().map(RelationDecl::name).toList());
        assertEquals(ColumnType.SYMBOL, declarations.get(0).columnType(0));
        assertEquals(ColumnType.FLOAT, declarations.get(3).columnType(1));
        assertEquals(List.of("g.reach(x, y) :- g.edge(x, y).", "g.reach(x, z) :- g.reach(x, y), g.edge(y, z).",
                        "h.reach(x, y) :- h.edge(x, y).", "h.reach(x, z) :- h.reach(x, y), h.edge(y, z).",
                        "g.edge(\"a\", \"b\")."),
                program.program().rules().stream().map(Rule::toString).toList());
        assertEquals(List.of("g.reach"), program.program().directives().stream().map(Directive::relation).toList());
    }

    @Test
    void aNameAnInstanceDoesNotDeclareIsTheEnclosingInstances() {
        // Soufflé 2.5's components1 and comp-override2: a nested instance writes its enclosing instance's relation
        CheckedProgram program = DatalogParser.parse("t.dl", """
                .decl X(x: number)
                X(1).
                .comp B {
                    A(x) :- X(x).
                }
                .comp A {
                    .decl A(x: number)
                    .init b = B
                }
                .init a = A
                """);
        assertEquals(List.of("X(1).", "a.A(x) :- X(x)."), program.program().rules().stream().map(Rule::toString).toList());
    }

    @Test
    void anOverrideDropsOnlyTheRulesOfTheComponentsItDerivesFrom() {
        // Soufflé 2.5's comp-override1: D derives from B, which overrides A's rules; D keeps B's
        CheckedProgram program = DatalogParser.parse("t.dl", """
                .comp A {
                    .decl Rel(x: number) overridable
                    Rel(1).
                }
                .comp B : A {
                    .override Rel
                    Rel(2).
                }
                .comp D : B {
                    Rel(4).
                }
                .init d = D
                """);
        assertEquals(List.of("d.Rel(2).", "d.Rel(4)."), program.program().rules().stream().map(Rule::toString).toList());
    }

    @Test
    void baseComponentsComeFirstAndOverridesReplaceTheirRules() {
        CheckedProgram program = DatalogParser.parse("t.dl", GRAPH + """
                .comp Direct<T> : Graph<T> {
                    .override reach
                    reach(x, y) :- edge(x, y), x != y.
                    .init inner = Graph<T>
                    inner.edge(x, y) :- edge(x, y).
                }
                .decl outside(x: number)
                .init d = Direct<number>
                outside(x) :- d.inner.reach(x, _).
                """);
        assertEquals(List.of("d.reach(x, y) :- d.edge(x, y), x != y.",
                        "d.inner.reach(x, y) :- d.inner.edge(x, y).",
                        "d.inner.reach(x, z) :- d.inner.reach(x, y), d.inner.edge(y, z).",
                        "d.inner.edge(x, y) :- d.edge(x, y).",
                        "outside(x) :- d.inner.reach(x, _)."),
                program.program().rules().stream().map(Rule::toString).toList());
    }

    @Test
    void aTypeParameterMayNameTheComponentAnInitInstantiates() {
        // Soufflé's comp-parametrized examples: `.init impl = T` and `.init s = T<U>` inside a component
        CheckedProgram program = DatalogParser.parse("t.dl", """
                .comp Impl { .decl R(x: number) R(1). }
                .comp Twice<G> { .init g = G .decl R(x: number) R(x * 2) :- g.R(x). }
                .comp A<T> { .init impl = T .decl Base(x: number) Base(x) :- impl.R(x). }
                .comp Main<S, G> { .init s = S<G> .decl Out(x: number) Out(x) :- s.R(x). }
                .init a = A<Impl>
                .init m = Main<Twice, Impl>
                """);
        assertEquals(List.of("a.impl.R", "a.Base", "m.s.g.R", "m.s.R", "m.Out"),
                program.program().declarations().stream().map(RelationDecl::name).toList());
        assertEquals(List.of("a.impl.R(1).", "a.Base(x) :- a.impl.R(x).", "m.s.g.R(1).",
                        "m.s.R((x * 2)) :- m.s.g.R(x).", "m.Out(x) :- m.s.R(x)."),
                program.program().rules().stream().map(Rule::toString).toList());
        assertEquals(List.of("t.dl:2:24: error: unknown component 'T' (the type parameter stands for 'number')"),
                errors(".comp A<T> { .decl r(x: number) }\n.comp B<T> { .init t = T }\n.init b = B<number>\n"));
    }

    @Test
    void aDerivedComponentSeesTheTypesItsBasesDeclare() {
        // Soufflé's floydwarshall example: Node is declared by the interface the component derives from
        CheckedProgram program = DatalogParser.parse("t.dl", """
                .comp Interface { .type Node <: symbol .decl edge(u: Node, v: Node) }
                .comp Impl : Interface { .decl from(u: Node) from(u) :- edge(u, _). }
                .init g = Impl
                """);
        assertEquals(ColumnType.SYMBOL, program.program().relation("g.from").columnType(0));
        assertEquals(ColumnType.SYMBOL, program.program().relation("g.edge").columnType(1));
    }

    @Test
    void typesOfAnInstanceCanBeNamedFromOutsideAndFromItsEnclosingComponent() {
        // Soufflé's tests/semantic comp_inner_types, comp_types2 and compose_components
        CheckedProgram program = DatalogParser.parse("t.dl", """
                .comp C {
                    .type Id <: symbol
                    .type Num <: number
                    .type Either = Num | Num
                    .type Pair = [a: Id, b: Num]
                    .type Tree = Leaf {n: Num} | Node {l: Tree, r: Tree}
                }
                .init c = C
                .type Id <: number
                .decl ids(x: c.Id, e: c.Either, y: Id)
                .decl pairs(p: c.Pair)
                .decl trees(t: c.Tree)
                trees($c.Leaf(1)).
                .comp Outer { .init inner = C .type Wrap = [p: inner.Pair] .decl w(x: Wrap) }
                .init o = Outer
                """);
        assertEquals(List.of(ColumnType.SYMBOL, ColumnType.NUMBER, ColumnType.NUMBER),
                program.program().relation("ids").attributes().stream().map(a -> a.type()).toList());
        assertEquals("c.Pair", program.program().relation("pairs").attributes().get(0).compound().name());
        assertEquals("o.inner.Pair", program.program().relation("o.w").attributes().get(0).compound()
                .branches().get(0).fields().get(0).compound().name());
        assertEquals(List.of("t.dl:10:12: error: unknown type 'c.Missing'"),
                errors(".comp C { .type Id <: symbol }\n.init c = C\n" + "\n".repeat(7) + ".decl r(x: c.Missing)\n"));
    }

    @Test
    void instanceNamesThatStartWithADirectiveKeywordAreNames() {
        // Soufflé's tests/syntactic/dot_identifiers: `pt.typeA` is a relation, not `pt` and `.type`
        CheckedProgram program = DatalogParser.parse("t.dl", ".comp C { .decl typeA(u: number) .decl inputs(u: number)"
                + " .decl declared(u: number) }\n.init pt = C\npt.typeA(3).\npt.inputs(1).\npt.declared(2).\n.output pt.inputs\n");
        assertEquals(List.of("pt.typeA(3).", "pt.inputs(1).", "pt.declared(2)."),
                program.program().rules().stream().map(Rule::toString).toList());
        assertEquals(List.of("pt.inputs"), program.program().directives().stream().map(Directive::relation).toList());
    }

    @Test
    void overridesAreCheckedInEveryDefinitionButNotThroughATypeParameter() {
        // Soufflé's tests/semantic comp_override (never instantiated) and inherit_argument_override
        assertEquals(List.of(
                        "t.dl:2:25: error: relation 'Rel' is not declared overridable in a base component",
                        "t.dl:3:54: error: relation 'Rel' is not declared in a base component, so it cannot be overridden"),
                errors(".comp A { .decl Rel(x: number) }\n.comp B : A { .override Rel }\n"
                        + ".comp E { .decl Rel(x: number) overridable .override Rel }\n"));
        CheckedProgram program = DatalogParser.parse("t.dl", """
                .comp M { .decl R(s: symbol) R("M"). }
                .comp X<T> : T { .override R R("X"). }
                .init y = X<M>
                """);
        assertEquals(List.of("y.R(\"X\")."), program.program().rules().stream().map(Rule::toString).toList());
    }

    @Test
    void misusedComponentsAreErrorsAtTheirPlace() {
        assertEquals(List.of(
                        "t.dl:3:25: error: relation 'r' is not declared overridable in a base component",
                        "t.dl:6:11: error: unknown component 'Missing'",
                        "t.dl:7:11: error: component 'A' takes 0 type parameters, given 1",
                        "t.dl:8:21: error: component instances nest more than 64 deep here (does a component"
                                + " instantiate itself?)",
                        "t.dl:10:7: error: component 'A' is already defined at line 1"),
                errors(".comp A { .decl r(x: number) \n r(1). }\n.comp B : A { .override r\n r(2). }\n.init b = B\n"
                        + ".init c = Missing\n.init d = A<number>\n.comp S { .init s = S }\n.init e = S\n"
                        + ".comp A { }\n"));
    }
    @Test
    void typesRelationsComponentsAndInstancesShareOneNamespace() {
        // Soufflé 2.5's disjoint_names and disjoint_names2: each clash is an error at the later kind of declaration
        assertEquals(List.of(
                        "t.dl:2:7: error: relation 'T' has the name of the type declared at line 1: types and relations share one namespace",
                        "t.dl:3:7: error: component 'T' has the name of the type declared at line 1: types, relations, components and instances share one namespace",
                        "t.dl:5:7: error: component 'r' has the name of the relation declared at line 4: types, relations, components and instances share one namespace",
                        "t.dl:6:7: error: instance 'r' has the name of the relation declared at line 4: types, relations, components and instances share one namespace",
                        "t.dl:8:7: error: instance 'C' has the name of the component declared at line 7: types, relations, components and instances share one namespace",
                        "t.dl:10:7: error: instance 'i' has the name of the instance declared at line 9: types, relations, components and instances share one namespace"),
                errors(".type T <: symbol\n.decl T(x: number)\n.comp T { }\n.decl r(x: number)\n.comp r { }\n"
                        + ".init r = C\n.comp C { }\n.init C = C\n.init i = C\n.init i = C\n"));
        // an instance's relation and an instance's type (`n.item`), and one a base declares (`d.alpha`)
        assertEquals(List.of(
                        "t.dl:1:38: error: relation 'n.item' has the name of the type declared at line 1: types and relations share one namespace",
                        "t.dl:3:20: error: relation 'd.alpha' has the name of the type declared at line 4: types and relations share one namespace"),
                errors(".comp N { .type item <: number .decl item(x: item) }\n.init n = N\n"
                        + ".comp Base { .decl alpha(x: number) }\n.comp Child : Base { .type alpha <: symbol }\n.init d = Child\n"));
    }

    @Test
    void distinctNamesOfEveryKindDoNotClash() {
        CheckedProgram program = DatalogParser.parse("t.dl", ".type Node <: number\n.decl node(x: Node)\n"
                + ".comp N { .type item <: number .decl items(x: item) }\n.init n = N\n.decl item(x: number)\nitem(1).\n");
        assertEquals(List.of("node", "n.items", "item"),
                program.program().declarations().stream().map(RelationDecl::name).toList());
    }
}
