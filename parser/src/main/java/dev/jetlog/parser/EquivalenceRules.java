// An `eqrel` relation is an equivalence relation: the rules that close it under reflexivity (on the values
// it holds), symmetry and transitivity are added to the program, so that it holds every pair of each class.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Variable;
import dev.jetlog.parser.ast.Wildcard;

import java.util.List;

final class EquivalenceRules {
    private EquivalenceRules() {
    }

    /** The closure rules of an eqrel declaration; an error (and no rules) unless it has two columns of one type. */
    static List<Rule> of(RelationDecl decl, SourcePos qualifier, List<Diagnostic> errors) {
        if (decl.arity() != 2 || decl.columnType(0) != decl.columnType(1)) {
            errors.add(Diagnostic.error(qualifier, "eqrel relation " + decl.name()
                    + " must have two columns of the same type"));
            return List.of();
        }
        SourcePos pos = decl.pos();
        return List.of(
                // r(x, x) :- r(x, _).
                rule(atom(decl, pos, var("x", pos), var("x", pos)), atom(decl, pos, var("x", pos), new Wildcard(pos))),
                // r(y, x) :- r(x, y).
                rule(atom(decl, pos, var("y", pos), var("x", pos)), atom(decl, pos, var("x", pos), var("y", pos))),
                // r(x, z) :- r(x, y), r(y, z).
                rule(atom(decl, pos, var("x", pos), var("z", pos)), atom(decl, pos, var("x", pos), var("y", pos)),
                        atom(decl, pos, var("y", pos), var("z", pos))));
    }

    private static Rule rule(Atom head, Literal... body) {
        return new Rule(head, List.of(body), head.pos());
    }

    private static Atom atom(RelationDecl decl, SourcePos pos, Term first, Term second) {
        return new Atom(decl.name(), List.of(first, second), pos);
    }

    private static Variable var(String name, SourcePos pos) {
        return new Variable(name, pos);
    }
}
