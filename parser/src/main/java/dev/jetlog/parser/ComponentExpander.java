// Soufflé's components: `.comp` definitions are templates, `.init name = C<types>` instantiates one. Each
// instance contributes the items of its component (and of its base components, bases first) under a scope
// that renames the component's relations to `name.relation`, maps type parameters and local types to the
// instance's types (a record or ADT type declared in the component becomes the instance's own, `name.Type`,
// and so do its ADT branches, `$name.Branch`), and drops the rules its bases give relations that a component derived from them overrides.
// A relation the instance does not declare is the enclosing instance's, if that one declares it, and so on
// out to the program's. A derived component sees the types its bases declare, and a type parameter may name
// the component an `.init` or a base instantiates.
package dev.jetlog.parser;

import dev.jetlog.parser.grammar.DatalogParser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class ComponentExpander {
    /** Marks an ADT branch's entry in a scope's type names (branch names and type names may coincide). */
    static final String BRANCH = "$";
    /** Instances nested deeper than this (a component that instantiates itself) are an error. */
    static final int MAX_DEPTH = 64;

    /**
     * How the names of one instance's items resolve: relations declared in the instance (or in its nested
     * instances, `sub.r`) get the instance's prefix, others resolve in the enclosing scope (null for the
     * program's); type names map to the instance's type arguments.
     */
    record Scope(String prefix, Map<String, String> typeNames, Set<String> relations, Set<String> instances,
                 Scope outer) {
        static final Scope GLOBAL = new Scope("", Map.of(), Set.of(), Set.of(), null);

        /**
         * The relation a name stands for, as one shared String per relation: the evaluator looks relations up
         * by name in every iteration, and a lookup that finds the very key it was given skips comparing it.
         */
        String relation(String name) {
            return resolve(name).intern();
        }

        private String resolve(String name) {
            if (relations.contains(name)) {
                return prefix + name;
            }
            int dot = name.indexOf('.');
            if (dot > 0 && instances.contains(name.substring(0, dot))) {
                return prefix + name;
            }
            return outer == null ? name : outer.resolve(name);
        }

        /** The type a name stands for in this instance (a nested instance sees only what its arguments pass, as in Soufflé). */
        String type(String name) {
            String mapped = typeNames.get(name);
            if (mapped != null) {
                return mapped;
            }
            int dot = name.indexOf('.');
            if (dot > 0 && instances.contains(name.substring(0, dot))) {
                return prefix + name; // `d.T`: a type of a nested instance
            }
            return name;
        }

        /** The ADT branch a name stands for in this instance (the instance's own, for an ADT it declares). */
        String branch(String name) {
            return typeNames.getOrDefault(BRANCH + name, name);
        }
    }

    /** One item of a component body, to be built under a scope. */
    record ScopedItem(DatalogParser.ComponentItemContext item, Scope scope) {
    }

    private final Positions positions;
    private final List<Diagnostic> errors;
    private final Map<String, DatalogParser.ComponentDeclContext> definitions = new LinkedHashMap<>();
    /** Errors in a component body are reported once, however often it is instantiated. */
    private final Set<Token> reported = new HashSet<>();

    ComponentExpander(Positions positions, List<Diagnostic> errors) {
        this.positions = positions;
        this.errors = errors;
    }

    /** Registers a component definition and the definitions nested in it (all by their plain names). */
    void define(DatalogParser.ComponentDeclContext definition) {
        Token name = definition.componentType(0).IDENT(0).getSymbol();
        DatalogParser.ComponentDeclContext earlier = definitions.putIfAbsent(name.getText(), definition);
        if (earlier != null) {
            errors.add(Diagnostic.error(positions.of(name), "component '" + name.getText() + "' is already defined at line "
                    + earlier.start.getLine()));
        }
        for (DatalogParser.ComponentItemContext item : definition.componentItem()) {
            if (item.componentDecl() != null) {
                define(item.componentDecl());
            }
        }
    }

    /** The items an `.init` contributes, under the scope of the instance (itself within an outer scope). */
    List<ScopedItem> instantiate(DatalogParser.ComponentInitContext init, Scope outer) {
        List<ScopedItem> items = new ArrayList<>();
        instantiate(init.componentType(), outer.prefix() + init.IDENT().getText() + ".", outer, 0, items);
        return items;
    }

    private void instantiate(DatalogParser.ComponentTypeContext type, String prefix, Scope outer, int depth,
                             List<ScopedItem> result) {
        if (depth > MAX_DEPTH) {
            errors.add(Diagnostic.error(positions.of(type.start), "component instances nest more than " + MAX_DEPTH
                    + " deep here (does a component instantiate itself?)"));
            return;
        }
        List<Group> groups = new ArrayList<>();
        if (!collect(type, outer::type, groups, new HashSet<>())) {
            return;
        }
        // relations, nested instances and local types of the whole instance
        Set<String> relations = new HashSet<>();
        Set<String> instances = new HashSet<>();
        // per group, the relations whose rules it gives are dropped: a component derived from it overrides them
        List<Set<String>> overridden = new ArrayList<>();
        groups.forEach(group -> overridden.add(new HashSet<>()));
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            for (DatalogParser.ComponentItemContext item : group.items) {
                if (item.relationDecl() != null) {
                    item.relationDecl().IDENT().forEach(name -> relations.add(name.getText()));
                } else if (item.deltaDebugDecl() != null) {
                    relations.add(item.deltaDebugDecl().IDENT(0).getText());
                } else if (item.componentInit() != null) {
                    instances.add(item.componentInit().IDENT().getText());
                } else if (item.overrideDirective() != null) {
                    Token name = item.overrideDirective().IDENT().getSymbol();
                    boolean overridable = false;
                    for (int base = group.firstBase; base < g; base++) {
                        overridden.get(base).add(name.getText());
                        overridable |= declaresOverridable(groups.get(base), name.getText())
                                // a base a type parameter names is not checked, as in Soufflé
                                || groups.get(base).viaParameter && declares(groups.get(base), name.getText());
                    }
                    if (!overridable && reported.add(name)) {
                        errors.add(Diagnostic.error(positions.of(name), "relation '" + name.getText()
                                + "' is not declared overridable in a base component"));
                    }
                } else if (item.typeDecl() != null) {
                    if (item.typeDecl() instanceof DatalogParser.RecordTypeDeclContext record) {
                        // each instance has its own record type, named as the instance's relations are
                        group.declare(record.IDENT().getText(), prefix + record.IDENT().getText());
                    } else if (item.typeDecl() instanceof DatalogParser.AdtTypeDeclContext adt) {
                        // so is an ADT, and its branches are the instance's too: `$Leaf` is `$c.Leaf`, as in Soufflé
                        group.declare(adt.IDENT().getText(), prefix + adt.IDENT().getText());
                        for (DatalogParser.AdtBranchContext branch : adt.adtBranch()) {
                            group.declare(BRANCH + branch.IDENT().getText(), prefix + branch.IDENT().getText());
                        }
                    } else {
                        localType(item.typeDecl(), group, prefix);
                    }
                }
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            // the types a base component declares are the derived component's too (its own names come first)
            Map<String, String> typeNames = new HashMap<>(group.typeNames);
            for (int base = group.firstBase; base < g; base++) {
                groups.get(base).declared.forEach(typeNames::putIfAbsent);
            }
            Scope scope = new Scope(prefix, typeNames, relations, instances, outer);
            for (DatalogParser.ComponentItemContext item : group.items) {
                if (item.clause() != null && overridden.get(g).contains(headRelation(item.clause()))) {
                    continue;
                }
                if (item.componentInit() != null) {
                    DatalogParser.ComponentInitContext nested = item.componentInit();
                    instantiate(nested.componentType(), prefix + nested.IDENT().getText() + ".", scope, depth + 1, result);
                } else if (item.componentDecl() == null && item.overrideDirective() == null) {
                    result.add(new ScopedItem(item, scope));
                }
            }
        }
    }

    /**
     * The items of one component of an instance (a base or the instantiated component itself); its own bases
     * are the groups from firstBase up to it.
     */
    private record Group(List<DatalogParser.ComponentItemContext> items, Map<String, String> typeNames, int firstBase,
                         boolean viaParameter, Map<String, String> declared) {
        Group(List<DatalogParser.ComponentItemContext> items, Map<String, String> typeNames, int firstBase,
              boolean viaParameter) {
            this(items, typeNames, firstBase, viaParameter, new HashMap<>());
        }

        /** A type (or `$branch`) the component declares, as the instance names it. */
        void declare(String name, String instanceName) {
            typeNames.put(name, instanceName);
            declared.put(name, instanceName);
        }
    }

    private static boolean declaresOverridable(Group group, String relation) {
        return declaresOverridable(group.items, relation);
    }

    private static boolean declaresOverridable(List<DatalogParser.ComponentItemContext> items, String relation) {
        for (DatalogParser.ComponentItemContext item : items) {
            if (item.relationDecl() != null && item.relationDecl().qualifier().stream().anyMatch(q -> q.OVERRIDABLE() != null)
                    && item.relationDecl().IDENT().stream().anyMatch(name -> name.getText().equals(relation))) {
                return true;
            }
        }
        return false;
    }

    private static boolean declares(Group group, String relation) {
        return declares(group.items, relation);
    }

    private static boolean declares(List<DatalogParser.ComponentItemContext> items, String relation) {
        return items.stream().anyMatch(item -> item.relationDecl() != null
                && item.relationDecl().IDENT().stream().anyMatch(name -> name.getText().equals(relation)));
    }

    /**
     * Checks every `.override` of every definition, instantiated or not, as Soufflé does: the relation must be
     * declared overridable in a base component. A definition with a base that a type parameter names (or that
     * is unknown) is not checked: what that base declares is known only per instance.
     */
    void checkOverrides() {
        for (DatalogParser.ComponentDeclContext definition : definitions.values()) {
            for (DatalogParser.ComponentItemContext item : definition.componentItem()) {
                if (item.overrideDirective() == null) {
                    continue;
                }
                Token name = item.overrideDirective().IDENT().getSymbol();
                Boolean overridable = baseDeclaration(definition, name.getText(), new HashSet<>());
                if (overridable == null || overridable || !reported.add(name)) {
                    continue;
                }
                boolean declared = inheritedDeclaration(definition, name.getText(), new HashSet<>());
                errors.add(Diagnostic.error(positions.of(name), declared
                        ? "relation '" + name.getText() + "' is not declared overridable in a base component"
                        : "relation '" + name.getText() + "' is not declared in a base component, so it cannot be overridden"));
            }
        }
    }

    /** True if a static base declares the relation overridable, false if none does, null if a base is not static. */
    private Boolean baseDeclaration(DatalogParser.ComponentDeclContext definition, String relation, Set<String> visiting) {
        Set<String> parameters = new HashSet<>();
        definition.componentType(0).IDENT().stream().skip(1).forEach(p -> parameters.add(p.getText()));
        if (!visiting.add(definition.componentType(0).IDENT(0).getText())) {
            return null; // inherits from itself: reported when instantiated
        }
        boolean found = false;
        for (int i = 1; i < definition.componentType().size(); i++) {
            String base = definition.componentType(i).IDENT(0).getText();
            DatalogParser.ComponentDeclContext baseDefinition = definitions.get(base);
            if (parameters.contains(base) || baseDefinition == null) {
                return null;
            }
            if (declaresOverridable(baseDefinition.componentItem(), relation)) {
                found = true;
            }
            Boolean deeper = baseDeclaration(baseDefinition, relation, visiting);
            if (deeper == null) {
                return null;
            }
            found |= deeper;
        }
        return found;
    }

    /** True if some base (at any depth) declares the relation. */
    private boolean inheritedDeclaration(DatalogParser.ComponentDeclContext definition, String relation, Set<String> seen) {
        if (!seen.add(definition.componentType(0).IDENT(0).getText())) {
            return false;
        }
        for (int i = 1; i < definition.componentType().size(); i++) {
            DatalogParser.ComponentDeclContext base = definitions.get(definition.componentType(i).IDENT(0).getText());
            if (base != null && (declares(base.componentItem(), relation) || inheritedDeclaration(base, relation, seen))) {
                return true;
            }
        }
        return false;
    }

    /** Adds the groups of a component type, bases first; false (reported) if it cannot be instantiated. */
    private boolean collect(DatalogParser.ComponentTypeContext type, java.util.function.UnaryOperator<String> outerTypes,
                            List<Group> groups, Set<String> visiting) {
        return collect(type, outerTypes, groups, visiting, false);
    }

    private boolean collect(DatalogParser.ComponentTypeContext type, java.util.function.UnaryOperator<String> outerTypes,
                            List<Group> groups, Set<String> visiting, boolean viaParameter) {
        Token name = type.IDENT(0).getSymbol();
        // a type parameter may name the component (`.comp Main<G> { .init g = G }`), as in Soufflé
        String component = outerTypes.apply(name.getText());
        DatalogParser.ComponentDeclContext definition = definitions.get(component);
        if (definition == null) {
            errors.add(Diagnostic.error(positions.of(name), "unknown component '" + name.getText() + "'"
                    + (component.equals(name.getText()) ? "" : " (the type parameter stands for '" + component + "')")));
            return false;
        }
        if (!visiting.add(component)) {
            errors.add(Diagnostic.error(positions.of(name), "component '" + component + "' inherits from itself"));
            return false;
        }
        List<TerminalNode> parameters = definition.componentType(0).IDENT();
        List<TerminalNode> arguments = type.IDENT();
        if (parameters.size() != arguments.size()) {
            errors.add(Diagnostic.error(positions.of(name), "component '" + component + "' takes "
                    + (parameters.size() - 1) + " type parameters, given " + (arguments.size() - 1)));
            return false;
        }
        Map<String, String> typeNames = new HashMap<>();
        for (int i = 1; i < parameters.size(); i++) {
            typeNames.put(parameters.get(i).getText(), outerTypes.apply(arguments.get(i).getText()));
        }
        int firstBase = groups.size();
        boolean named = viaParameter || !component.equals(name.getText());
        for (int i = 1; i < definition.componentType().size(); i++) {
            if (!collect(definition.componentType(i), n -> typeNames.getOrDefault(n, n), groups, visiting, named)) {
                return false;
            }
        }
        groups.add(new Group(definition.componentItem(), typeNames, firstBase, named));
        visiting.remove(component);
        return true;
    }

    /**
     * `.type L <: T`, `.type L = T | U` or a legacy type inside a component: L is the instance's own type `c.L`
     * (declared by the AstBuilder with its targets as the instance sees them), so it can be named from outside too.
     */
    private static void localType(DatalogParser.TypeDeclContext declaration, Group group, String prefix) {
        org.antlr.v4.runtime.tree.TerminalNode name = null;
        if (declaration instanceof DatalogParser.SubtypeDeclContext subtype) {
            name = subtype.IDENT();
        } else if (declaration instanceof DatalogParser.EquivalenceTypeDeclContext equivalence) {
            name = equivalence.IDENT();
        } else if (declaration instanceof DatalogParser.LegacyTypeDeclContext legacy) {
            name = legacy.IDENT();
        }
        if (name != null) {
            group.declare(name.getText(), prefix + name.getText());
        }
    }

    private static String headRelation(DatalogParser.ClauseContext clause) {
        return clause.atom(0).qualifiedName().getText();
    }
}
