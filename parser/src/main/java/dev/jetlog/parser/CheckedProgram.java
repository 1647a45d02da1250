// A program that parsed and passed the semantic checks, with the type of every term and the
// warnings (such as singleton variables) that did not stop it. Its rules come in two forms: as
// written, and with scopes made explicit (aggregate-local variables renamed apart), which is what
// the planner reads.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.Term;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

public final class CheckedProgram {
    private final Program program;
    private final Program asWritten;
    private final SourceText source;
    private final List<Diagnostic> warnings;
    private final Map<Term, ColumnType> termTypes;
    private final MagicSetRequest magicSets;

    /**
     * @param program   the program with every aggregate-local variable named apart from the rule's
     *                  other variables
     * @param asWritten the same program with the variable names of the source
     * @param termTypes the type of each term node of the program's rules, keyed by node identity:
     *                  variables, wildcards, constants (as resolved by their context), arithmetic and
     *                  aggregates (their result type)
     */
    public CheckedProgram(Program program, Program asWritten, SourceText source, List<Diagnostic> warnings,
                          IdentityHashMap<Term, ColumnType> termTypes) {
        this(program, asWritten, source, warnings, termTypes, MagicSetRequest.NONE);
    }

    /** @param magicSets the relations the program asks the magic-set transformation for */
    public CheckedProgram(Program program, Program asWritten, SourceText source, List<Diagnostic> warnings,
                          IdentityHashMap<Term, ColumnType> termTypes, MagicSetRequest magicSets) {
        this.program = program;
        this.asWritten = asWritten;
        this.source = source;
        this.warnings = List.copyOf(warnings);
        this.termTypes = new IdentityHashMap<>(termTypes);
        this.magicSets = magicSets;
    }

    /**
     * The same program with other rules and declarations (a rewrite by the planner): the rewritten rules may
     * share term nodes with these, and {@code newTerms} gives the types of the nodes they add.
     */
    public CheckedProgram rewritten(Program rewritten, Map<Term, ColumnType> newTerms) {
        IdentityHashMap<Term, ColumnType> types = new IdentityHashMap<>(termTypes);
        types.putAll(newTerms);
        return new CheckedProgram(rewritten, asWritten, source, warnings, types, magicSets);
    }

    /** The same program, also asking the magic-set transformation for what the request asks. */
    public CheckedProgram withMagicSets(MagicSetRequest request) {
        return new CheckedProgram(program, asWritten, source, warnings, new IdentityHashMap<>(termTypes),
                magicSets.and(request));
    }

    /** The relations the program asks the magic-set transformation for ({@link MagicSetRequest#NONE} if none). */
    public MagicSetRequest magicSets() {
        return magicSets;
    }

    /**
     * The program with scopes made explicit: two variables of a rule have the same name exactly when
     * they are the same variable (a variable local to an aggregate may be named like {@code x'1}).
     */
    public Program program() {
        return program;
    }

    /** The program with the variable names of the source; aggregate-local variables may shadow others. */
    public Program asWritten() {
        return asWritten;
    }

    public SourceText source() {
        return source;
    }

    public List<Diagnostic> warnings() {
        return warnings;
    }

    /** The type of a term node of this program's rules (in either form); fails for a node the checker never saw. */
    public ColumnType typeOf(Term term) {
        ColumnType type = termTypes.get(term);
        if (type == null) {
            throw new IllegalArgumentException("no type recorded for term " + term + " at " + term.pos());
        }
        return type;
    }
}
