// Soufflé 2.5's annotations (`@[...]` before an item, `@![...]` inside one) are read and dropped wherever they
// stand: a program with them means what it means without them; an unclosed one is an error at its '@'.
package dev.jetlog.parser;

import static dev.jetlog.parser.Diagnostics.errors;
import static dev.jetlog.parser.Diagnostics.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotationsTest {
    private static final String PLAIN = """
            .type R = [a: number, b: number]
            .type T = One {} | Two {v: symbol}
            .decl q(t: T, r: R)
            .decl m(i: number)
            .decl j(i: number)
            q($One(), [1, 2]).
            m(i), j(i) :- i = range(0, 4).
            .output m
            """;

    private static final String ANNOTATED = """
            /// doc comment for `R`
            .type R = [
              @[type] @[form = (=)] @[form = [=]] @[form {=}]
              a: number,
              /// b
              @[doc = "a ] in a string"]
              b: number
            ]
            @[xtype(T)]
            .type T = @[xbranch(One)] One {
                //! inner doc
              } | Two { @[xattr(v)] v: symbol }
            @[xdecl(q()) /* a ] in a comment */]
            .decl q(@[t] t: T, @[doc = "doc"] r: R)
            @ [spaced]
            .decl m(i: number)
            .decl j(i: number)
            @[xrule(q($One()).)]
            q($One(), [1, 2]).
            @[x(M)] @[y()]
            m(i),
            @[x(J)] // a ] in a line comment
            j(i) :-
              @![doc = "inner"]
              i = range(0, 4).
            @[xoutput [m()] @[nested [deeper]]]
            .output m
            """;

    @Test
    void anAnnotatedProgramMeansWhatItMeansWithoutItsAnnotations() {
        CheckedProgram plain = DatalogParser.parse("t.dl", PLAIN);
        CheckedProgram annotated = DatalogParser.parse("t.dl", ANNOTATED);
        assertEquals(List.of(), warnings(ANNOTATED));
        assertEquals(plain.program().rules().stream().map(Object::toString).toList(),
                annotated.program().rules().stream().map(Object::toString).toList());
        assertEquals(declarations(plain), declarations(annotated));
        assertEquals(plain.program().directives().toString().replaceAll("t\\.dl:\\d+:\\d+", ""),
                annotated.program().directives().toString().replaceAll("t\\.dl:\\d+:\\d+", ""));
    }

    private static List<String> declarations(CheckedProgram program) {
        return program.program().declarations().stream()
                .map(d -> d.name() + d.attributes().stream().map(a -> a.name() + ":" + a.type()).toList()).toList();
    }

    @Test
    void positionsAfterAnAnnotationStayThoseOfTheFile() {
        assertEquals(List.of("t.dl:4:15: error: relation 'nope' is not declared"),
                errors(".decl a(x: number)\n@[doc = \"x\" [\n]]\na(x) :- a(x), nope(x).\n"));
    }

    @Test
    void anUnclosedAnnotationIsAnErrorAtItsAt() {
        assertEquals(List.of("t.dl:2:1: error: unterminated annotation: no ']' closes this '@['"),
                errors(".decl a(x: number)\n@[doc\na(1).\n"));
        assertEquals(List.of("t.dl:2:9: error: unterminated annotation: no ']' closes this '@['"),
                errors(".decl a(x: number)\na(1) :- @![inner [1] a(1).\n"));
    }
}
