// A call of `substr(text, index, length)`, of `autoinc()` (the next number of a counter), or of a user-defined
// functor `@name(args...)` (its name keeps the '@'). Built-in one- and two-argument functors are UnaryExpr and BinaryExpr; variadic ones fold into BinaryExpr.
package dev.jetlog.parser.ast;

import java.util.List;
import java.util.stream.Collectors;

public record FunctorCall(String name, List<Term> args, SourcePos pos) implements Term {
    public FunctorCall {
        args = List.copyOf(args);
    }

    /** True for `@name(...)`, a functor the embedding program implements. */
    public boolean isUserDefined() {
        return name.startsWith("@");
    }

    /** True for `autoinc()`. */
    public boolean isAutoIncrement() {
        return name.equals("autoinc");
    }

    /** The name without the '@' of a user-defined functor. */
    public String functorName() {
        return isUserDefined() ? name.substring(1) : name;
    }

    @Override
    public String toString() {
        return name + args.stream().map(Term::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
