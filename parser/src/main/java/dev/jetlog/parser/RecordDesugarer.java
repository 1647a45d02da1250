// Rewrites record terms `[a, b]` and ADT constructors `$B(a, b)` into record functors, before the semantic
// checks. Where the record's value is known (an atom argument, or `x = [a, b]` with x bound elsewhere), the
// record is unpacked: its fields become equalities `a = x.0, b = x.1` (which bind or filter), guarded by
// `x != nil` or by the ADT branch test. Everywhere else (heads, negations, expressions, `x = [a, b]` with x
// bound by nothing else) its fields are packed into a value. Each term's record type comes from its context:
// the declared column, the variable it is compared with, the field it sits in (also of a record in the head,
// `r([x, y]) :- ..., x = [a, b]`), or the ADT branch it names.
// Records that only local aliases hold (LocalRecordAliases) need no type: their fields are equated.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.BooleanLiteral;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.CompoundType;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.IntegerConstant;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.NilConstant;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RecordAccess;
import dev.jetlog.parser.ast.RecordTerm;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.UnaryExpr;
import dev.jetlog.parser.ast.Variable;
import dev.jetlog.parser.ast.Wildcard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class RecordDesugarer {
    private final Map<String, RelationDecl> relations;
    private final DeclaredTypes types;
    private final List<Diagnostic> errors;
    /** The record type of each variable of the rule being rewritten, where one is known. */
    private Map<String, CompoundType> variableTypes;
    /** The variables of the rule whose two record types were reported (once each). */
    private Set<String> reportedMismatches;
    private int fresh;
    /** Local record aliases are eliminated at most this many times over per rule. */
    private static final int MAX_ALIAS_ROUNDS = 16;

    private RecordDesugarer(Map<String, RelationDecl> relations, DeclaredTypes types, List<Diagnostic> errors) {
        this.relations = relations;
        this.types = types;
        this.errors = errors;
    }

    /** The program with every record term rewritten; errors are added to the list. */
    static Program desugar(Program program, DeclaredTypes types, List<Diagnostic> errors) {
        RecordDesugarer desugarer = new RecordDesugarer(program.relations(), types, errors);
        List<Rule> rules = new ArrayList<>();
        boolean changed = false;
        for (Rule rule : program.rules()) {
            List<Rule> rewritten = List.of(rule);
            if (containsRecord(rule)) {
                rewritten = desugarer.rewrite(rule);
            } else if (desugarer.usesRecordColumns(rule)) {
                desugarer.checkVariableTypes(rule);
            }
            changed |= rewritten.size() != 1 || rewritten.get(0) != rule;
            rules.addAll(rewritten);
        }
        return changed ? new Program(program.declarations(), program.functors(), program.directives(), rules) : program;
    }

    private static boolean containsRecord(Rule rule) {
        boolean[] found = {false};
        AstWalk.forEachLiteral(rule, literal -> {
            for (Term term : AstWalk.terms(literal)) {
                found[0] |= containsRecord(term);
            }
        });
        return found[0];
    }

    private static boolean containsRecord(Term term) {
        if (term instanceof RecordTerm) {
            return true;
        } else if (term instanceof BinaryExpr b) {
            return containsRecord(b.left()) || containsRecord(b.right());
        } else if (term instanceof UnaryExpr u) {
            return containsRecord(u.operand());
        } else if (term instanceof FunctorCall f) {
            return f.args().stream().anyMatch(RecordDesugarer::containsRecord);
        } else if (term instanceof Aggregate a) {
            return a.target() != null && containsRecord(a.target());
        }
        return false;
    }

    private boolean usesRecordColumns(Rule rule) {
        boolean[] found = {false};
        AstWalk.forEachLiteral(rule, literal -> {
            Atom atom = literal instanceof Negation n ? n.atom() : literal instanceof Atom a ? a : null;
            RelationDecl decl = atom == null ? null : declaration(atom);
            if (decl != null) {
                found[0] |= decl.attributes().stream().anyMatch(a -> a.compound() != null);
            }
        });
        return found[0];
    }

    /** Reports a variable that holds values of two record types (a rule without record terms). */
    private void checkVariableTypes(Rule rule) {
        variableTypes = new HashMap<>();
        reportedMismatches = new HashSet<>();
        collectTypes(rule.body(), rule.head());
    }

    /** The rule with its records rewritten: several rules where record inequalities split it, none where one never holds. */
    private List<Rule> rewrite(Rule rule) {
        variableTypes = new HashMap<>();
        reportedMismatches = new HashSet<>();
        fresh = 0;
        List<Literal> body = flatten(rule.body());
        collectTypes(body, rule.head());
        // equating a local alias's records may leave another alias (`[b, c] = x`, x = [1, 4]): repeat
        for (int round = 0; round < MAX_ALIAS_ROUNDS; round++) {
            List<Literal> withoutAliases = LocalRecordAliases.eliminate(body, rule.head(), variableTypes.keySet(),
                    this::equateFields);
            if (withoutAliases == body) {
                break;
            }
            body = withoutAliases;
            variableTypes = new HashMap<>();
            collectTypes(body, rule.head());
        }
        if (!RecordInequalities.applies(body)) {
            return List.of(finish(rule, body));
        }
        List<List<Literal>> bodies = RecordInequalities.expand(body);
        if (bodies == null) {
            error(rule.pos(), "the record inequalities of this rule split it into more than "
                    + RecordInequalities.MAX_BODIES + " rules; compare fewer fields");
            return List.of(rule);
        }
        List<Rule> rules = new ArrayList<>();
        for (List<Literal> alternative : bodies) {
            variableTypes = new HashMap<>();
            collectTypes(alternative, rule.head());
            rules.add(finish(rule, alternative));
        }
        return rules;
    }

    private void collectTypes(List<Literal> body, Atom head) {
        List<Literal> all = new ArrayList<>(body);
        all.add(head);
        collectTypes(all);
    }

    private Rule finish(Rule rule, List<Literal> body) {
        List<Literal> rewritten = rewriteBody(body, Set.of());
        Atom head = rule.head();
        return new Rule(new Atom(head.relation(), rewriteArgs(head), head.pos()), rewritten, rule.pos());
    }

    // ---------------------------------------------------------------- 1. record arguments of body atoms

    /** Each record argument of a positive atom becomes a fresh variable, equal to the record. */
    private List<Literal> flatten(List<Literal> body) {
        List<Literal> flat = new ArrayList<>();
        List<Literal> equalities = new ArrayList<>();
        for (Literal literal : body) {
            if (literal instanceof Atom atom) {
                RelationDecl decl = declaration(atom);
                List<Term> args = new ArrayList<>();
                for (int i = 0; i < atom.arity(); i++) {
                    Term arg = flattenAggregates(atom.args().get(i));
                    if (arg instanceof RecordTerm record) {
                        Variable variable = freshVariable(record.pos());
                        if (decl != null && decl.attributes().get(i).compound() != null) {
                            variableTypes.put(variable.name(), decl.attributes().get(i).compound());
                        } else if (decl != null) {
                            error(record.pos(), "a record or ADT value in column " + (i + 1) + " of "
                                    + atom.relation() + ", which holds " + decl.columnType(i).keyword() + " values");
                        }
                        equalities.add(new Comparison(CompareOp.EQ, variable, record, record.pos()));
                        arg = variable;
                    }
                    args.add(arg);
                }
                flat.add(new Atom(atom.relation(), args, atom.pos()));
            } else if (literal instanceof Comparison c && c.op() == CompareOp.EQ && c.left() instanceof RecordTerm left
                    && c.right() instanceof RecordTerm right) {
                equateFields(left, right, c.pos(), flat);
            } else if (literal instanceof Comparison c) {
                flat.add(new Comparison(c.op(), flattenAggregates(c.left()), flattenAggregates(c.right()), c.pos()));
            } else {
                flat.add(literal);
            }
        }
        flat.addAll(equalities);
        return flat;
    }

    /** `[a, b] = [c, d]` as `a = c, b = d` (nested pairs likewise); ADT values of two branches are never equal. */
    private void equateFields(RecordTerm left, RecordTerm right, SourcePos pos, List<Literal> out) {
        if (left.isAdt() != right.isAdt()) {
            error(pos, "a record and an ADT value are compared: " + left + " = " + right);
            return;
        }
        if (left.isAdt() && !left.branch().equals(right.branch())) {
            out.add(new BooleanLiteral(false, pos));
            return;
        }
        if (left.args().size() != right.args().size()) {
            error(pos, "records of different sizes are compared: " + left + " = " + right);
            return;
        }
        for (int i = 0; i < left.args().size(); i++) {
            Term a = left.args().get(i);
            Term b = right.args().get(i);
            if (a instanceof Wildcard || b instanceof Wildcard) {
                continue;
            }
            if (a instanceof RecordTerm ra && b instanceof RecordTerm rb) {
                equateFields(ra, rb, pos, out);
            } else {
                out.add(new Comparison(CompareOp.EQ, flattenAggregates(a), flattenAggregates(b), pos));
            }
        }
    }

    private Term flattenAggregates(Term term) {
        if (term instanceof Aggregate a) {
            return new Aggregate(a.kind(), a.target() == null ? null : flattenAggregates(a.target()), flatten(a.body()),
                    a.pos());
        } else if (term instanceof BinaryExpr b) {
            return new BinaryExpr(b.op(), flattenAggregates(b.left()), flattenAggregates(b.right()), b.pos());
        } else if (term instanceof UnaryExpr u) {
            return new UnaryExpr(u.op(), flattenAggregates(u.operand()), u.pos());
        }
        return term;
    }

    private Variable freshVariable(SourcePos pos) {
        return new Variable("record#" + ++fresh, pos);
    }

    private RelationDecl declaration(Atom atom) {
        RelationDecl decl = relations.get(atom.relation());
        return decl != null && decl.arity() == atom.arity() ? decl : null;
    }

    // ---------------------------------------------------------------- 2. record types of variables

    private void collectTypes(List<Literal> literals) {
        List<Comparison> equalities = new ArrayList<>();
        // record terms that are arguments of atoms not flattened (the head, negations), with their column's type
        Map<RecordTerm, CompoundType> typedRecords = new java.util.IdentityHashMap<>();
        for (Literal top : literals) {
            AstWalk.forEachLiteral(top, literal -> {
                Atom atom = literal instanceof Negation n ? n.atom() : literal instanceof Atom a ? a : null;
                RelationDecl decl = atom == null ? null : declaration(atom);
                if (decl != null) {
                    for (int i = 0; i < atom.arity(); i++) {
                        CompoundType compound = decl.attributes().get(i).compound();
                        if (compound != null && atom.args().get(i) instanceof Variable v) {
                            assignType(v, compound);
                        } else if (compound != null && atom.args().get(i) instanceof RecordTerm record) {
                            typedRecords.put(record, compound);
                        }
                    }
                }
                if (literal instanceof Comparison c && c.op() == CompareOp.EQ) {
                    equalities.add(c);
                }
            });
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<RecordTerm, CompoundType> record : typedRecords.entrySet()) {
                changed |= propagateFields(record.getKey(), record.getValue());
            }
            for (Comparison c : equalities) {
                changed |= propagate(c.left(), c.right()) | propagate(c.right(), c.left());
            }
        }
    }

    /** Gives a variable its record type; a second, different one is an error. */
    private boolean assignType(Variable v, CompoundType compound) {
        CompoundType known = variableTypes.putIfAbsent(v.name(), compound);
        if (known != null && known != compound) {
            if (!reportedMismatches.add(v.name())) {
                return false;
            }
            error(v.pos(), "variable '" + v.name() + "' holds a " + known.name() + " elsewhere in this rule, but a "
                    + compound.name() + " here");
            return false;
        }
        return known == null;
    }

    /** From `target = source`: the type of target, when source tells it, and the types of source's fields. */
    private boolean propagate(Term target, Term source) {
        CompoundType type = typeOf(source);
        boolean changed = false;
        if (type != null && target instanceof Variable v) {
            CompoundType known = variableTypes.get(v.name());
            if (known == null) {
                changed = assignType(v, type);
            } else if (known != type && reportedMismatches.add(v.name())) {
                error(v.pos(), "'" + v.name() + "' holds a " + known.name() + ", but is compared with a " + type.name());
            }
        }
        if (source instanceof RecordTerm record) {
            changed |= propagateFields(record, type != null ? type : typeOf(target));
        }
        return changed;
    }

    private boolean propagateFields(RecordTerm record, CompoundType type) {
        CompoundType.Branch branch = branchOf(record, type, false);
        if (branch == null) {
            return false;
        }
        boolean changed = false;
        for (int i = 0; i < record.args().size(); i++) {
            CompoundType field = branch.fields().get(i).compound();
            Term arg = record.args().get(i);
            if (field != null && arg instanceof Variable v && !variableTypes.containsKey(v.name())) {
                changed |= assignType(v, field);
            } else if (arg instanceof RecordTerm nested) {
                changed |= propagateFields(nested, field);
            }
        }
        return changed;
    }

    /** The record type a term is known to have, or null. */
    private CompoundType typeOf(Term term) {
        if (term instanceof Variable v) {
            return variableTypes.get(v.name());
        }
        if (term instanceof RecordTerm record && record.isAdt()) {
            DeclaredTypes.BranchRef branch = types.branch(record.branch());
            return branch == null ? null : branch.type();
        }
        return null;
    }

    /**
     * The branch a record term builds or matches: the ADT branch it names, or the record type its context
     * gives. Reports (when asked) a term whose type is unknown, of the wrong kind, or of the wrong arity.
     */
    private CompoundType.Branch branchOf(RecordTerm record, CompoundType expected, boolean report) {
        CompoundType type;
        int index;
        if (record.isAdt()) {
            DeclaredTypes.BranchRef branch = types.branch(record.branch());
            if (branch == null) {
                if (report) {
                    error(record.pos(), "unknown ADT branch '$" + record.branch() + "'");
                }
                return null;
            }
            if (expected != null && expected != branch.type()) {
                if (report) {
                    error(record.pos(), "'$" + record.branch() + "' is a branch of type " + branch.type().name()
                            + ", but a " + expected.name() + " is expected here");
                }
                return null;
            }
            type = branch.type();
            index = branch.index();
        } else {
            if (expected == null || expected.isAdt()) {
                if (report) {
                    error(record.pos(), expected == null
                            ? "the record type of " + record + " is not known here; use it where a record column or"
                            + " a record variable gives its type"
                            : "a record " + record + " where a value of ADT " + expected.name() + " is expected");
                }
                return null;
            }
            type = expected;
            index = 0;
        }
        CompoundType.Branch branch = type.branches().get(index);
        if (branch.arity() != record.args().size()) {
            if (report) {
                error(record.pos(), (record.isAdt() ? "branch '$" + branch.name() + "'" : "record type " + type.name())
                        + " has " + branch.arity() + " field" + (branch.arity() == 1 ? "" : "s") + ", given "
                        + record.args().size());
            }
            return null;
        }
        return branch;
    }

    // ---------------------------------------------------------------- 3. what is bound without an equality

    /**
     * The variables bound in a body: by positive atoms, by the enclosing rule (outer), and by equalities, which
     * bind a variable from a bound expression and the fields of a record from its bound value or the reverse.
     * The equality `skip` is left out.
     */
    private Set<String> grounded(List<Literal> body, Set<String> outer, Comparison skip) {
        Set<String> bound = new HashSet<>(outer);
        for (Literal literal : body) {
            if (literal instanceof Atom atom) {
                for (Term arg : atom.args()) {
                    if (arg instanceof Variable v) {
                        bound.add(v.name());
                    }
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Literal literal : body) {
                if (literal instanceof Comparison c && c.op() == CompareOp.EQ && c != skip) {
                    changed |= bindFrom(c.left(), c.right(), bound) | bindFrom(c.right(), c.left(), bound);
                }
            }
        }
        return bound;
    }

    private boolean bindFrom(Term target, Term source, Set<String> bound) {
        Set<String> sourceVariables = variables(source);
        boolean sourceBound = bound.containsAll(sourceVariables);
        if (target instanceof Variable v && sourceBound) {
            return bound.add(v.name());
        }
        if (target instanceof RecordTerm && sourceBound && !(source instanceof RecordTerm)) {
            return bound.addAll(variables(target));
        }
        return false;
    }

    private static Set<String> variables(Term term) {
        Set<String> names = new HashSet<>();
        AstWalk.forEachVariable(term, v -> names.add(v.name()));
        return names;
    }

    // ---------------------------------------------------------------- 4. packing and unpacking

    /** The body with its record terms rewritten; outer holds the variables the enclosing scopes bind. */
    private List<Literal> rewriteBody(List<Literal> body, Set<String> outer) {
        Set<String> grounded = grounded(body, outer, null);
        List<Literal> rewritten = new ArrayList<>();
        for (Literal literal : body) {
            if (literal instanceof Atom atom) {
                rewritten.add(new Atom(atom.relation(), rewriteArgs(atom), atom.pos()));
            } else if (literal instanceof Negation negation) {
                Atom atom = negation.atom();
                rewritten.add(new Negation(new Atom(atom.relation(), rewriteArgs(atom), atom.pos()), negation.pos()));
            } else if (literal instanceof Comparison c) {
                rewriteComparison(c, body, outer, grounded, rewritten);
            } else {
                rewritten.add(literal);
            }
        }
        return rewritten;
    }

    private List<Term> rewriteArgs(Atom atom) {
        RelationDecl decl = declaration(atom);
        List<Term> args = new ArrayList<>();
        for (int i = 0; i < atom.arity(); i++) {
            Term arg = atom.args().get(i);
            if (arg instanceof RecordTerm record && decl != null && decl.attributes().get(i).compound() == null) {
                error(record.pos(), "a record or ADT value in column " + (i + 1) + " of " + atom.relation()
                        + ", which holds " + decl.columnType(i).keyword() + " values");
                args.add(arg);
                continue;
            }
            args.add(expression(arg, decl == null ? null : decl.attributes().get(i).compound(), Set.of()));
        }
        return args;
    }

    private void rewriteComparison(Comparison c, List<Literal> body, Set<String> outer, Set<String> grounded,
                                   List<Literal> out) {
        Term left = c.left();
        Term right = c.right();
        if (c.op() == CompareOp.EQ && (left instanceof RecordTerm || right instanceof RecordTerm)) {
            RecordTerm record = (RecordTerm) (right instanceof RecordTerm ? right : left);
            Term other = record == right ? left : right;
            if (other instanceof RecordTerm) {
                error(c.pos(), "an equality between two record terms is not supported; compare a variable with each");
                return;
            }
            Set<String> boundElsewhere = grounded(body, outer, c);
            if (!(other instanceof NilConstant) && boundElsewhere.containsAll(variables(other))) {
                unpack(other, record, typeOf(other), out);
                return;
            }
            // the record's fields give the other side its value
            out.add(new Comparison(c.op(), expression(other, null, grounded),
                    pack(record, typeOf(other)), c.pos()));
            return;
        }
        CompoundType leftType = typeOf(left);
        CompoundType rightType = typeOf(right);
        out.add(new Comparison(c.op(), expression(left, rightType, grounded), expression(right, leftType, grounded),
                c.pos()));
    }

    /** The literals that match a bound value against a record term, binding or filtering its fields. */
    private void unpack(Term value, RecordTerm record, CompoundType expected, List<Literal> out) {
        CompoundType.Branch branch = branchOf(record, expected, true);
        if (branch == null) {
            return;
        }
        CompoundType type = record.isAdt() ? types.branch(record.branch()).type() : expected;
        int branchIndex = type.branches().indexOf(branch);
        Variable variable;
        if (value instanceof Variable v) {
            variable = v;
        } else {
            variable = freshVariable(record.pos());
            out.add(new Comparison(CompareOp.EQ, variable, expression(value, type, Set.of()), record.pos()));
        }
        if (type.isAdt()) {
            Term tag = FunctorCall.record(new RecordAccess(type, branchIndex, RecordAccess.TAG), List.of(variable),
                    record.pos());
            out.add(new Comparison(CompareOp.EQ, tag, new IntegerConstant(branchIndex, record.pos()), record.pos()));
        } else {
            out.add(new Comparison(CompareOp.NE, variable, new NilConstant(record.pos()), record.pos()));
        }
        for (int i = 0; i < record.args().size(); i++) {
            Term arg = record.args().get(i);
            if (arg instanceof Wildcard) {
                continue;
            }
            CompoundType.Field field = branch.fields().get(i);
            Term access = FunctorCall.record(new RecordAccess(type, branchIndex, i), List.of(variable), arg.pos());
            if (arg instanceof RecordTerm nested) {
                Variable inner = freshVariable(nested.pos());
                out.add(new Comparison(CompareOp.EQ, inner, access, nested.pos()));
                unpack(inner, nested, field.compound(), out);
            } else {
                if (arg instanceof Variable v && field.compound() != null) {
                    assignType(v, field.compound());
                }
                out.add(new Comparison(CompareOp.EQ, expression(arg, field.compound(), Set.of()), access, arg.pos()));
            }
        }
    }

    /** A record term's value built from its fields, which must all be bound. */
    private Term pack(RecordTerm record, CompoundType expected) {
        CompoundType.Branch branch = branchOf(record, expected, true);
        if (branch == null) {
            return new NilConstant(record.pos());
        }
        CompoundType type = record.isAdt() ? types.branch(record.branch()).type() : expected;
        List<Term> fields = new ArrayList<>();
        for (int i = 0; i < record.args().size(); i++) {
            Term arg = record.args().get(i);
            if (arg instanceof Wildcard) {
                error(arg.pos(), "'_' in a record or ADT value that is built here: each field needs a value");
                fields.add(new IntegerConstant(0, arg.pos()));
                continue;
            }
            fields.add(expression(arg, branch.fields().get(i).compound(), Set.of()));
        }
        return FunctorCall.record(new RecordAccess(type, type.branches().indexOf(branch), RecordAccess.PACK), fields,
                record.pos());
    }

    /** A term with every record term inside it packed; `expected` is the record type the term should have. */
    private Term expression(Term term, CompoundType expected, Set<String> grounded) {
        if (term instanceof RecordTerm record) {
            return pack(record, expected);
        } else if (term instanceof BinaryExpr b) {
            return new BinaryExpr(b.op(), expression(b.left(), null, grounded), expression(b.right(), null, grounded),
                    b.pos());
        } else if (term instanceof UnaryExpr u) {
            return new UnaryExpr(u.op(), expression(u.operand(), null, grounded), u.pos());
        } else if (term instanceof FunctorCall f && !f.isRecordAccess()) {
            return new FunctorCall(f.name(), f.args().stream().map(arg -> expression(arg, null, grounded)).toList(),
                    f.pos());
        } else if (term instanceof Aggregate a) {
            return new Aggregate(a.kind(), a.target() == null ? null : expression(a.target(), null, grounded),
                    rewriteBody(a.body(), grounded), a.pos());
        }
        return term;
    }

    private void error(SourcePos pos, String message) {
        errors.add(Diagnostic.error(pos, message));
    }
}
