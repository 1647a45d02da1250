// The type names of a program: the four primitive types and the aliases introduced by `.type T <: number`,
// `.type T = symbol`, `.number_type T` and `.symbol_type T`, each resolved to its primitive type.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.SourcePos;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class TypeAliases {
    private record Definition(String name, SourcePos pos, String target, SourcePos targetPos) {
    }

    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final Map<String, SourcePos> declaredAt = new HashMap<>();
    private final Map<String, ColumnType> resolved = new HashMap<>();
    private final List<Diagnostic> errors;

    TypeAliases(List<Diagnostic> errors) {
        this.errors = errors;
    }

    /** Declares `name` as an alias of `target` (a primitive type or another alias). */
    void define(String name, SourcePos pos, String target, SourcePos targetPos) {
        if (!declare(name, pos)) {
            return;
        }
        definitions.put(name, new Definition(name, pos, target, targetPos));
    }

    /** Declares a type that cannot be used (a union, record or ADT type), reporting why. */
    void reject(String name, SourcePos pos, String message) {
        declare(name, pos);
        errors.add(Diagnostic.error(pos, message));
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

    /** Resolves every alias, reporting unknown targets and cycles. Call once, after all definitions. */
    void resolveAll() {
        for (Definition definition : definitions.values()) {
            ColumnType type = ColumnType.fromKeyword(definition.target());
            Definition current = definition;
            int steps = 0;
            while (type == null) {
                Definition next = definitions.get(current.target());
                if (next == null) {
                    if (current == definition) {
                        errors.add(Diagnostic.error(definition.targetPos(), "unknown type '" + definition.target() + "'"));
                    }
                    break;
                }
                if (next == definition || ++steps > definitions.size()) {
                    errors.add(Diagnostic.error(definition.pos(), "type '" + definition.name() + "' is defined in terms of itself"));
                    break;
                }
                current = next;
                type = ColumnType.fromKeyword(current.target());
            }
            if (type != null) {
                resolved.put(definition.name(), type);
            }
        }
    }

    /** The primitive type a type name stands for, or null when the name is unknown (or its alias is broken). */
    ColumnType resolve(String name) {
        ColumnType primitive = ColumnType.fromKeyword(name);
        return primitive != null ? primitive : resolved.get(name);
    }

    /** True for a name declared by a `.type`, even when its definition is broken or unsupported. */
    boolean isDeclared(String name) {
        return declaredAt.containsKey(name);
    }
}
