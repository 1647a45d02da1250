// Removes the records a rule builds and takes apart without any relation, head or typed variable ever
// holding them, as in `r = [x, y], s = r, s = [v, w]`: such a record has no declared type to pack it
// with, and needs none. The variables that only alias each other and such records are dropped, and the
// fields of their records are equated instead (`x = v, y = w`), which is what the aliases meant. An
// inequality `s != [a, b]` with such an alias compares its record instead (`[x, y] != [a, b]`), which
// RecordInequalities then splits field by field.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.RecordTerm;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class LocalRecordAliases {
    /** Writes the equalities of two records' fields (nested records field by field) to out. */
    @FunctionalInterface
    interface FieldEquater {
        void equate(RecordTerm left, RecordTerm right, SourcePos pos, List<Literal> out);
    }

    private LocalRecordAliases() {
    }

    /**
     * The body without the top-level equalities of local record aliases, their records' fields equated
     * instead; the body itself when it has none. typed names the variables whose record type is known
     * (those are packed as usual).
     */
    static List<Literal> eliminate(List<Literal> body, Atom head, Set<String> typed, FieldEquater equater) {
        Map<String, Integer> occurrences = new HashMap<>();
        List<Literal> all = new ArrayList<>(body);
        all.add(head);
        for (Literal literal : all) {
            for (Term term : AstWalk.terms(literal)) {
                AstWalk.forEachVariable(term, v -> occurrences.merge(v.name(), 1, Integer::sum));
            }
        }
        // the variables standing alone on a side of a top-level equality with a variable or a record
        Map<String, Integer> aliasSides = new HashMap<>();
        for (Literal literal : body) {
            if (isAliasComparison(literal)) {
                Comparison c = (Comparison) literal;
                for (Term side : List.of(c.left(), c.right())) {
                    if (side instanceof Variable v) {
                        aliasSides.merge(v.name(), 1, Integer::sum);
                    }
                }
            }
        }
        Set<String> local = new HashSet<>();
        aliasSides.forEach((name, count) -> {
            if (count.equals(occurrences.get(name)) && !typed.contains(name)) {
                local.add(name);
            }
        });
        if (local.isEmpty()) {
            return body;
        }
        Map<String, String> parent = new HashMap<>();
        local.forEach(name -> parent.put(name, name));
        Set<String> tainted = new HashSet<>();
        for (Literal literal : body) {
            if (!isAliasComparison(literal)) {
                continue;
            }
            Comparison c = (Comparison) literal;
            if (c.op() == CompareOp.NE) {
                // `v != w` compares the records of two classes: only where both are local
                if (c.left() instanceof Variable a && c.right() instanceof Variable b
                        && local.contains(a.name()) != local.contains(b.name())) {
                    tainted.add(local.contains(a.name()) ? a.name() : b.name());
                }
                continue;
            }
            if (c.left() instanceof Variable a && c.right() instanceof Variable b) {
                boolean aLocal = local.contains(a.name());
                boolean bLocal = local.contains(b.name());
                if (aLocal && bLocal) {
                    parent.put(find(parent, a.name()), find(parent, b.name()));
                } else if (aLocal || bLocal) {
                    // an alias of a variable that something else binds: not local
                    tainted.add(aLocal ? a.name() : b.name());
                }
            }
        }
        Map<String, List<RecordTerm>> records = new HashMap<>();
        for (Literal literal : body) {
            if (!isAliasEquality(literal)) {
                continue;
            }
            Comparison c = (Comparison) literal;
            Variable v = c.left() instanceof Variable left ? left : (Variable) c.right();
            Term other = c.left() instanceof Variable ? c.right() : c.left();
            if (other instanceof RecordTerm record && local.contains(v.name())) {
                String root = find(parent, v.name());
                Set<String> inside = new HashSet<>();
                AstWalk.forEachVariable(record, inner -> inside.add(inner.name()));
                if (inside.stream().anyMatch(name -> local.contains(name) && find(parent, name).equals(root))) {
                    tainted.add(v.name());
                }
                records.computeIfAbsent(root, r -> new ArrayList<>()).add(record);
            }
        }
        Set<String> taintedRoots = new HashSet<>();
        tainted.forEach(name -> taintedRoots.add(find(parent, name)));
        Set<String> eliminated = new HashSet<>();
        for (String name : local) {
            String root = find(parent, name);
            if (records.containsKey(root) && !taintedRoots.contains(root)) {
                eliminated.add(name);
            }
        }
        if (eliminated.isEmpty()) {
            return body;
        }
        List<Literal> out = new ArrayList<>();
        Set<String> equatedRoots = new HashSet<>();
        for (Literal literal : body) {
            if (isAliasComparison(literal) && ((Comparison) literal).op() == CompareOp.NE
                    && touches((Comparison) literal, eliminated)) {
                // `v != [a, b]`: the record v stands for, compared field by field later (RecordInequalities)
                Comparison c = (Comparison) literal;
                out.add(new Comparison(CompareOp.NE, recordOf(c.left(), eliminated, parent, records),
                        recordOf(c.right(), eliminated, parent, records), c.pos()));
                continue;
            }
            if (!isAliasEquality(literal) || !touches((Comparison) literal, eliminated)) {
                out.add(literal);
                continue;
            }
            Comparison c = (Comparison) literal;
            Variable v = c.left() instanceof Variable left && eliminated.contains(left.name()) ? left : (Variable) c.right();
            String root = find(parent, v.name());
            if (equatedRoots.add(root)) {
                List<RecordTerm> terms = records.get(root);
                for (int i = 1; i < terms.size(); i++) {
                    equater.equate(terms.get(0), terms.get(i), terms.get(i).pos(), out);
                }
            }
        }
        return out;
    }

    /** An eliminated variable's record (its class's first), or the term itself. */
    private static Term recordOf(Term term, Set<String> eliminated, Map<String, String> parent,
                                 Map<String, List<RecordTerm>> records) {
        return term instanceof Variable v && eliminated.contains(v.name()) ? records.get(find(parent, v.name())).get(0) : term;
    }

    /** An alias equality, or a top-level `a != b` of the same shape. */
    private static boolean isAliasComparison(Literal literal) {
        return isAliasEquality(literal) || literal instanceof Comparison c && c.op() == CompareOp.NE
                && aliasSide(c.left()) && aliasSide(c.right())
                && (c.left() instanceof Variable || c.right() instanceof Variable);
    }

    /** A top-level `a = b` whose sides are variables or non-ADT records, one at least a variable. */
    private static boolean isAliasEquality(Literal literal) {
        return literal instanceof Comparison c && c.op() == CompareOp.EQ && aliasSide(c.left()) && aliasSide(c.right())
                && (c.left() instanceof Variable || c.right() instanceof Variable);
    }

    private static boolean aliasSide(Term term) {
        return term instanceof Variable || term instanceof RecordTerm record && !record.isAdt();
    }

    private static boolean touches(Comparison c, Set<String> names) {
        return c.left() instanceof Variable a && names.contains(a.name())
                || c.right() instanceof Variable b && names.contains(b.name());
    }

    private static String find(Map<String, String> parent, String name) {
        String root = name;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(name, root);
        return root;
    }
}
