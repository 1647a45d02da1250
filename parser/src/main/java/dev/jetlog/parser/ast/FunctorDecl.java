// A user-defined functor: `.functor name(types...): type [stateful]`. Its implementation comes from the
// embedding program (the Java API); the program calls it as `@name(args...)`.
package dev.jetlog.parser.ast;

import java.util.List;

public record FunctorDecl(String name, List<ColumnType> parameters, ColumnType result, boolean stateful, SourcePos pos) {
    public FunctorDecl {
        parameters = List.copyOf(parameters);
    }
}
