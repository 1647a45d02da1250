// Runs the semantic checks of a built program (relations, types, groundedness, singleton variables)
// and gathers their errors, warnings and the type of every term. It also gives the rules with their
// scopes made explicit: a variable local to an aggregate that shares its name with another variable of
// the rule is renamed apart (`x` becomes `x'1`), so that later stages may match variables by name.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Variable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

final class SemanticChecker {
    private final Comparator<Diagnostic> sourceOrder;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final IdentityHashMap<Term, ColumnType> types = new IdentityHashMap<>();
    private final List<Rule> scopedRules = new ArrayList<>();

    /** @param order the order of positions in the source, in which the diagnostics are given */
    SemanticChecker(Program program, Comparator<SourcePos> order) {
        this.sourceOrder = Comparator.comparing(Diagnostic::pos, order);
        Map<String, RelationDecl> relations = program.relations();
        new RelationChecker(relations, errors).check(program);
        TypeChecker typeChecker = new TypeChecker(relations, program, errors, types);
        GroundednessChecker groundedness = new GroundednessChecker(errors);
        SingletonChecker singletons = new SingletonChecker(warnings);
        for (Rule rule : program.rules()) {
            VariableScopes scopes = VariableScopes.of(rule);
            typeChecker.check(rule, scopes);
            groundedness.check(rule, scopes);
            singletons.check(scopes);
            scopedRules.add(renameApart(rule, scopes));
        }
    }

    /** The rules with every aggregate-local variable named apart from the rule's other variables. */
    List<Rule> scopedRules() {
        return scopedRules;
    }

    private Rule renameApart(Rule rule, VariableScopes scopes) {
        Map<String, Integer> variablesPerName = new HashMap<>();
        for (VariableScopes.ScopedVar variable : scopes.variables()) {
            variablesPerName.merge(variable.name, 1, Integer::sum);
        }
        Map<Variable, String> renames = new IdentityHashMap<>();
        int next = 1;
        for (VariableScopes.ScopedVar variable : scopes.variables()) {
            if (variable.scope != scopes.root() && variablesPerName.get(variable.name) > 1) {
                String name = variable.name + "'" + next++;
                variable.occurrences.forEach(occurrence -> renames.put(occurrence, name));
            }
        }
        return renames.isEmpty() ? rule : new AstCopier(renames, types).copy(rule);
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

    private List<Diagnostic> distinctInOrder(List<Diagnostic> diagnostics) {
        List<Diagnostic> sorted = new ArrayList<>(new LinkedHashSet<>(diagnostics));
        sorted.sort(sourceOrder);
        return sorted;
    }
}
