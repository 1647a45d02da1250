// Soufflé's one namespace for the program's top-level names: a component may not share its name with a
// type or relation, an instance (`.init`) not with a type, relation, component or other instance, and a
// relation (an instance's too, `c.r`) not with a type (an instance's too, `c.T`). Each clash is an error
// at the later kind of declaration: the component, the instance, the relation.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.grammar.DatalogParser;
import org.antlr.v4.runtime.Token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class NameClashes {
    private final Positions positions;
    private final List<Diagnostic> errors;

    NameClashes(Positions positions, List<Diagnostic> errors) {
        this.positions = positions;
        this.errors = errors;
    }

    /** Checks the names that the program's top-level statements declare for components and instances. */
    void checkTopLevel(List<DatalogParser.StatementContext> statements) {
        Map<String, Token> types = new LinkedHashMap<>();
        Map<String, Token> relations = new LinkedHashMap<>();
        Map<String, Token> components = new LinkedHashMap<>();
        for (DatalogParser.StatementContext statement : statements) {
            if (statement.typeDecl() != null) {
                Token name = statement.typeDecl().getToken(DatalogParser.IDENT, 0).getSymbol();
                types.putIfAbsent(name.getText(), name);
            } else if (statement.relationDecl() != null) {
                statement.relationDecl().IDENT().forEach(name -> relations.putIfAbsent(name.getText(), name.getSymbol()));
            } else if (statement.deltaDebugDecl() != null) {
                Token name = statement.deltaDebugDecl().IDENT(0).getSymbol();
                relations.putIfAbsent(name.getText(), name);
            } else if (statement.componentDecl() != null) {
                Token name = statement.componentDecl().componentType(0).IDENT(0).getSymbol();
                components.putIfAbsent(name.getText(), name);
            }
        }
        for (Token component : components.values()) {
            if (!clash(component, "component", types, "type")) {
                clash(component, "component", relations, "relation");
            }
        }
        Map<String, Token> instances = new LinkedHashMap<>();
        for (DatalogParser.StatementContext statement : statements) {
            if (statement.componentInit() != null) {
                Token instance = statement.componentInit().IDENT().getSymbol();
                boolean clashed = clash(instance, "instance", types, "type")
                        || clash(instance, "instance", relations, "relation")
                        || clash(instance, "instance", components, "component")
                        || clash(instance, "instance", instances, "instance");
                if (!clashed) {
                    instances.put(instance.getText(), instance);
                }
            }
        }
    }

    /** Checks every relation, the instances' included, against the declared types (theirs included). */
    void checkRelations(List<RelationDecl> declarations, DeclaredTypes types) {
        for (RelationDecl decl : declarations) {
            SourcePos type = types.declarationOf(decl.name());
            if (type != null) {
                errors.add(Diagnostic.error(decl.pos(), "relation '" + decl.name() + "' has the name of the type declared at "
                        + type.lineSeenFrom(decl.pos()) + ": types and relations share one namespace"));
            }
        }
    }

    private boolean clash(Token name, String kind, Map<String, Token> others, String otherKind) {
        Token other = others.get(name.getText());
        if (other == null) {
            return false;
        }
        errors.add(Diagnostic.error(positions.of(name), kind + " '" + name.getText() + "' has the name of the "
                + otherKind + " declared at " + positions.of(other).lineSeenFrom(positions.of(name))
                + ": types, relations, components and instances share one namespace"));
        return true;
    }
}
