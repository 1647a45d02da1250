// A call of `substr(text, index, length)`, of `range(from, to[, step])` (a generator), of `autoinc()` (the next number of a counter), of
// `recursive_iteration_cnt()` (the iteration of the stratum being evaluated), of a user-defined
// functor `@name(args...)` (its name keeps the '@'), or of a record functor (packing, field access). Built-in one- and two-argument functors are UnaryExpr and BinaryExpr; variadic ones fold into BinaryExpr.
package dev.jetlog.parser.ast;

import java.util.List;
import java.util.stream.Collectors;

public record FunctorCall(String name, List<Term> args, SourcePos pos, RecordAccess record) implements Term {
    public FunctorCall {
        args = List.copyOf(args);
    }

    /** A built-in or user-defined functor. */
    public FunctorCall(String name, List<Term> args, SourcePos pos) {
        this(name, args, pos, null);
    }

    /** Packs the arguments into a record or ADT value, or reads a field of the one argument. */
    public static FunctorCall record(RecordAccess access, List<Term> args, SourcePos pos) {
        return new FunctorCall(access.isPack() ? "pack" : "field", args, pos, access);
    }

    /** True for the record functors the parser makes of record and ADT terms. */
    public boolean isRecordAccess() {
        return record != null;
    }

    /** True for `@name(...)`, a functor the embedding program implements. */
    public boolean isUserDefined() {
        return name.startsWith("@");
    }

    /** True for `range(from, to[, step])`, which generates values rather than computing one. */
    public boolean isRange() {
        return record == null && name.equals("range");
    }

    /** True for `autoinc()`. */
    public boolean isAutoIncrement() {
        return name.equals("autoinc");
    }

    /** True for `recursive_iteration_cnt()`: the iteration of the recursive stratum being evaluated. */
    public boolean isIterationCounter() {
        return name.equals(ITERATION_COUNTER);
    }

    /** The name of Soufflé's iteration counter. */
    public static final String ITERATION_COUNTER = "recursive_iteration_cnt";

    /** The name without the '@' of a user-defined functor. */
    public String functorName() {
        return isUserDefined() ? name.substring(1) : name;
    }

    @Override
    public String toString() {
        if (record != null && !record.isPack()) {
            return args.get(0) + "." + (record.field() == RecordAccess.TAG ? "branch" : "" + record.field());
        }
        return name + args.stream().map(Term::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
