// Checks declarations and every use of a relation: duplicate declarations and attributes,
// undeclared relations (in rules, aggregates and directives) and argument counts.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.DirectiveKind;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class RelationChecker {
    private final Map<String, RelationDecl> relations;
    private final List<Diagnostic> errors;

    RelationChecker(Map<String, RelationDecl> relations, List<Diagnostic> errors) {
        this.relations = relations;
        this.errors = errors;
    }

    void check(Program program) {
        Map<String, RelationDecl> seen = new HashMap<>();
        for (RelationDecl decl : program.declarations()) {
            RelationDecl first = seen.putIfAbsent(decl.name(), decl);
            if (first != null) {
                errors.add(Diagnostic.error(decl.pos(), "relation '" + decl.name() + "' is already declared at "
                        + first.pos().lineSeenFrom(decl.pos())));
            }
            Map<String, Attribute> attributes = new HashMap<>();
            for (Attribute attribute : decl.attributes()) {
                if (attributes.putIfAbsent(attribute.name(), attribute) != null) {
                    errors.add(Diagnostic.error(attribute.pos(), "duplicate attribute '" + attribute.name()
                            + "' in relation '" + decl.name() + "'"));
                }
            }
        }
        for (Directive directive : program.directives()) {
            RelationDecl decl = relations.get(directive.relation());
            if (decl == null) {
                errors.add(Diagnostic.error(directive.pos(), notDeclared(directive.relation())));
            } else if (decl.isDeltaDebug() && directive.kind() == DirectiveKind.INPUT) {
                errors.add(Diagnostic.error(directive.pos(), filled(decl) + ": it cannot be an input"));
            }
        }
        for (Rule rule : program.rules()) {
            AstWalk.forEachLiteral(rule, this::checkLiteral);
            RelationDecl head = relations.get(rule.head().relation());
            if (head != null && head.isDeltaDebug()) {
                errors.add(Diagnostic.error(rule.head().pos(), filled(head) + ": it cannot have rules or facts"));
            }
        }
    }

    private void checkLiteral(Literal literal) {
        if (literal instanceof Atom atom) {
            checkAtom(atom);
        } else if (literal instanceof Negation negation) {
            checkAtom(negation.atom());
        }
    }

    private void checkAtom(Atom atom) {
        RelationDecl decl = relations.get(atom.relation());
        if (decl == null) {
            errors.add(Diagnostic.error(atom.pos(), notDeclared(atom.relation())));
        } else if (decl.arity() != atom.arity()) {
            errors.add(Diagnostic.error(atom.pos(), "relation '" + decl.name() + "' has " + count(decl.arity(), "column")
                    + ", but " + count(atom.arity(), "argument") + (atom.arity() == 1 ? " is" : " are") + " given"));
        }
    }

    private static String filled(RelationDecl debug) {
        return "'" + debug.name() + "' is filled by debug_delta(" + debug.deltaOf() + ")";
    }

    private static String notDeclared(String relation) {
        return "relation '" + relation + "' is not declared";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
