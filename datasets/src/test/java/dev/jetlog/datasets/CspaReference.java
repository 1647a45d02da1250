// Test helper: a naive, rule-by-rule evaluator of cspa.dl used to check what the bundled example exercises.
package dev.jetlog.datasets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Evaluates the ten rules of {@code cspa.dl} naively to a fixpoint, with any subset of rules switched off. */
final class CspaReference {

    record Pair(int a, int b) {
    }

    /** The database: two inputs and three outputs. */
    static final class Db {
        final Set<Pair> assign;
        final Set<Pair> dereference;
        final Set<Pair> valueFlow = new HashSet<>();
        final Set<Pair> memoryAlias = new HashSet<>();
        final Set<Pair> valueAlias = new HashSet<>();

        Db(Set<Pair> assign, Set<Pair> dereference) {
            this.assign = assign;
            this.dereference = dereference;
        }

        Set<Pair> relation(String name) {
            switch (name) {
                case "valueFlow": return valueFlow;
                case "memoryAlias": return memoryAlias;
                case "valueAlias": return valueAlias;
                default: throw new IllegalArgumentException(name);
            }
        }

        List<Set<Pair>> outputs() {
            return List.of(valueFlow, memoryAlias, valueAlias);
        }
    }

    record Rule(String head, Function<Db, Set<Pair>> body) {
    }

    /** The rules of cspa.dl in source order. */
    static final List<Rule> RULES = List.of(
            new Rule("valueFlow", db -> map(db.assign, p -> new Pair(p.a, p.b))),
            new Rule("valueFlow", db -> map(db.assign, p -> new Pair(p.a, p.a))),
            new Rule("valueFlow", db -> map(db.assign, p -> new Pair(p.b, p.b))),
            new Rule("memoryAlias", db -> map(db.assign, p -> new Pair(p.b, p.b))),
            new Rule("memoryAlias", db -> map(db.assign, p -> new Pair(p.a, p.a))),
            new Rule("valueFlow", db -> compose(db.valueFlow, db.valueFlow)),
            new Rule("valueFlow", db -> compose(db.assign, db.memoryAlias)),
            new Rule("valueAlias", db -> compose(invert(db.valueFlow), db.valueFlow)),
            new Rule("valueAlias", db -> compose(compose(invert(db.valueFlow), db.memoryAlias), db.valueFlow)),
            new Rule("memoryAlias", db -> compose(compose(invert(db.dereference), db.valueAlias), db.dereference)));

    private CspaReference() {
    }

    /** Runs the rules whose index is not in {@code disabled} to a fixpoint. */
    static Db evaluate(Set<Pair> assign, Set<Pair> dereference, Set<Integer> disabled) {
        Db db = new Db(assign, dereference);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < RULES.size(); i++) {
                if (!disabled.contains(i)) {
                    Rule rule = RULES.get(i);
                    changed |= db.relation(rule.head()).addAll(rule.body().apply(db));
                }
            }
        }
        return db;
    }

    private static Set<Pair> map(Set<Pair> in, Function<Pair, Pair> f) {
        Set<Pair> out = new HashSet<>();
        for (Pair p : in) {
            out.add(f.apply(p));
        }
        return out;
    }

    private static Set<Pair> invert(Set<Pair> in) {
        return map(in, p -> new Pair(p.b, p.a));
    }

    /** {(x, y) | (x, z) in left, (z, y) in right}. */
    private static Set<Pair> compose(Set<Pair> left, Set<Pair> right) {
        Set<Pair> out = new HashSet<>();
        List<Pair> r = new ArrayList<>(right);
        for (Pair l : left) {
            for (Pair p : r) {
                if (l.b == p.a) {
                    out.add(new Pair(l.a, p.b));
                }
            }
        }
        return out;
    }
}
