// Builds the Program of a parse tree: declarations with resolved types, one Directive per named relation,
// and one Rule per head and per disjunct of the body (each Rule owning its own nodes).
// Reports what the grammar accepts but JetLog does not (unsupported constructs, bad literals, unknown types).
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.DirectiveKind;
import dev.jetlog.parser.ast.FunctorDecl;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.grammar.DatalogLexer;
import dev.jetlog.parser.grammar.DatalogParser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class AstBuilder {
    private final Positions positions;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final ExpressionBuilder terms;
    private final BodyBuilder bodies;
    private final DeclaredTypes types = new DeclaredTypes(errors);
    private final ComponentExpander components;

    private final List<RelationDecl> declarations = new ArrayList<>();
    private final List<FunctorDecl> functors = new ArrayList<>();
    private final List<Directive> directives = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, SourcePos> inlineRelations = new LinkedHashMap<>();
    /** `.decl d = debug_delta(r)` declarations, made once every other relation is declared. */
    private final DeltaDebugDeclarations deltaDebugs = new DeltaDebugDeclarations();
    /** `.limitsize` per relation. */
    private final Map<String, SizeLimit> sizeLimits = new LinkedHashMap<>();
    /** The rules of subsumption clauses, by the relation they delete from, with the first clause's position. */
    private final Map<String, List<Rule>> subsumptionRules = new LinkedHashMap<>();
    private final Map<String, SourcePos> subsumptionPositions = new LinkedHashMap<>();
    private final java.util.Set<String> eqrelRelations = new java.util.LinkedHashSet<>();
    private final MagicSetRequest.Builder magicSets = new MagicSetRequest.Builder();
    /** Where each relation's `.printsize` is (a second one is an error). */
    private final Map<String, SourcePos> printsizes = new LinkedHashMap<>();
    /** Per relation, its columns' declared type names (subtypes by name, as the instance sees them). */
    private final Map<String, List<String>> columnTypeNames = new HashMap<>();
    /** The positive atoms of the clause a `.plan` follows (-1: none), to check the plan against. */
    private int lastClauseAtoms = -1;
    /** The relations `.pragma "inline-exclude"` keeps from being inlined. */
    private final java.util.Set<String> inlineExcluded = new java.util.LinkedHashSet<>();
    /** The relation names the magic-set pragmas give, with the pragma's position (checked once all are declared). */
    private final Map<String, SourcePos> magicPragmaNames = new LinkedHashMap<>();

    /** A `.limitsize` directive: the limit and where it was given. */
    private record SizeLimit(long limit, SourcePos pos) {
    }
    /** How relation and type names resolve in the item being built: globally, or in a component instance. */
    private ComponentExpander.Scope scope = ComponentExpander.Scope.GLOBAL;

    AstBuilder(Positions positions) {
        this.positions = positions;
        this.components = new ComponentExpander(positions, errors);
        this.terms = new ExpressionBuilder(positions, errors, name -> types.resolve(scope.type(name)),
                name -> scope.branch(name));
        this.bodies = new BodyBuilder(positions, terms, errors, name -> scope.relation(name));
        terms.setBodyBuilder(bodies);
    }

    /** The errors found while building; the program is only valid when there are none. */
    List<Diagnostic> errors() {
        return errors;
    }

    /** The relations declared `eqrel`. */
    java.util.Set<String> eqrelRelations() {
        return eqrelRelations;
    }

    /** The relations the program asks the magic-set transformation for. */
    MagicSetRequest magicSets() {
        return magicSets.build();
    }

    /** The relations declared `inline`, without those `no_inline` or `.pragma "inline-exclude"` keeps. */
    Map<String, SourcePos> inlineRelations() {
        Map<String, SourcePos> inlined = new LinkedHashMap<>(inlineRelations);
        inlined.keySet().removeAll(inlineExcluded);
        return inlined;
    }

    /** The program's type names, resolved. */
    DeclaredTypes types() {
        return types;
    }

    /** Per relation, its columns' declared type names. */
    Map<String, List<String>> columnTypeNames() {
        return columnTypeNames;
    }

    /** Directives accepted but not acted on (pragmas, plans). */
    List<Diagnostic> warnings() {
        return warnings;
    }

    Program build(DatalogParser.ProgramContext tree) {
        NameClashes clashes = new NameClashes(positions, errors);
        clashes.checkTopLevel(tree.statement());
        for (DatalogParser.StatementContext statement : tree.statement()) {
            if (statement.typeDecl() != null) {
                typeDecl(statement.typeDecl());
            } else if (statement.componentDecl() != null) {
                components.define(statement.componentDecl());
            }
        }
        components.checkOverrides();
        // instances first: the record types they declare must be known before any type is resolved
        Map<DatalogParser.StatementContext, List<ComponentExpander.ScopedItem>> instances = new LinkedHashMap<>();
        for (DatalogParser.StatementContext statement : tree.statement()) {
            if (statement.componentInit() != null) {
                List<ComponentExpander.ScopedItem> items = components.instantiate(statement.componentInit(), scope);
                instances.put(statement, items);
                for (ComponentExpander.ScopedItem scoped : items) {
                    if (scoped.item().typeDecl() != null) {
                        scope = scoped.scope();
                        typeDecl(scoped.item().typeDecl());
                        scope = ComponentExpander.Scope.GLOBAL;
                    }
                }
            }
        }
        types.resolveAll();
        for (DatalogParser.StatementContext statement : tree.statement()) {
            if (statement.componentInit() != null) {
                for (ComponentExpander.ScopedItem scoped : instances.get(statement)) {
                    if (scoped.item().typeDecl() != null) {
                        continue;
                    }
                    scope = scoped.scope();
                    item(scoped.item().getChild(0));
                    scope = ComponentExpander.Scope.GLOBAL;
                }
            } else if (statement.typeDecl() == null && statement.componentDecl() == null) {
                item(statement.getChild(0));
            }
        }
        deltaDebugs.declare(declarations, eqrelRelations, inlineRelations.keySet(), columnTypeNames, errors);
        clashes.checkRelations(declarations, types);
        applySizeLimits();
        checkMagicPragmaNames();
        declareDominatedRelations();
        return new Program(declarations, functors, directives, rules);
    }

    /** `.limitsize r(n=N)`: N at least 1; the relation must be declared (checked once all are). */
    private void limitsize(DatalogParser.LimitsizeDirectiveContext ctx) {
        Token key = ctx.IDENT().getSymbol();
        Token value = ctx.INT().getSymbol();
        Long limit = LiteralValues.integer(value.getText(), false);
        if (!key.getText().equals("n")) {
            errors.add(Diagnostic.error(positions.of(key), "'.limitsize' takes n=NUMBER, found " + key.getText()));
        } else if (limit == null || limit < 1) {
            errors.add(Diagnostic.error(positions.of(value), "the size limit must be a number from 1 to 4294967295"));
        } else {
            sizeLimits.put(scope.relation(ctx.qualifiedName().getText()), new SizeLimit(limit, positions.of(ctx.start)));
        }
    }

    private void applySizeLimits() {
        sizeLimits.forEach((relation, limit) -> {
            int at = -1;
            for (int i = 0; i < declarations.size(); i++) {
                if (declarations.get(i).name().equals(relation)) {
                    at = i;
                }
            }
            if (at < 0) {
                errors.add(Diagnostic.error(limit.pos(), "'.limitsize' of " + relation
                        + ", which is not declared"));
            } else {
                declarations.set(at, declarations.get(at).withSizeLimit(limit.limit()));
            }
        });
    }

    /** Builds one item of the program or of a component instance, under the current scope. */
    private void item(ParseTree item) {
        if (item instanceof DatalogParser.RelationDeclContext relation) {
            List<RelationDecl> declared = relationDecls(relation);
            declarations.addAll(declared);
            SourcePos eqrel = eqrelQualifier(relation);
            if (eqrel != null) {
                declared.forEach(decl -> eqrelRelations.add(decl.name()));
                declared.forEach(decl -> EquivalenceRelations.check(decl, eqrel,
                        inlineRelations.containsKey(decl.name()), errors));
            }
        } else if (item instanceof DatalogParser.DeltaDebugDeclContext debug) {
            deltaDebugs.read(debug, scope, positions, errors);
        } else if (item instanceof DatalogParser.FunctorDeclContext functor) {
            functors.add(functorDecl(functor));
        } else if (item instanceof DatalogParser.PragmaDirectiveContext pragma) {
            pragma(pragma);
        } else if (item instanceof DatalogParser.LimitsizeDirectiveContext limit) {
            limitsize(limit);
        } else if (item instanceof DatalogParser.PlanDirectiveContext plan) {
            checkPlan(plan);
            warnings.add(Diagnostic.warning(positions.of(plan.start),
                    "'.plan' is ignored: JetLog chooses the join order of every rule version itself"));
        } else if (item instanceof DatalogParser.IoDirectiveContext io) {
            directives.addAll(ioDirective(io));
        } else if (item instanceof DatalogParser.ClauseContext clause && clause.subsumes != null) {
            subsumption(clause);
            lastClauseAtoms = -1; // a plan after a subsumption is not checked
        } else if (item instanceof DatalogParser.ClauseContext clause) {
            List<Rule> made = clause(clause);
            rules.addAll(made);
            lastClauseAtoms = made.isEmpty() ? -1
                    : (int) made.get(0).body().stream().filter(literal -> literal instanceof Atom).count();
        } else if (item instanceof DatalogParser.UnsupportedDirectiveContext unsupported) {
            Token keyword = unsupported.start;
            errors.add(Diagnostic.error(positions.of(keyword), Unsupported.directive(keyword.getText())));
        }
    }

    private void typeDecl(DatalogParser.TypeDeclContext ctx) {
        // inside a component instance every type is the instance's own (`c.T`), its targets as the instance sees them
        if (ctx instanceof DatalogParser.SubtypeDeclContext subtype) {
            types.defineSubtype(scope.type(subtype.IDENT().getText()), positions.of(subtype.IDENT().getSymbol()),
                    typeName(typeToken(subtype.typeName())));
        } else if (ctx instanceof DatalogParser.EquivalenceTypeDeclContext equivalence) {
            Token name = equivalence.IDENT().getSymbol();
            List<DeclaredTypes.TypeName> members = new ArrayList<>();
            for (DatalogParser.TypeNameContext member : equivalence.typeName()) {
                members.add(typeName(typeToken(member)));
            }
            types.define(scope.type(name.getText()), positions.of(name), members);
        } else if (ctx instanceof DatalogParser.RecordTypeDeclContext record) {
            // inside a component instance, the type and its fields' types are named as the instance sees them
            Token name = record.IDENT().getSymbol();
            types.defineRecord(scope.type(name.getText()), positions.of(name), fields(record.field()));
        } else if (ctx instanceof DatalogParser.AdtTypeDeclContext adt) {
            Token name = adt.IDENT().getSymbol();
            List<DeclaredTypes.BranchDecl> branches = new ArrayList<>();
            for (DatalogParser.AdtBranchContext branch : adt.adtBranch()) {
                branches.add(new DeclaredTypes.BranchDecl(scope.branch(branch.IDENT().getText()),
                        positions.of(branch.start), fields(branch.field())));
            }
            types.defineAdt(scope.type(name.getText()), positions.of(name), branches);
        } else {
            DatalogParser.LegacyTypeDeclContext legacy = (DatalogParser.LegacyTypeDeclContext) ctx;
            Token name = legacy.IDENT().getSymbol();
            String target = legacy.NUMBER_TYPE() != null ? "number" : "symbol"; // `.type T` alone: a symbol type
            types.define(scope.type(name.getText()), positions.of(name),
                    List.of(new DeclaredTypes.TypeName(target, positions.of(legacy.start))));
            warnings.add(Diagnostic.warning(positions.of(legacy.start), "deprecated type declaration: write '.type "
                    + name.getText() + " <: " + target + "'"));
        }
    }

    private DeclaredTypes.TypeName typeName(Token token) {
        return new DeclaredTypes.TypeName(scope.type(token.getText()), positions.of(token));
    }

    /** A type name (`T`, or `c.T` for a type of an instance) as one token at its first part's place. */
    static Token typeToken(DatalogParser.TypeNameContext ctx) {
        org.antlr.v4.runtime.CommonToken token = new org.antlr.v4.runtime.CommonToken(ctx.start);
        token.setText(ctx.getText());
        return token;
    }

    private List<DeclaredTypes.FieldDecl> fields(List<DatalogParser.FieldContext> fields) {
        List<DeclaredTypes.FieldDecl> declared = new ArrayList<>();
        for (DatalogParser.FieldContext field : fields) {
            Token type = typeToken(field.typeName());
            declared.add(new DeclaredTypes.FieldDecl(field.IDENT().getText(), positions.of(field.IDENT().getSymbol()),
                    new DeclaredTypes.TypeName(scope.type(type.getText()), positions.of(type))));
        }
        return declared;
    }

    private FunctorDecl functorDecl(DatalogParser.FunctorDeclContext ctx) {
        List<ColumnType> parameters = new ArrayList<>();
        for (DatalogParser.FunctorParameterContext parameter : ctx.functorParameter()) {
            Token type = parameter.IDENT(parameter.IDENT().size() - 1).getSymbol();
            parameters.add(columnType(type));
        }
        ColumnType result = columnType(ctx.IDENT(1).getSymbol());
        Token name = ctx.IDENT(0).getSymbol();
        return new FunctorDecl(name.getText(), parameters, result, ctx.STATEFUL() != null, positions.of(name));
    }

    /** The column type a type name stands for; an unknown name is reported and taken as number. */
    private ColumnType columnType(Token typeName) {
        ColumnType type = types.resolve(scope.type(typeName.getText()));
        if (type == null) {
            if (!types.isDeclared(scope.type(typeName.getText()))) {
                errors.add(Diagnostic.error(positions.of(typeName), "unknown type '" + typeName.getText() + "'"));
            }
            type = ColumnType.NUMBER;
        }
        return type;
    }

    /**
     * `.pragma "magic-transform" "LIST"` and `.pragma "magic-transform-exclude" "LIST"` select the relations of
     * the magic-set transformation; every other pragma is accepted and ignored with a warning.
     */
    private void pragma(DatalogParser.PragmaDirectiveContext ctx) {
        String key = terms.string(ctx.STRING(0).getSymbol());
        java.util.Set<String> names = ctx.STRING().size() == 2 ? pragmaNames(terms.string(ctx.STRING(1).getSymbol())) : null;
        if (key.equals("inline-exclude") && names != null) {
            inlineExcluded.addAll(names);
            return;
        }
        boolean include = key.equals("magic-transform");
        if ((include || key.equals("magic-transform-exclude")) && names != null) {
            if (include) {
                magicSets.include(names);
            } else {
                magicSets.exclude(names);
            }
            for (String name : names) {
                if (!name.equals("*")) {
                    magicPragmaNames.putIfAbsent(name, positions.of(ctx.STRING(1).getSymbol()));
                }
            }
            return;
        }
        warnings.add(Diagnostic.warning(positions.of(ctx.start), "pragma '" + key + "' is ignored"));
    }

    /**
     * A `.plan` is checked as Soufflé checks it, then ignored: each version is one of the clause's (0 to its
     * atoms - 1) and each order a permutation of 1 to its atoms.
     */
    private void checkPlan(DatalogParser.PlanDirectiveContext plan) {
        if (lastClauseAtoms < 0) {
            return;
        }
        int versions = Math.max(1, lastClauseAtoms);
        for (DatalogParser.PlanItemContext item : plan.planItem()) {
            Token version = item.INT(0).getSymbol();
            Long number = LiteralValues.integer(version.getText(), false);
            if (number == null || number >= versions) {
                errors.add(Diagnostic.error(positions.of(version), "the plan of version " + version.getText()
                        + " names a version the clause does not have: only versions 0.." + (versions - 1)
                        + " are permitted"));
                continue;
            }
            java.util.Set<Integer> order = new java.util.HashSet<>();
            boolean valid = item.INT().size() - 1 == lastClauseAtoms;
            for (int i = 1; i < item.INT().size(); i++) {
                Long position = LiteralValues.integer(item.INT(i).getText(), false);
                valid &= position != null && position >= 1 && position <= lastClauseAtoms
                        && order.add(position.intValue());
            }
            if (!valid) {
                errors.add(Diagnostic.error(positions.of(item.start), "the plan of version " + version.getText()
                        + " must order each of the clause's " + lastClauseAtoms + " atoms once (1 to "
                        + lastClauseAtoms + ")"));
            }
        }
    }

    /** The names of a pragma's comma-separated list, without blanks. */
    private static java.util.Set<String> pragmaNames(String list) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    /** A relation a magic-set pragma names but no declaration gives is a warning (Soufflé ignores it silently). */
    private void checkMagicPragmaNames() {
        java.util.Set<String> declared = new java.util.HashSet<>();
        declarations.forEach(decl -> declared.add(decl.name()));
        magicPragmaNames.forEach((name, pos) -> {
            if (!declared.contains(name)) {
                warnings.add(Diagnostic.warning(pos, "the magic-set pragma names relation '" + name
                        + "', which is not declared"));
            }
        });
    }

    private SourcePos eqrelQualifier(DatalogParser.RelationDeclContext ctx) {
        for (DatalogParser.QualifierContext qualifier : ctx.qualifier()) {
            if (qualifier.start.getType() == DatalogLexer.EQREL) {
                return positions.of(qualifier.start);
            }
        }
        return null;
    }

    /** One declaration per name of `.decl a, b(...)`, each with the same columns and qualifiers. */
    private List<RelationDecl> relationDecls(DatalogParser.RelationDeclContext ctx) {
        List<Attribute> attributes = new ArrayList<>();
        List<String> typeNames = new ArrayList<>();
        for (DatalogParser.AttributeContext attribute : ctx.attribute()) {
            Token typeName = typeToken(attribute.typeName());
            typeNames.add(scope.type(typeName.getText()));
            ColumnType type = columnType(typeName);
            attributes.add(new Attribute(attribute.IDENT().getText(), type, positions.of(attribute.start),
                    types.compound(scope.type(typeName.getText()))));
        }
        for (DatalogParser.QualifierContext qualifier : ctx.qualifier()) {
            int kind = qualifier.start.getType();
            // hints that change no result (btree_delete: subsumption works on any relation); eqrel makes it
            // an equivalence relation (EquivalenceRelations); overridable matters to components; magic and
            // no_magic select relations of the magic-set transformation (MagicSetRequest)
            boolean accepted = kind == DatalogLexer.BTREE || kind == DatalogLexer.BRIE || kind == DatalogLexer.EQREL
                    || kind == DatalogLexer.BTREE_DELETE
                    || kind == DatalogLexer.NO_INLINE || kind == DatalogLexer.MAGIC || kind == DatalogLexer.NO_MAGIC
                    || kind == DatalogLexer.OVERRIDABLE || kind == DatalogLexer.INLINE
                    || kind == DatalogLexer.CHOICE_DOMAIN;
            if (!accepted) {
                errors.add(Diagnostic.error(positions.of(qualifier.start), Unsupported.qualifier(qualifier.getText())));
            }
        }
        checkChoiceDomainComesLast(ctx.qualifier());
        List<List<Integer>> choiceDomains = choiceDomains(ctx, attributes);
        List<RelationDecl> declared = new ArrayList<>();
        SourcePos inline = null;
        for (DatalogParser.QualifierContext qualifier : ctx.qualifier()) {
            if (qualifier.INLINE() != null) {
                inline = positions.of(qualifier.start);
            }
        }
        for (DatalogParser.QualifierContext qualifier : ctx.qualifier()) {
            if (qualifier.NO_INLINE() != null) {
                inline = null; // no_inline overrides inline, as in Soufflé
            }
        }
        for (org.antlr.v4.runtime.tree.TerminalNode name : ctx.IDENT()) {
            if (inline != null) {
                inlineRelations.put(scope.relation(name.getText()), inline);
            }
            for (DatalogParser.QualifierContext qualifier : ctx.qualifier()) {
                if (qualifier.MAGIC() != null || qualifier.NO_MAGIC() != null) {
                    magicSets.qualifier(scope.relation(name.getText()), qualifier.MAGIC() != null);
                }
            }
            declared.add(new RelationDecl(scope.relation(name.getText()), attributes, choiceDomains, 0,
                    positions.of(name.getSymbol())));
            columnTypeNames.putIfAbsent(scope.relation(name.getText()), List.copyOf(typeNames));
        }
        return declared;
    }

    /** As in Soufflé's grammar, `choice-domain ...` ends a declaration: no qualifier may follow it. */
    private void checkChoiceDomainComesLast(List<DatalogParser.QualifierContext> qualifiers) {
        boolean choiceDomainSeen = false;
        for (DatalogParser.QualifierContext qualifier : qualifiers) {
            if (qualifier.CHOICE_DOMAIN() != null) {
                choiceDomainSeen = true;
            } else if (choiceDomainSeen) {
                errors.add(Diagnostic.error(positions.of(qualifier.start), "the qualifier '" + qualifier.getText()
                        + "' follows the choice-domain; write it before, as Soufflé requires"));
                return;
            }
        }
    }

    /** The column indexes of each choice domain, checked against the attribute names. */
    private List<List<Integer>> choiceDomains(DatalogParser.RelationDeclContext ctx, List<Attribute> attributes) {
        List<List<Integer>> domains = new ArrayList<>();
        for (DatalogParser.QualifierContext qualifier : ctx.qualifier()) {
            for (DatalogParser.ChoiceDomainContext domain : qualifier.choiceDomain()) {
                List<Integer> columns = new ArrayList<>();
                for (org.antlr.v4.runtime.tree.TerminalNode name : domain.IDENT()) {
                    int column = -1;
                    for (int i = 0; i < attributes.size(); i++) {
                        if (attributes.get(i).name().equals(name.getText())) {
                            column = i;
                        }
                    }
                    if (column < 0) {
                        errors.add(Diagnostic.error(positions.of(name.getSymbol()), "choice-domain names '"
                                + name.getText() + "', which is not a column of the relation"));
                    } else if (!columns.contains(column)) {
                        columns.add(column); // as Soufflé, `(x, x)` is `x`
                    }
                }
                // a domain of every column restricts nothing (every tuple is its own key), and one named twice (in
                // any order) is one domain: Soufflé reduces them so too
                boolean repeated = domains.stream().anyMatch(other -> new java.util.HashSet<>(other)
                        .equals(new java.util.HashSet<>(columns)));
                if (!columns.isEmpty() && columns.size() < attributes.size() && !repeated) {
                    domains.add(columns);
                }
            }
        }
        return domains;
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
        List<Directive> parsed = new ArrayList<>();
        for (DatalogParser.IoTargetContext target : targets) {
            Map<String, String> parameters = sharedParameters != null ? sharedParameters : parameters(target);
            String relation = scope.relation(target.qualifiedName().getText());
            SourcePos pos = positions.of(target.start);
            SourcePos earlier = kind == DirectiveKind.PRINTSIZE ? printsizes.putIfAbsent(relation, pos) : null;
            if (earlier != null) {
                // as Soufflé: a relation's size is printed by one .printsize
                errors.add(Diagnostic.error(pos, "'.printsize' of " + relation + " is given twice; the first is at line "
                        + earlier.line()));
                continue;
            }
            parsed.add(new Directive(kind, relation, parameters, pos));
        }
        return parsed;
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

    /** `a <= b :- body.`: rules for the hidden relation of a's dominated tuples (see Subsumption). */
    private void subsumption(DatalogParser.ClauseContext ctx) {
        SourcePos pos = positions.of(ctx.start);
        Atom dominated = bodies.atom(ctx.atom(0));
        Atom dominating = bodies.atom(ctx.atom(1));
        if (!dominated.relation().equals(dominating.relation())) {
            errors.add(Diagnostic.error(dominating.pos(), "a subsumption compares two tuples of one relation;"
                    + " here they are from " + dominated.relation() + " and " + dominating.relation()));
            return;
        }
        if (ctx.disjunction() == null) {
            errors.add(Diagnostic.error(pos, "a subsumption needs a body saying when the left tuple is dominated,"
                    + " as in 'r(x, a) <= r(x, b) :- b <= a.'"));
            return;
        }
        List<List<Literal>> disjuncts = List.of(List.of());
        if (ctx.disjunction() != null) {
            BodyFormula formula = bodies.visit(ctx.disjunction());
            if (DnfExpander.count(formula, NestingLimits.MAX_DISJUNCTS) > NestingLimits.MAX_DISJUNCTS) {
                errors.add(Diagnostic.error(pos, "this subsumption's disjunctions multiply out into more than "
                        + NestingLimits.MAX_DISJUNCTS + " rules; split it into several clauses"));
                return;
            }
            disjuncts = DnfExpander.expand(formula);
        }
        subsumptionPositions.putIfAbsent(dominated.relation(), pos);
        List<Rule> made = subsumptionRules.computeIfAbsent(dominated.relation(), r -> new ArrayList<>());
        for (List<Literal> body : disjuncts) {
            made.addAll(Subsumption.rules(dominated, dominating, body, pos));
        }
    }

    /** Declares the hidden relation of each subsumed relation and adds the rules that fill it. */
    private void declareDominatedRelations() {
        subsumptionRules.forEach((relation, made) -> {
            RelationDecl decl = null;
            for (RelationDecl declared : declarations) {
                if (declared.name().equals(relation)) {
                    decl = declared;
                }
            }
            if (decl == null) {
                errors.add(Diagnostic.error(subsumptionPositions.get(relation), "subsumption of " + relation
                        + ", which is not declared"));
                return;
            }
            if (eqrelRelations.contains(relation)) {
                errors.add(Diagnostic.error(subsumptionPositions.get(relation), "subsumption of the eqrel relation "
                        + relation + " is not supported: deleting pairs would break its equivalence classes"));
                return;
            }
            declarations.add(Subsumption.declaration(decl));
            rules.addAll(made);
        });
    }

    private static boolean hasAggregate(Atom head) {
        boolean[] found = {false};
        for (dev.jetlog.parser.ast.Term arg : head.args()) {
            dev.jetlog.parser.ast.AstWalk.forEachOutermostAggregate(arg, aggregate -> found[0] = true);
        }
        return found[0];
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
        } else if (heads.stream().anyMatch(AstBuilder::hasAggregate)) {
            // `r(sum x : { s(x) }).`: as in Soufflé, a clause without body may aggregate; it is a rule, not a fact
            disjuncts = List.of(List.of(new dev.jetlog.parser.ast.BooleanLiteral(true, pos)));
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
