// Soufflé's subtype rule for heads: a variable the head writes into a column must hold values of that
// column's declared type or of a subtype of it. A variable's type is the most specific of the declared
// types of the body atoms' columns that bind it (shared with the variables it is set equal to, `y = x`);
// negated atoms bind nothing. `.type S1 <: symbol`, `.decl C(x: S1)`, `C(x) :- B(x)` with B's column of a
// union `S1 | S2` is an error: B may hold S2 values. Constants and computed values are not checked.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class SubtypeChecker {
    private final Map<String, List<String>> columnTypes;
    private final DeclaredTypes types;
    private final List<Diagnostic> errors = new ArrayList<>();

    private SubtypeChecker(Map<String, List<String>> columnTypes, DeclaredTypes types) {
        this.columnTypes = columnTypes;
        this.types = types;
    }

    /** The errors of every rule of the program whose head receives a value of a wider type than its column's. */
    static List<Diagnostic> check(Program program, Map<String, List<String>> columnTypes, DeclaredTypes types) {
        SubtypeChecker checker = new SubtypeChecker(columnTypes, types);
        program.rules().forEach(checker::check);
        return checker.errors;
    }

    private void check(Rule rule) {
        List<String> headTypes = columnTypes.get(rule.head().relation());
        if (headTypes == null || headTypes.size() != rule.head().arity()) {
            return;
        }
        Map<String, String> parent = new HashMap<>();
        for (Literal literal : rule.body()) {
            if (literal instanceof Comparison c && c.op() == CompareOp.EQ && c.left() instanceof Variable a
                    && c.right() instanceof Variable b) {
                parent.put(find(parent, a.name()), find(parent, b.name()));
            }
        }
        Map<String, Set<String>> bound = new HashMap<>();
        for (Literal literal : rule.body()) {
            if (literal instanceof Atom atom) {
                List<String> atomTypes = columnTypes.get(atom.relation());
                if (atomTypes == null || atomTypes.size() != atom.arity()) {
                    continue;
                }
                for (int i = 0; i < atom.arity(); i++) {
                    if (atom.args().get(i) instanceof Variable v) {
                        bound.computeIfAbsent(find(parent, v.name()), k -> new LinkedHashSet<>()).add(atomTypes.get(i));
                    }
                }
            }
        }
        for (int i = 0; i < rule.head().arity(); i++) {
            Term arg = rule.head().args().get(i);
            if (!(arg instanceof Variable v)) {
                continue;
            }
            Set<String> candidates = bound.get(find(parent, v.name()));
            String type = candidates == null ? null : mostSpecific(candidates);
            String declared = headTypes.get(i);
            if (type != null && comparable(type, declared) && !types.isSubtypeOf(type, declared)) {
                errors.add(Diagnostic.error(v.pos(), "'" + v.name() + "' holds values of type " + type
                        + " (the body's atoms bind it), which is not a subtype of " + declared + ", the type of column "
                        + (i + 1) + " of " + rule.head().relation()));
            }
        }
    }

    /** The type among these that is a subtype of all the others, or null if none is. */
    private String mostSpecific(Set<String> candidates) {
        for (String candidate : candidates) {
            if (candidates.stream().allMatch(other -> types.isSubtypeOf(candidate, other))) {
                return candidate;
            }
        }
        return null;
    }

    /** Both types known, of one primitive storage type: other pairs are the type checker's to report. */
    private boolean comparable(String type, String declared) {
        ColumnType storage = types.resolve(type);
        return storage != null && storage == types.resolve(declared) && types.compound(type) == null
                && types.compound(declared) == null;
    }

    private static String find(Map<String, String> parent, String name) {
        String root = name;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }
}
