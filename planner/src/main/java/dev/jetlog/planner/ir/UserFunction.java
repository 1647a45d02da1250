// A call of a user-defined functor (`.functor`), which the embedding program implements in Java: arguments
// and result are converted between the 32-bit columns and Java values by the declared types. Backends
// evaluate it on the host, like a SymbolFunction.
package dev.jetlog.planner.ir;

import dev.jetlog.parser.ast.ColumnType;

import java.util.List;

public record UserFunction(String name, List<ColumnType> parameters, ColumnType result, List<Expr> args)
        implements Expr {
    public UserFunction {
        parameters = List.copyOf(parameters);
        args = List.copyOf(args);
        if (parameters.size() != args.size()) {
            throw new IllegalArgumentException("@" + name + " takes " + parameters.size() + " arguments, given "
                    + args.size());
        }
    }

    @Override
    public boolean reads(Side side) {
        return args.stream().anyMatch(arg -> arg.reads(side));
    }

    @Override
    public String toString() {
        return "@" + name + args;
    }
}
