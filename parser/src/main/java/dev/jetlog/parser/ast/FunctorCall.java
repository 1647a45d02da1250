// A functor call with three or more arguments: `substr(text, index, length)`. (One- and two-argument
// functors are UnaryExpr and BinaryExpr; variadic ones fold into BinaryExpr.)
package dev.jetlog.parser.ast;

import java.util.List;
import java.util.stream.Collectors;

public record FunctorCall(String name, List<Term> args, SourcePos pos) implements Term {
    public FunctorCall {
        args = List.copyOf(args);
    }

    @Override
    public String toString() {
        return name + args.stream().map(Term::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
