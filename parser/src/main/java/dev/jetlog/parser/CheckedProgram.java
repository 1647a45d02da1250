// A program that parsed and passed the semantic checks, with the type of every term and the
// warnings (such as singleton variables) that did not stop it.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.Term;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

public final class CheckedProgram {
    private final Program program;
    private final SourceText source;
    private final List<Diagnostic> warnings;
    private final Map<Term, ColumnType> termTypes;

    /**
     * @param termTypes the type of each term node of the program's rules, keyed by node identity:
     *                  variables, wildcards, constants (as resolved by their context), arithmetic and
     *                  aggregates (their result type)
     */
    public CheckedProgram(Program program, SourceText source, List<Diagnostic> warnings,
                          IdentityHashMap<Term, ColumnType> termTypes) {
        this.program = program;
        this.source = source;
        this.warnings = List.copyOf(warnings);
        this.termTypes = new IdentityHashMap<>(termTypes);
    }

    public Program program() {
        return program;
    }

    public SourceText source() {
        return source;
    }

    public List<Diagnostic> warnings() {
        return warnings;
    }

    /** The type of a term node of this program's rules; fails for a node the checker never saw. */
    public ColumnType typeOf(Term term) {
        ColumnType type = termTypes.get(term);
        if (type == null) {
            throw new IllegalArgumentException("no type recorded for term " + term + " at " + term.pos());
        }
        return type;
    }
}
