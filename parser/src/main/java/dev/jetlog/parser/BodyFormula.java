// A rule body as written, before it is split into conjunctions: literals combined by `,`, `;` and `!`.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.SourcePos;

import java.util.List;

sealed interface BodyFormula {

    /** One literal: an atom, a comparison or a boolean (negation is expressed by {@link Not}). */
    record Leaf(Literal literal) implements BodyFormula {
    }

    /** Conjunction `a, b, ...`. */
    record And(List<BodyFormula> parts) implements BodyFormula {
        public And {
            parts = List.copyOf(parts);
        }
    }

    /** Disjunction `a ; b ; ...`. */
    record Or(List<BodyFormula> parts) implements BodyFormula {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    /** Negation `!f`; pos is the position of the `!`. */
    record Not(BodyFormula operand, SourcePos pos) implements BodyFormula {
    }
}
