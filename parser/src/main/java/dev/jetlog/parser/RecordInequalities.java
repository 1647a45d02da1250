// Splits `[a, b] != [c, d]` between two record terms of a rule's body into one body per pair of fields
// that may differ (`a != c` in one, `b != d` in the other; nested records field by field), as Soufflé
// compares records no declared type holds. Records of different shapes (sizes, ADT branches), or with a
// wildcard field, always differ: the comparison is dropped. Records without fields never differ: no body
// is left. `_ = [a, b]` holds for every record and is dropped too.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.RecordTerm;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Wildcard;

import java.util.ArrayList;
import java.util.List;

final class RecordInequalities {
    /** At most this many bodies come out of one rule; beyond, the rule is an error. */
    static final int MAX_BODIES = 4096;

    private RecordInequalities() {
    }

    /** True if the body has a comparison this class rewrites. */
    static boolean applies(List<Literal> body) {
        return body.stream().anyMatch(literal -> isRecordInequality(literal) || isWildcardEquality(literal));
    }

    /**
     * The bodies that together mean the given one (none if it can never hold), or null if there would be more
     * than MAX_BODIES.
     */
    static List<List<Literal>> expand(List<Literal> body) {
        List<List<Literal>> bodies = new ArrayList<>();
        bodies.add(new ArrayList<>());
        for (Literal literal : body) {
            if (isWildcardEquality(literal)) {
                continue;
            }
            if (!isRecordInequality(literal)) {
                bodies.forEach(b -> b.add(literal));
                continue;
            }
            Comparison c = (Comparison) literal;
            List<Comparison> choices = new ArrayList<>();
            if (!differingFields((RecordTerm) c.left(), (RecordTerm) c.right(), c.pos(), choices)) {
                continue; // always different
            }
            if ((long) bodies.size() * choices.size() > MAX_BODIES) {
                return null;
            }
            List<List<Literal>> next = new ArrayList<>();
            for (List<Literal> b : bodies) {
                for (Comparison choice : choices) {
                    List<Literal> extended = new ArrayList<>(b);
                    extended.add(choice);
                    next.add(extended);
                }
            }
            bodies = next;
        }
        return bodies;
    }

    /**
     * Adds to out one inequality per pair of fields that may differ, and returns true; returns false where the
     * records always differ (shapes, branches, a wildcard field).
     */
    private static boolean differingFields(RecordTerm left, RecordTerm right, SourcePos pos, List<Comparison> out) {
        if (left.isAdt() != right.isAdt() || left.isAdt() && !left.branch().equals(right.branch())
                || left.args().size() != right.args().size()) {
            return false;
        }
        for (int i = 0; i < left.args().size(); i++) {
            Term a = left.args().get(i);
            Term b = right.args().get(i);
            if (a instanceof Wildcard || b instanceof Wildcard) {
                return false;
            }
            if (a instanceof RecordTerm ra && b instanceof RecordTerm rb) {
                if (!differingFields(ra, rb, pos, out)) {
                    return false;
                }
            } else {
                out.add(new Comparison(CompareOp.NE, a, b, pos));
            }
        }
        return true;
    }

    private static boolean isRecordInequality(Literal literal) {
        return literal instanceof Comparison c && c.op() == CompareOp.NE && c.left() instanceof RecordTerm
                && c.right() instanceof RecordTerm;
    }

    private static boolean isWildcardEquality(Literal literal) {
        return literal instanceof Comparison c && c.op() == CompareOp.EQ
                && (c.left() instanceof Wildcard && c.right() instanceof RecordTerm
                || c.right() instanceof Wildcard && c.left() instanceof RecordTerm);
    }
}
