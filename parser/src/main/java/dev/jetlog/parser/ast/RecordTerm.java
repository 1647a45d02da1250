// A record `[a, b]` or an ADT constructor `$Branch(a, b)` as written (branch is null for a record). Before the
// semantic checks, the parser rewrites each into packing (FunctorCall with a RecordAccess) or unpacking
// (equalities with its fields) by what is bound where it occurs.
package dev.jetlog.parser.ast;

import java.util.List;
import java.util.stream.Collectors;

public record RecordTerm(String branch, List<Term> args, SourcePos pos) implements Term {
    public RecordTerm {
        args = List.copyOf(args);
    }

    /** True for `$Branch(...)`, false for `[...]`. */
    public boolean isAdt() {
        return branch != null;
    }

    @Override
    public String toString() {
        String fields = args.stream().map(Term::toString).collect(Collectors.joining(", "));
        return branch == null ? "[" + fields + "]" : "$" + branch + "(" + fields + ")";
    }
}
