// A record type (`.type P = [x: number, y: P]`) or an algebraic data type (`.type E = A {x: number} | B {}`):
// its branches (a record type has one, named as the type) and their typed fields. Values of both kinds are
// stored as ids of the session's record table: a record as its fields, an ADT value as its branch index
// followed by the branch's fields. Types may refer to themselves, so fields are set once after construction.
package dev.jetlog.parser.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

public final class CompoundType {
    /** One field: its name, storage type, and its record or ADT type when it is one (else null). */
    public record Field(String name, ColumnType type, CompoundType compound) {
    }

    /** One branch of an ADT (or the single branch of a record type). */
    public record Branch(String name, List<Field> fields) {
        public Branch {
            fields = List.copyOf(fields);
        }

        public int arity() {
            return fields.size();
        }
    }

    private final String name;
    private final boolean adt;
    private List<Branch> branches;

    public CompoundType(String name, boolean adt) {
        this.name = Objects.requireNonNull(name);
        this.adt = adt;
    }

    /** Sets the branches, once; ADT branches are ordered by name, as Soufflé numbers them. */
    public void define(List<Branch> definition) {
        if (branches != null) {
            throw new IllegalStateException("type " + name + " is already defined");
        }
        List<Branch> ordered = new ArrayList<>(definition);
        if (adt) {
            ordered.sort(java.util.Comparator.comparing(Branch::name));
        }
        branches = List.copyOf(ordered);
    }

    public String name() {
        return name;
    }

    /** True for an algebraic data type, false for a record type. */
    public boolean isAdt() {
        return adt;
    }

    public List<Branch> branches() {
        if (branches == null) {
            throw new IllegalStateException("type " + name + " is not defined yet");
        }
        return branches;
    }

    /** The index of the branch of that name, or -1. */
    public int branchIndex(String branchName) {
        List<Branch> all = branches();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(branchName)) {
                return i;
            }
        }
        return -1;
    }

    /** The fields of a record type (its only branch). */
    public List<Field> fields() {
        return branches().get(0).fields();
    }

    /** The index, within a stored value, of a branch's field: ADT values store the branch index first. */
    public int storedIndex(int field) {
        return adt ? field + 1 : field;
    }

    @Override
    public String toString() {
        return name;
    }
}
