// Runs the semantic checks of a built program (relations, types, groundedness, singleton variables)
// and gathers their errors, warnings and the type of every term.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.Term;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

final class SemanticChecker {
    private static final Comparator<Diagnostic> SOURCE_ORDER = Comparator
            .comparingInt((Diagnostic d) -> d.pos().line()).thenComparingInt(d -> d.pos().column());

    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final IdentityHashMap<Term, ColumnType> types = new IdentityHashMap<>();

    SemanticChecker(Program program) {
        Map<String, RelationDecl> relations = program.relations();
        new RelationChecker(relations, errors).check(program);
        TypeChecker typeChecker = new TypeChecker(relations, errors, types);
        GroundednessChecker groundedness = new GroundednessChecker(errors);
        SingletonChecker singletons = new SingletonChecker(warnings);
        for (Rule rule : program.rules()) {
            VariableScopes scopes = VariableScopes.of(rule);
            typeChecker.check(rule, scopes);
            groundedness.check(rule, scopes);
            singletons.check(scopes);
        }
    }

    /** The errors in source order, each once (a clause split into several rules may repeat one). */
    List<Diagnostic> errors() {
        return distinctInOrder(errors);
    }

    /** The warnings in source order, each once. */
    List<Diagnostic> warnings() {
        return distinctInOrder(warnings);
    }

    IdentityHashMap<Term, ColumnType> types() {
        return types;
    }

    private static List<Diagnostic> distinctInOrder(List<Diagnostic> diagnostics) {
        List<Diagnostic> sorted = new ArrayList<>(new LinkedHashSet<>(diagnostics));
        sorted.sort(SOURCE_ORDER);
        return sorted;
    }
}
