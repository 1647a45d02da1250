// Builds the Program of a parse tree: declarations with resolved types, one Directive per named relation,
// and one Rule per head and per disjunct of the body (each Rule owning its own nodes).
// Reports what the grammar accepts but JetLog does not (unsupported constructs, bad literals, unknown types).
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.DirectiveKind;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.grammar.DatalogLexer;
import dev.jetlog.parser.grammar.DatalogParser;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class AstBuilder {
    private final Positions positions;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final ExpressionBuilder terms;
    private final BodyBuilder bodies;
    private final TypeAliases types = new TypeAliases(errors);

    AstBuilder(Positions positions) {
        this.positions = positions;
        this.terms = new ExpressionBuilder(positions, errors);
        this.bodies = new BodyBuilder(positions, terms);
        terms.setBodyBuilder(bodies);
    }

    /** The errors found while building; the program is only valid when there are none. */
    List<Diagnostic> errors() {
        return errors;
    }

    Program build(DatalogParser.ProgramContext tree) {
        for (DatalogParser.StatementContext statement : tree.statement()) {
            if (statement.typeDecl() != null) {
                typeDecl(statement.typeDecl());
            }
        }
        types.resolveAll();
        List<RelationDecl> declarations = new ArrayList<>();
        List<Directive> directives = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (DatalogParser.StatementContext statement : tree.statement()) {
            if (statement.relationDecl() != null) {
                declarations.add(relationDecl(statement.relationDecl()));
            } else if (statement.ioDirective() != null) {
                directives.addAll(ioDirective(statement.ioDirective()));
            } else if (statement.clause() != null) {
                rules.addAll(clause(statement.clause()));
            } else if (statement.unsupportedDirective() != null) {
                Token keyword = statement.unsupportedDirective().start;
                errors.add(Diagnostic.error(positions.of(keyword), Unsupported.directive(keyword.getText())));
            }
        }
        return new Program(declarations, directives, rules);
    }

    private void typeDecl(DatalogParser.TypeDeclContext ctx) {
        if (ctx instanceof DatalogParser.SubtypeDeclContext subtype) {
            types.define(subtype.IDENT(0).getText(), positions.of(subtype.IDENT(0).getSymbol()),
                    subtype.IDENT(1).getText(), positions.of(subtype.IDENT(1).getSymbol()));
        } else if (ctx instanceof DatalogParser.EquivalenceTypeDeclContext equivalence) {
            Token name = equivalence.IDENT(0).getSymbol();
            if (equivalence.IDENT().size() > 2) {
                types.reject(name.getText(), positions.of(name), "union types are not supported");
            } else {
                Token target = equivalence.IDENT(1).getSymbol();
                types.define(name.getText(), positions.of(name), target.getText(), positions.of(target));
            }
        } else if (ctx instanceof DatalogParser.RecordTypeDeclContext record) {
            Token name = record.IDENT().getSymbol();
            types.reject(name.getText(), positions.of(name), "record types are not supported");
        } else if (ctx instanceof DatalogParser.AdtTypeDeclContext adt) {
            Token name = adt.IDENT().getSymbol();
            types.reject(name.getText(), positions.of(name), "algebraic data types are not supported");
        } else {
            DatalogParser.LegacyTypeDeclContext legacy = (DatalogParser.LegacyTypeDeclContext) ctx;
            Token name = legacy.IDENT().getSymbol();
            String target = legacy.NUMBER_TYPE() != null ? "number" : "symbol";
            types.define(name.getText(), positions.of(name), target, positions.of(legacy.start));
        }
    }

    private RelationDecl relationDecl(DatalogParser.RelationDeclContext ctx) {
        List<Attribute> attributes = new ArrayList<>();
        for (DatalogParser.AttributeContext attribute : ctx.attribute()) {
            Token typeName = attribute.IDENT(1).getSymbol();
            ColumnType type = types.resolve(typeName.getText());
            if (type == null) {
                if (!types.isDeclared(typeName.getText())) {
                    errors.add(Diagnostic.error(positions.of(typeName), "unknown type '" + typeName.getText() + "'"));
                }
                type = ColumnType.NUMBER;
            }
            attributes.add(new Attribute(attribute.IDENT(0).getText(), type, positions.of(attribute.start)));
        }
        for (DatalogParser.QualifierContext qualifier : ctx.qualifier()) {
            int kind = qualifier.start.getType();
            if (kind != DatalogLexer.BTREE && kind != DatalogLexer.BRIE) {
                errors.add(Diagnostic.error(positions.of(qualifier.start), Unsupported.qualifier(qualifier.getText())));
            }
        }
        return new RelationDecl(ctx.IDENT().getText(), attributes, positions.of(ctx.IDENT().getSymbol()));
    }

    private List<Directive> ioDirective(DatalogParser.IoDirectiveContext ctx) {
        DirectiveKind kind = switch (ctx.start.getType()) {
            case DatalogLexer.INPUT -> DirectiveKind.INPUT;
            case DatalogLexer.OUTPUT -> DirectiveKind.OUTPUT;
            default -> DirectiveKind.PRINTSIZE;
        };
        List<DatalogParser.IoTargetContext> targets = ctx.ioTarget();
        // Soufflé's `.output a, b(IO=stdout)` gives the parameters to every relation of the list.
        boolean shared = targets.size() > 1;
        for (int i = 0; i < targets.size() - 1; i++) {
            shared &= targets.get(i).LPAREN() == null;
        }
        Map<String, String> sharedParameters = shared ? parameters(targets.get(targets.size() - 1)) : null;
        List<Directive> directives = new ArrayList<>();
        for (DatalogParser.IoTargetContext target : targets) {
            Map<String, String> parameters = sharedParameters != null ? sharedParameters : parameters(target);
            directives.add(new Directive(kind, target.IDENT().getText(), parameters, positions.of(target.start)));
        }
        return directives;
    }

    private Map<String, String> parameters(DatalogParser.IoTargetContext target) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (DatalogParser.IoParameterContext parameter : target.ioParameter()) {
            DatalogParser.IoValueContext value = parameter.ioValue();
            String text = value.STRING() != null ? terms.string(value.STRING().getSymbol()) : value.getText();
            parameters.put(parameter.IDENT().getText(), text);
        }
        return parameters;
    }

    private List<Rule> clause(DatalogParser.ClauseContext ctx) {
        SourcePos pos = positions.of(ctx.start);
        List<Atom> heads = new ArrayList<>();
        for (DatalogParser.AtomContext head : ctx.atom()) {
            heads.add(bodies.atom(head));
        }
        List<List<Literal>> disjuncts = List.of(List.of());
        if (ctx.disjunction() != null) {
            BodyFormula formula = bodies.visit(ctx.disjunction());
            long count = DnfExpander.count(formula, NestingLimits.MAX_DISJUNCTS);
            if (count * heads.size() > NestingLimits.MAX_DISJUNCTS) {
                errors.add(Diagnostic.error(pos, "this clause's disjunctions multiply out into more than "
                        + NestingLimits.MAX_DISJUNCTS + " rules; split it into several clauses"));
                return List.of();
            }
            disjuncts = DnfExpander.expand(formula);
        }
        List<Rule> rules = new ArrayList<>();
        for (Atom head : heads) {
            for (List<Literal> body : disjuncts) {
                rules.add(new Rule(AstCopier.PLAIN.copy(head), AstCopier.PLAIN.copyAll(body), pos));
            }
        }
        return rules;
    }
}
