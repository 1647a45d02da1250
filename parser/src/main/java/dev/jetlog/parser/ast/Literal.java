// One conjunct of a rule body.
package dev.jetlog.parser.ast;

public sealed interface Literal permits Atom, Negation, Comparison, BooleanLiteral {
    SourcePos pos();
}
