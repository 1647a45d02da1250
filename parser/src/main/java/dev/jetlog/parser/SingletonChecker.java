// Warns about named variables that occur only once in a rule (as Soufflé does): usually a typo;
// write `_` or a name starting with `_` to mean "any value".
package dev.jetlog.parser;

import java.util.List;

final class SingletonChecker {
    private final List<Diagnostic> warnings;

    SingletonChecker(List<Diagnostic> warnings) {
        this.warnings = warnings;
    }

    void check(VariableScopes scopes) {
        for (VariableScopes.ScopedVar variable : scopes.variables()) {
            if (variable.occurrences.size() == 1 && !variable.name.startsWith("_")) {
                warnings.add(Diagnostic.warning(variable.occurrences.get(0).pos(),
                        "variable '" + variable.name + "' occurs only once"));
            }
        }
    }
}
