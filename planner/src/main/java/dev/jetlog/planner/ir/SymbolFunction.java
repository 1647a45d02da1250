// A function that reads or extends the symbol table: string functors, conversions between symbols and
// numbers, min/max on text, and the match/contains predicates (1 or 0); autoinc(), whose counter lives
// with the session; the iteration counter, which the evaluator sets; packing and reading records, which live
// in the session's record table; and the float math functions (sin ... exp: computed in double precision
// and rounded to float, on the host, so that every backend gives the same bits). Backends evaluate these on
// the host.
package dev.jetlog.planner.ir;

import java.util.List;

public record SymbolFunction(Fn fn, List<Expr> args) implements Expr {
    public enum Fn {
        CAT(2), MIN(2), MAX(2), STRLEN(1), SUBSTR(3),
        /** -1, 0 or 1 as the first symbol's text orders before, as or after the second's (by UTF-8 bytes). */
        COMPARE(2),
        /** Symbol text to number, unsigned or float (Soufflé's stoi/stoul/stof: a leading number, or an error). */
        TO_NUMBER(1), TO_UNSIGNED(1), TO_FLOAT(1),
        /** Number, unsigned or float to its text. */
        NUMBER_TO_STRING(1), UNSIGNED_TO_STRING(1), FLOAT_TO_STRING(1),
        /** 1 if the whole text (second argument) matches the regular expression (first), else 0. */
        MATCH(2),
        /** 1 if the second argument's text contains the first's, else 0. */
        CONTAINS(2),
        /** autoinc(): 0, 1, 2, ... one number per evaluation, counted per session. */
        AUTOINC(0),
        /** recursive_iteration_cnt(): the iteration of the stratum being evaluated (0 before its loop, then 1, 2, ...). */
        ITERATION(0),
        /** The id of the record whose fields are the arguments (any number of them), made if new. */
        PACK(-1),
        /** Field number args[1] of record args[0]; 0 for nil or a field past the record's end. */
        FIELD(2),
        /** Float math: a float argument, a float result. */
        SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1), SINH(1), COSH(1), TANH(1), ASINH(1), ACOSH(1), ATANH(1),
        LOG(1), EXP(1);

        private final int arity;

        Fn(int arity) {
            this.arity = arity;
        }

        /** The number of arguments; -1 for any number. */
        public int arity() {
            return arity;
        }
    }

    public SymbolFunction {
        args = List.copyOf(args);
        if (fn.arity() >= 0 && args.size() != fn.arity()) {
            throw new IllegalArgumentException(fn + " takes " + fn.arity() + " arguments, given " + args.size());
        }
    }

    @Override
    public boolean reads(Side side) {
        return args.stream().anyMatch(arg -> arg.reads(side));
    }

    @Override
    public String toString() {
        return fn.name().toLowerCase(java.util.Locale.ROOT) + args;
    }
}
