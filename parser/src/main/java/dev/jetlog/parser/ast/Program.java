// A parsed program: relation and functor declarations, directives and rules, in source order.
package dev.jetlog.parser.ast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public record Program(List<RelationDecl> declarations, List<FunctorDecl> functors, List<Directive> directives,
                      List<Rule> rules) {
    public Program {
        declarations = List.copyOf(declarations);
        functors = List.copyOf(functors);
        directives = List.copyOf(directives);
        rules = List.copyOf(rules);
    }

    /** Declarations by relation name, in declaration order (the first wins if a name repeats). */
    public Map<String, RelationDecl> relations() {
        Map<String, RelationDecl> byName = new LinkedHashMap<>();
        for (RelationDecl decl : declarations) {
            byName.putIfAbsent(decl.name(), decl);
        }
        return byName;
    }

    /** The declaration of a relation, or null. */
    public RelationDecl relation(String name) {
        for (RelationDecl decl : declarations) {
            if (decl.name().equals(name)) {
                return decl;
            }
        }
        return null;
    }

    /** The declaration of a user-defined functor (named without its '@'), or null. */
    public FunctorDecl functor(String name) {
        for (FunctorDecl decl : functors) {
            if (decl.name().equals(name)) {
                return decl;
            }
        }
        return null;
    }
}
