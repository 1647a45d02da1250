// The type names of a program: the four primitive types; aliases and subtypes (`.type T <: number`,
// `.type T = symbol`, `.number_type T`), each standing for its primitive type; unions (`.type U = A | B`) of
// types with one primitive type, which they stand for; record types (`.type P = [x: number, y: P]`) and
// algebraic data types (`.type E = A {x: number} | B {}`), which may refer to themselves and to each other.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompoundType;
import dev.jetlog.parser.ast.SourcePos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class DeclaredTypes {
    /** A type name as written, with its position. */
    record TypeName(String name, SourcePos pos) {
    }

    /** A field as written: `name: type`. */
    record FieldDecl(String name, SourcePos pos, TypeName type) {
    }

    /** An ADT branch as written: `Name {fields}`. */
    record BranchDecl(String name, SourcePos pos, List<FieldDecl> fields) {
    }

    /** An alias or subtype (one member) or a union (several). */
    private record Definition(String name, SourcePos pos, List<TypeName> members, boolean subtype) {
    }

    /** A record type or ADT with its branches as written (a record type has one branch, named as the type). */
    private record CompoundDefinition(CompoundType type, List<BranchDecl> branches) {
    }

    /** What a name stands for once resolved: a primitive type, or a record type or ADT. */
    private record Meaning(ColumnType primitive, CompoundType compound) {
        ColumnType storage() {
            return compound != null ? ColumnType.RECORD : primitive;
        }
    }

    /** An ADT branch by its name: the type and the branch's index in it. */
    record BranchRef(CompoundType type, int index) {
    }

    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final Map<String, CompoundDefinition> compounds = new LinkedHashMap<>();
    private final Map<String, SourcePos> declaredAt = new HashMap<>();
    private final Map<String, Meaning> resolved = new HashMap<>();
    private final Map<String, BranchRef> branches = new HashMap<>();
    private final List<Diagnostic> errors;
    private final java.util.Set<String> reportedCompoundSubtypes = new java.util.HashSet<>();
    /** The subtype lattice's edges upward, made on first use (after every type is defined). */
    private Map<String, List<String>> parents;

    DeclaredTypes(List<Diagnostic> errors) {
        this.errors = errors;
    }

    /** Declares `name` as an alias of one type, or as the union of several. */
    void define(String name, SourcePos pos, List<TypeName> members) {
        if (declare(name, pos)) {
            definitions.put(name, new Definition(name, pos, List.copyOf(members), false));
        }
    }

    /** Declares `name <: parent`. */
    void defineSubtype(String name, SourcePos pos, TypeName parent) {
        if (declare(name, pos)) {
            definitions.put(name, new Definition(name, pos, List.of(parent), true));
        }
    }

    /** Declares a record type. */
    void defineRecord(String name, SourcePos pos, List<FieldDecl> fields) {
        if (declare(name, pos)) {
            compounds.put(name, new CompoundDefinition(new CompoundType(name, false),
                    List.of(new BranchDecl(name, pos, fields))));
        }
    }

    /** Declares an algebraic data type; branch names are global, as in Soufflé. */
    void defineAdt(String name, SourcePos pos, List<BranchDecl> branchList) {
        if (declare(name, pos)) {
            compounds.put(name, new CompoundDefinition(new CompoundType(name, true), List.copyOf(branchList)));
        }
    }

    private boolean declare(String name, SourcePos pos) {
        if (ColumnType.fromKeyword(name) != null) {
            errors.add(Diagnostic.error(pos, "type '" + name + "' is a built-in type and cannot be redefined"));
            return false;
        }
        SourcePos first = declaredAt.putIfAbsent(name, pos);
        if (first != null) {
            errors.add(Diagnostic.error(pos, "type '" + name + "' is already declared at " + first.lineSeenFrom(pos)));
            return false;
        }
        return true;
    }

    /** Resolves every type name, reporting unknown names, cycles and mixed unions. Call once, after all definitions. */
    void resolveAll() {
        compounds.forEach((name, definition) -> resolved.put(name, new Meaning(null, definition.type())));
        for (Definition definition : definitions.values()) {
            resolveDefinition(definition, new ArrayList<>());
        }
        for (CompoundDefinition definition : compounds.values()) {
            List<CompoundType.Branch> built = new ArrayList<>();
            Map<String, SourcePos> seen = new HashMap<>();
            for (BranchDecl branch : definition.branches()) {
                if (seen.putIfAbsent(branch.name(), branch.pos()) != null) {
                    errors.add(Diagnostic.error(branch.pos(), "branch '" + branch.name() + "' is declared twice in type '"
                            + definition.type().name() + "'"));
                    continue;
                }
                built.add(new CompoundType.Branch(branch.name(), fields(branch)));
            }
            definition.type().define(built);
        }
        for (CompoundDefinition definition : compounds.values()) {
            if (!definition.type().isAdt()) {
                continue;
            }
            for (BranchDecl branch : definition.branches()) {
                int index = definition.type().branchIndex(branch.name());
                BranchRef previous = branches.putIfAbsent(branch.name(), new BranchRef(definition.type(), index));
                if (previous != null && previous.type() != definition.type()) {
                    errors.add(Diagnostic.error(branch.pos(), "branch '" + branch.name() + "' is already a branch of type '"
                            + previous.type().name() + "'"));
                }
            }
        }
    }

    private List<CompoundType.Field> fields(BranchDecl branch) {
        List<CompoundType.Field> fields = new ArrayList<>();
        Map<String, Boolean> names = new HashMap<>();
        for (FieldDecl field : branch.fields()) {
            if (names.put(field.name(), true) != null) {
                errors.add(Diagnostic.error(field.pos(), "field '" + field.name() + "' is declared twice"));
            }
            Meaning meaning = resolved.get(field.type().name());
            if (meaning == null && ColumnType.fromKeyword(field.type().name()) != null) {
                meaning = new Meaning(ColumnType.fromKeyword(field.type().name()), null);
            }
            if (meaning == null) {
                if (!declaredAt.containsKey(field.type().name())) {
                    errors.add(Diagnostic.error(field.type().pos(), "unknown type '" + field.type().name() + "'"));
                }
                meaning = new Meaning(ColumnType.NUMBER, null);
            }
            fields.add(new CompoundType.Field(field.name(), meaning.storage(), meaning.compound()));
        }
        return fields;
    }

    /** Resolves an alias or union, following other aliases; `path` holds the definitions being resolved. */
    private Meaning resolveDefinition(Definition definition, List<Definition> path) {
        Meaning done = resolved.get(definition.name());
        if (done != null) {
            return done;
        }
        if (path.contains(definition)) {
            errors.add(Diagnostic.error(definition.pos(), "type '" + definition.name() + "' is defined in terms of itself"));
            return null;
        }
        path.add(definition);
        Meaning meaning = null;
        boolean broken = false;
        for (TypeName member : definition.members()) {
            Meaning memberMeaning = resolveName(member, path);
            if (memberMeaning == null) {
                broken = true;
                continue;
            }
            if (definition.subtype() && memberMeaning.compound() != null) {
                // reported once, though a broken definition is resolved again from every use
                if (reportedCompoundSubtypes.add(definition.name())) {
                    errors.add(Diagnostic.error(definition.pos(), "subtype '" + definition.name()
                            + "' cannot be derived from the " + (memberMeaning.compound().isAdt() ? "ADT" : "record")
                            + " type '" + member.name() + "', as in Soufflé; an alias can name it: .type "
                            + definition.name() + " = " + member.name()));
                }
                broken = true;
            } else if (definition.members().size() > 1 && memberMeaning.compound() != null) {
                errors.add(Diagnostic.error(member.pos(), "a union type cannot hold the record or ADT type '"
                        + member.name() + "'"));
                broken = true;
            } else if (meaning != null && !meaning.equals(memberMeaning)) {
                errors.add(Diagnostic.error(member.pos(), "union type '" + definition.name() + "' mixes "
                        + meaning.storage().keyword() + " and " + memberMeaning.storage().keyword() + " types"));
                broken = true;
            } else {
                meaning = memberMeaning;
            }
        }
        path.remove(path.size() - 1);
        if (broken || meaning == null) {
            return null;
        }
        resolved.put(definition.name(), meaning);
        return meaning;
    }

    private Meaning resolveName(TypeName name, List<Definition> path) {
        ColumnType primitive = ColumnType.fromKeyword(name.name());
        if (primitive != null) {
            return new Meaning(primitive, null);
        }
        Meaning known = resolved.get(name.name());
        if (known != null) {
            return known;
        }
        Definition next = definitions.get(name.name());
        if (next == null) {
            if (!declaredAt.containsKey(name.name())) {
                errors.add(Diagnostic.error(name.pos(), "unknown type '" + name.name() + "'"));
            }
            return null;
        }
        return resolveDefinition(next, path);
    }

    /** The storage type a type name stands for, or null when the name is unknown (or its definition is broken). */
    ColumnType resolve(String name) {
        ColumnType primitive = ColumnType.fromKeyword(name);
        if (primitive != null) {
            return primitive;
        }
        Meaning meaning = resolved.get(name);
        return meaning == null ? null : meaning.storage();
    }

    /** The record type or ADT a type name stands for, or null for other names. */
    CompoundType compound(String name) {
        Meaning meaning = resolved.get(name);
        return meaning == null ? null : meaning.compound();
    }

    /** The ADT branch of that name, or null. */
    BranchRef branch(String name) {
        return branches.get(name);
    }

    /** True for a name declared by a `.type`, even when its definition is broken. */
    boolean isDeclared(String name) {
        return declaredAt.containsKey(name);
    }

    /**
     * True if every value of type sub is one of type sup: the same type (aliases followed), sup an ancestor
     * of sub through subtypes (`A <: B`), or a union holding sub or an ancestor of it.
     */
    boolean isSubtypeOf(String sub, String sup) {
        String target = canonical(sup);
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(canonical(sub)));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String type = todo.pop();
            if (type.equals(target)) {
                return true;
            }
            if (!seen.add(type)) {
                continue;
            }
            todo.addAll(parents().getOrDefault(type, List.of()));
        }
        return false;
    }

    /** Per type (aliases followed), the types directly above it: its parent if a subtype, the unions holding it. */
    private Map<String, List<String>> parents() {
        if (parents == null) {
            parents = new HashMap<>();
            for (Definition definition : definitions.values()) {
                if (definition.subtype()) {
                    parents.computeIfAbsent(canonical(definition.name()), k -> new ArrayList<>())
                            .add(canonical(definition.members().get(0).name()));
                } else if (definition.members().size() > 1) {
                    for (TypeName member : definition.members()) {
                        parents.computeIfAbsent(canonical(member.name()), k -> new ArrayList<>()).add(definition.name());
                    }
                }
            }
        }
        return parents;
    }

    /** The type an alias (`.type A = B`, also a legacy declaration) finally names; the name itself otherwise. */
    private String canonical(String name) {
        String current = name;
        for (int hops = 0; hops <= definitions.size(); hops++) {
            Definition definition = definitions.get(current);
            if (definition == null || definition.subtype() || definition.members().size() != 1) {
                return current;
            }
            current = definition.members().get(0).name();
        }
        return current;
    }

    /** Where a `.type` declared the name first, or null if none did. */
    SourcePos declarationOf(String name) {
        return declaredAt.get(name);
    }
}
