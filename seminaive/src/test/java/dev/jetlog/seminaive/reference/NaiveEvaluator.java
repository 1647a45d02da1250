// Reference evaluator for differential tests: naive bottom-up Datalog evaluation straight from the checked AST.
package dev.jetlog.seminaive.reference;

import dev.jetlog.parser.CheckedProgram;
import dev.jetlog.parser.EquivalenceRelations;
import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.AggregateKind;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.BinaryOp;
import dev.jetlog.parser.ast.BooleanLiteral;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.FloatConstant;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.IntegerConstant;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.NilConstant;
import dev.jetlog.parser.ast.RecordAccess;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.StringConstant;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.UnaryExpr;
import dev.jetlog.parser.ast.Variable;
import dev.jetlog.parser.ast.Wildcard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates a program the slow, obvious way, independently of the planner and the engine:
 * <ol>
 * <li>Stratify: raise a head's stratum number to at least that of each relation its body reads, and
 *     above that of each relation it negates or aggregates over, until nothing changes.</li>
 * <li>Per stratum, evaluate every rule against the full relations, over and over, until no relation grows.</li>
 * <li>A rule is evaluated by backtracking over its body with a map of variable bindings: a comparison,
 *     negation, aggregate or atom argument that reads unbound variables waits until they are bound;
 *     otherwise the first remaining positive atom (in textual order) is matched against every tuple.</li>
 * </ol>
 * Two shortcuts keep it affordable without changing results: a lookup cache narrows an atom's tuples to
 * those equal on the columns already known (matching still checks every column), and of the tuples an
 * atom matches, only one per distinct values of what the rest of the rule reads (its newly bound
 * variables that later goals or the head read) goes on; others would repeat the same head tuples.
 * Semantics: sets of 32-bit tuples; integer division or remainder by zero make the rule instance produce
 * nothing; count and sum of no tuples are 0, min and max of no tuples produce nothing. An aggregate
 * body must be one positive atom plus comparisons.
 * <p>An eqrel relation r arrives desugared: r holds its pairs, the hidden r@class (which no rule derives)
 * maps each value to its class, and r@closure, every pair of each class, is what r reads as. Here r@class
 * sits in r's stratum and is recomputed from all of r's pairs after every round: each value's class is the
 * smallest value it is connected to, found by relaxing labels over the pairs until none changes.
 */
public final class NaiveEvaluator {
    private final CheckedProgram checked;
    private final Map<String, RelationDecl> decls;
    private final Map<String, Set<Row>> relations = new HashMap<>();
    private final Scalars scalars = new Scalars();
    /** Per aggregate: the variables the rule injects into it (bound from outside; see injected). */
    private final IdentityHashMap<Aggregate, Set<String>> correlated = new IdentityHashMap<>();
    private final Map<String, Integer> env = new HashMap<>();
    /** The variables each term reads (see variablesOf), computed once per AST node. */
    private final IdentityHashMap<Term, Set<String>> variables = new IdentityHashMap<>();
    /**
     * A cache only, to keep joins affordable: per relation and list of columns, its tuples by their bits
     * in those columns. Dropped whenever the relation grows. Matching re-checks every column anyway.
     */
    private final Map<String, Map<List<Integer>, Map<List<Integer>, List<Row>>>> indexes = new HashMap<>();

    /** A tuple: one int of bits per column. */
    private record Row(int[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Row row && Arrays.equals(values, row.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    /** A pending goal `value of column = term`, for an atom argument that could not be evaluated when matched. */
    private record ColumnEquals(Term term, ColumnType type, int value) {
    }

    private NaiveEvaluator(CheckedProgram checked) {
        this.checked = checked;
        this.decls = checked.program().relations();
        decls.keySet().forEach(name -> relations.put(name, new LinkedHashSet<>()));
        for (Rule rule : checked.asWritten().rules()) {
            List<Aggregate> aggregates = new ArrayList<>();
            rule.head().args().forEach(arg -> collectAggregates(arg, aggregates));
            rule.body().forEach(literal -> termsOf(literal).forEach(term -> collectAggregates(term, aggregates)));
            for (Aggregate aggregate : aggregates) {
                correlated.put(aggregate, injected(rule, aggregate));
            }
        }
    }

    /**
     * Soufflé's scoping: the variables of an aggregate that the rule grounds outside it (other aggregates
     * counting as grounded values, this one not) are injected into it, except those of its target
     * expression; every other variable of the aggregate is its own, whatever the rule calls that name.
     */
    private static Set<String> injected(Rule rule, Aggregate aggregate) {
        Set<String> grounded = new HashSet<>();
        for (Literal literal : rule.body()) {
            if (literal instanceof Atom atom) {
                atom.args().stream().filter(arg -> arg instanceof Variable)
                        .forEach(arg -> grounded.add(((Variable) arg).name()));
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Literal literal : rule.body()) {
                if (literal instanceof Comparison c && c.op() == CompareOp.EQ) {
                    for (Term[] sides : new Term[][] {{c.left(), c.right()}, {c.right(), c.left()}}) {
                        if (sides[0] instanceof Variable v && !grounded.contains(v.name())
                                && groundedValue(sides[1], aggregate, grounded)) {
                            grounded.add(v.name());
                            changed = true;
                        }
                    }
                }
            }
        }
        Set<String> inside = new HashSet<>();
        collectVariables(aggregate, inside, null);
        inside.retainAll(grounded);
        if (aggregate.target() != null) {
            Set<String> target = new HashSet<>();
            collectVariables(aggregate.target(), target, null);
            inside.removeAll(target);
        }
        return inside;
    }

    private static boolean groundedValue(Term term, Aggregate asking, Set<String> grounded) {
        if (term instanceof Variable variable) {
            return grounded.contains(variable.name());
        } else if (term instanceof BinaryExpr binary) {
            return groundedValue(binary.left(), asking, grounded) && groundedValue(binary.right(), asking, grounded);
        } else if (term instanceof UnaryExpr negate) {
            return groundedValue(negate.operand(), asking, grounded);
        } else if (term instanceof FunctorCall call) {
            return call.args().stream().allMatch(arg -> groundedValue(arg, asking, grounded));
        }
        return term != asking;
    }

    /**
     * Evaluates a program on the given input facts (values as Session.insertTuple takes them) and returns
     * every declared relation's tuples rendered as the engine's Tuple.toString does, sorted.
     */
    public static Map<String, List<String>> evaluate(CheckedProgram program, Map<String, List<Object[]>> facts) {
        return evaluateWithBound(program, facts).relations();
    }

    /**
     * The relations, and an upper bound on the candidate tuples a semi-naive engine that never lets an
     * unread column multiply its rows may derive, summed over the rules. A rule read once (no body atom
     * in the head's stratum) derives at most one candidate per distinct assignment of its variables
     * (outside aggregates) that satisfies its body over the final relations. A recursive rule has one
     * version per body atom in the head's stratum, which reads that atom's delta; as each tuple is new
     * in one iteration only, the version derives at most one candidate per distinct assignment together
     * with the tuple that atom matched (its `_` columns included).
     */
    public static Reference evaluateWithBound(CheckedProgram program, Map<String, List<Object[]>> facts) {
        NaiveEvaluator evaluator = new NaiveEvaluator(program);
        facts.forEach(evaluator::insert);
        Map<String, Integer> strata = evaluator.run();
        return new Reference(evaluator.results(), evaluator.candidateBound(strata));
    }

    /** What the reference computes: every relation's rows, and the bound of evaluateWithBound. */
    public record Reference(Map<String, List<String>> relations, long candidateBound) {
    }

    private long candidateBound(Map<String, Integer> strata) {
        long bound = 0;
        for (Rule rule : checked.asWritten().rules()) {
            List<Integer> versions = new ArrayList<>();
            for (int i = 0; i < rule.body().size(); i++) {
                if (rule.body().get(i) instanceof Atom atom
                        && strata.get(atom.relation()).equals(strata.get(rule.head().relation()))) {
                    versions.add(i);
                }
            }
            if (versions.isEmpty()) {
                bound = saturatedAdd(bound, assignments(rule.body()));
            }
            for (int i : versions) {
                // name the `_` columns of the delta atom, so that assignments tell its tuples apart
                Atom atom = (Atom) rule.body().get(i);
                List<Term> args = new ArrayList<>();
                for (Term arg : atom.args()) {
                    args.add(arg instanceof Wildcard w ? new Variable("@column" + args.size(), w.pos()) : arg);
                }
                List<Literal> body = new ArrayList<>(rule.body());
                body.set(i, new Atom(atom.relation(), args, atom.pos()));
                bound = saturatedAdd(bound, assignments(body));
            }
        }
        return bound;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * The number of distinct assignments of the variables outside aggregates that satisfy the body, or
     * Long.MAX_VALUE (no bound) when there are more than MAX_ASSIGNMENTS: counting them all would cost more
     * than the program is worth.
     */
    private long assignments(List<Literal> body) {
        Set<String> names = new java.util.TreeSet<>();
        for (Literal literal : body) {
            termsOf(literal).forEach(term -> collectOuterVariables(term, names));
        }
        Set<List<Integer>> assignments = new HashSet<>();
        try {
            solve(new ArrayList<>(body), names, () -> {
                List<Integer> values = new ArrayList<>();
                names.forEach(name -> values.add(env.get(name)));
                assignments.add(values);
                if (assignments.size() > MAX_ASSIGNMENTS) {
                    throw new TooManyAssignments();
                }
            });
        } catch (TooManyAssignments e) {
            env.clear();
            return Long.MAX_VALUE;
        }
        return assignments.size();
    }

    /** Beyond this many assignments of one rule, the candidate bound is not computed. */
    private static final int MAX_ASSIGNMENTS = 200_000;

    private static final class TooManyAssignments extends RuntimeException {
        TooManyAssignments() {
            super(null, null, false, false);
        }
    }

    private static void collectOuterVariables(Term term, Set<String> names) {
        if (term instanceof Variable variable) {
            names.add(variable.name());
        } else if (term instanceof BinaryExpr binary) {
            collectOuterVariables(binary.left(), names);
            collectOuterVariables(binary.right(), names);
        } else if (term instanceof UnaryExpr negate) {
            collectOuterVariables(negate.operand(), names);
        } else if (term instanceof FunctorCall call) {
            call.args().forEach(arg -> collectOuterVariables(arg, names));
        }
    }

    private void insert(String relation, List<Object[]> rows) {
        RelationDecl decl = decls.get(relation);
        if (decl == null) {
            throw new IllegalArgumentException("no relation " + relation);
        }
        for (Object[] values : rows) {
            if (values.length != decl.arity()) {
                throw new IllegalArgumentException(relation + " has arity " + decl.arity() + ": " + Arrays.toString(values));
            }
            int[] bits = new int[values.length];
            for (int c = 0; c < bits.length; c++) {
                bits[c] = scalars.encode(decl.columnType(c), values[c]);
            }
            relations.get(relation).add(new Row(bits));
        }
    }

    private Map<String, List<String>> results() {
        Map<String, List<String>> result = new TreeMap<>();
        for (RelationDecl decl : decls.values()) {
            if (decl.name().contains("@")) {
                continue; // hidden: no user reads it
            }
            String closure = EquivalenceRelations.closureRelation(decl.name());
            List<String> lines = new ArrayList<>();
            for (Row row : relations.get(decls.containsKey(closure) ? closure : decl.name())) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < row.values.length; c++) {
                    line.append(c == 0 ? "" : "\t").append(scalars.render(decl.columnType(c),
                            decl.attributes().get(c).compound(), row.values[c]));
                }
                lines.add(line.toString());
            }
            lines.sort(null);
            result.put(decl.name(), lines);
        }
        return result;
    }

    // ---- stratification and the fixpoint ---------------------------------------------------------

    /** Evaluates every stratum; returns the stratum of each relation. */
    private Map<String, Integer> run() {
        Map<String, Integer> stratum = stratify();
        int top = stratum.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int s = 0; s <= top; s++) {
            List<Rule> rules = new ArrayList<>();
            for (Rule rule : checked.asWritten().rules()) {
                if (stratum.get(rule.head().relation()) == s) {
                    rules.add(rule);
                }
            }
            List<String> classRelations = new ArrayList<>();
            for (String relation : decls.keySet()) {
                if (EquivalenceRelations.ofClassRelation(relation) != null && stratum.get(relation) == s) {
                    classRelations.add(relation);
                }
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (String classRelation : classRelations) {
                    changed |= recomputeClasses(classRelation);
                }
                for (Rule rule : rules) {
                    Set<Row> derived = new HashSet<>();
                    Set<String> headVariables = new HashSet<>();
                    rule.head().args().forEach(arg -> headVariables.addAll(variablesOf(arg)));
                    solve(new ArrayList<>(rule.body()), headVariables, () -> {
                        Row head = evaluateAll(rule.head().args());
                        if (head != null) {
                            derived.add(head);
                        }
                    });
                    if (relations.get(rule.head().relation()).addAll(derived)) {
                        indexes.remove(rule.head().relation());
                        changed = true;
                    }
                }
            }
        }
        return stratum;
    }

    /** Sets the class relation to each value's smallest connected value over the eqrel's pairs; true if it changed. */
    private boolean recomputeClasses(String classRelation) {
        Set<Row> pairs = relations.get(EquivalenceRelations.ofClassRelation(classRelation));
        Map<Integer, Integer> label = new HashMap<>();
        for (Row pair : pairs) {
            label.put(pair.values[0], pair.values[0]);
            label.put(pair.values[1], pair.values[1]);
        }
        boolean relaxed = true;
        while (relaxed) {
            relaxed = false;
            for (Row pair : pairs) {
                int smaller = Math.min(label.get(pair.values[0]), label.get(pair.values[1]));
                for (int value : pair.values) {
                    if (label.get(value) > smaller) {
                        label.put(value, smaller);
                        relaxed = true;
                    }
                }
            }
        }
        Set<Row> classes = new LinkedHashSet<>();
        label.forEach((value, smallest) -> classes.add(new Row(new int[] {value, smallest})));
        if (classes.equals(relations.get(classRelation))) {
            return false;
        }
        relations.put(classRelation, classes);
        indexes.remove(classRelation);
        return true;
    }

    private Map<String, Integer> stratify() {
        Map<String, Integer> stratum = new HashMap<>();
        decls.keySet().forEach(name -> stratum.put(name, 0));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String relation : decls.keySet()) {
                String pairs = EquivalenceRelations.ofClassRelation(relation);
                if (pairs != null && stratum.get(pairs) > stratum.get(relation)) {
                    stratum.put(relation, stratum.get(pairs));
                    changed = true;
                }
            }
            for (Rule rule : checked.asWritten().rules()) {
                String head = rule.head().relation();
                List<Atom> positive = new ArrayList<>();
                List<Atom> strict = new ArrayList<>();
                rule.head().args().forEach(arg -> aggregatedAtoms(arg, strict));
                for (Literal literal : rule.body()) {
                    if (literal instanceof Atom atom) {
                        positive.add(atom);
                    } else if (literal instanceof Negation negation) {
                        strict.add(negation.atom());
                    }
                    termsOf(literal).forEach(term -> aggregatedAtoms(term, strict));
                }
                int need = 0;
                for (Atom atom : positive) {
                    need = Math.max(need, stratum.get(atom.relation()));
                }
                for (Atom atom : strict) {
                    need = Math.max(need, stratum.get(atom.relation()) + 1);
                }
                if (need > stratum.get(head)) {
                    if (need > decls.size()) {
                        throw new IllegalArgumentException("not stratifiable: " + head
                                + " depends on itself through negation or an aggregate");
                    }
                    stratum.put(head, need);
                    changed = true;
                }
            }
        }
        return stratum;
    }

    // ---- rule bodies -----------------------------------------------------------------------------

    /**
     * Calls onSolution for every way of satisfying every goal (literals and ColumnEquals), with the
     * bindings in env; env is restored on return. Ways that differ only in variables that neither the
     * goals nor the outputs read are reported once.
     */
    private void solve(List<Object> goals, Set<String> outputs, Runnable onSolution) {
        if (goals.isEmpty()) {
            onSolution.run();
            return;
        }
        for (int i = 0; i < goals.size(); i++) {
            Object goal = goals.get(i);
            if (!(goal instanceof Atom) && isReady(goal)) {
                List<Object> rest = new ArrayList<>(goals);
                rest.remove(i);
                check(goal, rest, outputs, onSolution);
                return;
            }
        }
        for (int i = 0; i < goals.size(); i++) {
            if (goals.get(i) instanceof Atom atom) {
                List<Object> rest = new ArrayList<>(goals);
                rest.remove(i);
                Set<String> visible = new HashSet<>(outputs);
                rest.forEach(goal -> visible.addAll(variablesOfGoal(goal)));
                for (Term arg : atom.args()) {
                    if (!(arg instanceof Variable)) { // an expression argument may become a ColumnEquals goal
                        visible.addAll(variablesOf(arg));
                    }
                }
                Set<List<Integer>> seen = new HashSet<>();
                for (Row row : candidates(atom)) {
                    List<String> bound = new ArrayList<>();
                    List<Object> next = new ArrayList<>(rest);
                    if (matchRow(atom, row, bound, next) && seen.add(visibleValues(bound, visible, next, rest.size()))) {
                        solve(next, outputs, onSolution);
                    }
                    bound.forEach(env::remove);
                }
                return;
            }
        }
        throw new IllegalStateException("cannot evaluate " + goals + ": it reads variables that nothing binds");
    }

    /**
     * The tuples of the atom's relation that can match it: all of them, narrowed by an index lookup on
     * the columns whose argument already has a value.
     */
    private Iterable<Row> candidates(Atom atom) {
        RelationDecl decl = decls.get(atom.relation());
        List<Integer> columns = new ArrayList<>();
        List<Integer> key = new ArrayList<>();
        for (int c = 0; c < atom.arity(); c++) {
            Term arg = atom.args().get(c);
            boolean known = !(arg instanceof Wildcard) && env.keySet().containsAll(variablesOf(arg));
            if (known) {
                Integer value = evaluate(arg);
                if (value == null) {
                    return List.of();
                }
                columns.add(c);
                key.add(indexKey(decl.columnType(c), value));
            }
        }
        if (columns.isEmpty()) {
            return relations.get(atom.relation());
        }
        Map<List<Integer>, List<Row>> index = indexes.computeIfAbsent(atom.relation(), r -> new HashMap<>())
                .computeIfAbsent(columns, cols -> {
                    Map<List<Integer>, List<Row>> byKey = new HashMap<>();
                    for (Row row : relations.get(atom.relation())) {
                        List<Integer> rowKey = new ArrayList<>();
                        cols.forEach(c -> rowKey.add(indexKey(decl.columnType(c), row.values[c])));
                        byKey.computeIfAbsent(rowKey, k -> new ArrayList<>()).add(row);
                    }
                    return byKey;
                });
        return index.getOrDefault(key, List.of());
    }

    /** Bits that are equal for values that compare equal: the bits, but one key for both float zeros. */
    private static int indexKey(ColumnType type, int bits) {
        return type == ColumnType.FLOAT && Float.intBitsToFloat(bits) == 0 ? 0 : bits;
    }

    /**
     * Binds the atom's unbound variables to the row (adding their names to bound; the caller removes them
     * from env) and checks the columns whose argument has a value. An argument that reads variables not
     * bound yet becomes a ColumnEquals goal. Returns whether the row matches so far.
     */
    private boolean matchRow(Atom atom, Row row, List<String> bound, List<Object> goals) {
        RelationDecl decl = decls.get(atom.relation());
        boolean matches = true;
        for (int c = 0; c < atom.arity() && matches; c++) {
            Term arg = atom.args().get(c);
            int value = row.values[c];
            if (arg instanceof Wildcard) {
                continue;
            }
            if (arg instanceof Variable variable && !env.containsKey(variable.name())) {
                env.put(variable.name(), value);
                bound.add(variable.name());
            } else if (env.keySet().containsAll(variablesOf(arg))) {
                Integer expected = evaluate(arg);
                matches = expected != null && value == expected; // an atom's column matches by its bits
            } else {
                goals.add(new ColumnEquals(arg, decl.columnType(c), value));
            }
        }
        return matches;
    }

    /**
     * What the rest of the rule can see of a matched row: the values of the newly bound variables it
     * reads, and the values pending in new ColumnEquals goals (those after the first `from` goals).
     */
    private List<Integer> visibleValues(List<String> bound, Set<String> visible, List<Object> goals, int from) {
        List<Integer> values = new ArrayList<>();
        for (String name : bound) {
            values.add(visible.contains(name) ? env.get(name) : null);
        }
        for (Object goal : goals.subList(from, goals.size())) {
            values.add(((ColumnEquals) goal).value());
        }
        return values;
    }

    /** A non-atom goal is ready when every variable it reads is bound, or it is `X = e` that can bind X. */
    private boolean isReady(Object goal) {
        if (goal instanceof Comparison c && c.op() == CompareOp.EQ
                && (bindable(c.left(), c.right()) || bindable(c.right(), c.left()))) {
            return true;
        }
        if (goal instanceof ColumnEquals column) {
            return env.keySet().containsAll(variablesOf(column.term()));
        }
        for (Term term : termsOf((Literal) goal)) {
            if (!env.keySet().containsAll(variablesOf(term))) {
                return false;
            }
        }
        return true;
    }

    private boolean bindable(Term target, Term source) {
        return target instanceof Variable v && !env.containsKey(v.name()) && env.keySet().containsAll(variablesOf(source));
    }

    /** Evaluates a ready goal and, if it holds, solves the rest. */
    private void check(Object goal, List<Object> rest, Set<String> outputs, Runnable onSolution) {
        if (goal instanceof BooleanLiteral bool) {
            if (bool.value()) {
                solve(rest, outputs, onSolution);
            }
        } else if (goal instanceof ColumnEquals column) {
            Integer value = evaluate(column.term());
            if (value != null && column.value() == value) {
                solve(rest, outputs, onSolution);
            }
        } else if (goal instanceof Negation negation) {
            Row probe = evaluateAll(negation.atom().args());
            if (probe != null && !anyMatch(negation.atom(), probe)) {
                solve(rest, outputs, onSolution);
            }
        } else {
            Comparison comparison = (Comparison) goal;
            if (comparison.right() instanceof FunctorCall call && call.isRange()
                    || comparison.left() instanceof FunctorCall other && other.isRange()) {
                generate(comparison, rest, outputs, onSolution);
                return;
            }
            Term target = bindable(comparison.left(), comparison.right()) ? comparison.left()
                    : bindable(comparison.right(), comparison.left()) ? comparison.right() : null;
            if (target != null) {
                Integer value = evaluate(target == comparison.left() ? comparison.right() : comparison.left());
                if (value != null) {
                    String name = ((Variable) target).name();
                    env.put(name, value);
                    solve(rest, outputs, onSolution);
                    env.remove(name);
                }
                return;
            }
            Integer left = evaluate(comparison.left());
            Integer right = evaluate(comparison.right());
            // Soufflé unifies two variables said equal: their bits must be the same (NaN = NaN, 0.0 != -0.0)
            boolean unified = comparison.op() == CompareOp.EQ && comparison.left() instanceof Variable
                    && comparison.right() instanceof Variable;
            if (unified) {
                if (left != null && left.equals(right)) {
                    solve(rest, outputs, onSolution);
                }
                return;
            }
            if (left != null && right != null && (comparison.op().isStringPredicate()
                    ? scalars.stringPredicate(comparison.op(), left, right)
                    : Scalars.compare(comparison.op(), checked.typeOf(comparison.left()), left, right))) {
                solve(rest, outputs, onSolution);
            }
        }
    }

    /** `x = range(...)`: x takes each value in turn, or, when bound, must equal one of them. */
    private void generate(Comparison comparison, List<Object> rest, Set<String> outputs, Runnable onSolution) {
        FunctorCall range = (FunctorCall) (comparison.right() instanceof FunctorCall call && call.isRange()
                ? comparison.right() : comparison.left());
        Variable variable = (Variable) (range == comparison.right() ? comparison.left() : comparison.right());
        List<Integer> args = new ArrayList<>();
        for (Term arg : range.args()) {
            Integer value = evaluate(arg);
            if (value == null) {
                return;
            }
            args.add(value);
        }
        ColumnType type = checked.typeOf(range);
        Integer bound = env.get(variable.name());
        for (int value : Scalars.range(type, args)) {
            if (bound != null) {
                if (Scalars.compare(CompareOp.EQ, type, bound, value)) {
                    solve(rest, outputs, onSolution);
                }
            } else {
                env.put(variable.name(), value);
                solve(rest, outputs, onSolution);
                env.remove(variable.name());
            }
        }
    }

    /** True if some tuple equals the probe on every column whose argument is not a wildcard. */
    private boolean anyMatch(Atom atom, Row probe) {
        RelationDecl decl = decls.get(atom.relation());
        for (Row row : relations.get(atom.relation())) {
            boolean equal = true;
            for (int c = 0; c < atom.arity() && equal; c++) {
                equal = atom.args().get(c) instanceof Wildcard || row.values[c] == probe.values[c];
            }
            if (equal) {
                return true;
            }
        }
        return false;
    }

    // ---- terms -----------------------------------------------------------------------------------

    /** The values of the terms (a wildcard gives 0), or null if one of them has no value. */
    private Row evaluateAll(List<Term> terms) {
        int[] values = new int[terms.size()];
        for (int i = 0; i < values.length; i++) {
            if (terms.get(i) instanceof Wildcard) {
                continue;
            }
            Integer value = evaluate(terms.get(i));
            if (value == null) {
                return null;
            }
            values[i] = value;
        }
        return new Row(values);
    }

    /** The bits of a term whose variables are bound, or null when it has no value (x / 0, min of nothing). */
    private Integer evaluate(Term term) {
        if (term instanceof Variable variable) {
            Integer value = env.get(variable.name());
            if (value == null) {
                throw new IllegalStateException("unbound variable " + variable.name());
            }
            return value;
        } else if (term instanceof IntegerConstant constant) {
            return checked.typeOf(term) == ColumnType.FLOAT
                    ? Float.floatToRawIntBits((float) constant.value()) : (int) constant.value();
        } else if (term instanceof FloatConstant constant) {
            return Float.floatToRawIntBits(constant.value());
        } else if (term instanceof StringConstant constant) {
            return scalars.symbol(constant.value());
        } else if (term instanceof BinaryExpr binary) {
            Integer left = evaluate(binary.left());
            Integer right = evaluate(binary.right());
            if (left == null || right == null) {
                return null;
            }
            if (checked.typeOf(binary) == ColumnType.SYMBOL) {
                return scalars.symbolBinary(binary.op(), left, right);
            }
            return Scalars.arithmetic(binary.op(), checked.typeOf(binary), left, right);
        } else if (term instanceof UnaryExpr unary) {
            Integer operand = evaluate(unary.operand());
            return operand == null ? null : scalars.unary(unary.op(), checked.typeOf(unary.operand()), operand);
        } else if (term instanceof NilConstant) {
            return 0;
        } else if (term instanceof FunctorCall call && call.isRecordAccess()) {
            return recordAccess(call);
        } else if (term instanceof FunctorCall call) {
            if (call.isUserDefined() || call.isAutoIncrement()) {
                throw new IllegalArgumentException("the reference evaluator has no user-defined functors or autoinc: "
                        + call);
            }
            Integer text = evaluate(call.args().get(0));
            Integer from = evaluate(call.args().get(1));
            Integer length = evaluate(call.args().get(2));
            return text == null || from == null || length == null ? null : scalars.substring(text, from, length);
        } else if (term instanceof Aggregate aggregate) {
            return aggregate(aggregate);
        }
        throw new IllegalStateException("no value for " + term);
    }

    /** Packs a record or ADT value (an ADT value's branch first), or reads one of its fields or its branch. */
    private Integer recordAccess(FunctorCall call) {
        RecordAccess access = call.record();
        List<Integer> values = new ArrayList<>();
        for (Term arg : call.args()) {
            Integer value = evaluate(arg);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        if (access.isPack()) {
            List<Integer> fields = new ArrayList<>();
            if (access.type().isAdt()) {
                fields.add(access.branch());
            }
            fields.addAll(values);
            return scalars.pack(fields);
        }
        int index = access.field() == RecordAccess.TAG ? 0 : access.type().isAdt() ? access.field() + 1 : access.field();
        return scalars.field(values.get(0), index);
    }

    /**
     * Folds the aggregate over the distinct matches of its body: every combination of one tuple per
     * body atom (nested loops) for which the rest of the body (comparisons, negations) holds; the
     * target is evaluated on the first way the rest holds. Null for min/max of no match.
     */
    private Integer aggregate(Aggregate aggregate) {
        // the aggregate's own variables are unbound inside it, even where the rule binds the same name
        Set<String> own = new HashSet<>();
        collectVariables(aggregate, own, null);
        own.removeAll(correlated.get(aggregate));
        Map<String, Integer> shadowed = new HashMap<>();
        for (String name : own) {
            Integer value = env.remove(name);
            if (value != null) {
                shadowed.put(name, value);
            }
        }
        try {
            return aggregateInScope(aggregate);
        } finally {
            own.forEach(env::remove);
            env.putAll(shadowed);
        }
    }

    private Integer aggregateInScope(Aggregate aggregate) {
        List<Atom> atoms = new ArrayList<>();
        List<Object> conditions = new ArrayList<>();
        for (Literal literal : aggregate.body()) {
            if (literal instanceof Atom a) {
                atoms.add(a);
            } else {
                conditions.add(literal);
            }
        }
        if (atoms.isEmpty()) {
            throw new UnsupportedOperationException("aggregate without an atom: " + aggregate);
        }
        ColumnType type = checked.typeOf(aggregate);
        int[] result = {0};
        boolean[] any = {false};
        int[] matches = {0};
        Set<String> targetVariables = aggregate.target() == null ? Set.of() : variablesOf(aggregate.target());
        forEachCombination(atoms, 0, new ArrayList<>(conditions), goals -> {
            Integer[] value = {null};
            boolean[] matched = {false};
            solve(goals, targetVariables, () -> {
                if (!matched[0]) {
                    matched[0] = true;
                    value[0] = aggregate.target() == null ? Integer.valueOf(0) : evaluate(aggregate.target());
                }
            });
            if (!matched[0] || value[0] == null) {
                return;
            }
            int v = value[0];
            result[0] = switch (aggregate.kind()) {
                case COUNT -> result[0] + 1;
                case SUM, MEAN -> Scalars.arithmetic(BinaryOp.ADD, type, result[0], v);
                // a NaN so far gives way to any number: min and max over floats skip NaNs
                case MIN -> !any[0] || Scalars.compare(CompareOp.LT, type, v, result[0])
                        || type == ColumnType.FLOAT && isNaN(result[0]) && !isNaN(v) ? v : result[0];
                case MAX -> !any[0] || Scalars.compare(CompareOp.GT, type, v, result[0])
                        || type == ColumnType.FLOAT && isNaN(result[0]) && !isNaN(v) ? v : result[0];
            };
            any[0] = true;
            matches[0]++;
        });
        if (!any[0] && (aggregate.kind() == AggregateKind.MIN || aggregate.kind() == AggregateKind.MAX
                || aggregate.kind() == AggregateKind.MEAN)) {
            return null;
        }
        if (aggregate.kind() == AggregateKind.MEAN) {
            float mean = Float.intBitsToFloat(result[0]) / matches[0];
            return Scalars.floatResult(mean, result[0], result[0]);
        }
        return result[0];
    }

    /** Calls onCombination once per combination of matching tuples of atoms[from..], with the goals left. */
    private void forEachCombination(List<Atom> atoms, int from, List<Object> goals,
                                    java.util.function.Consumer<List<Object>> onCombination) {
        if (from == atoms.size()) {
            onCombination.accept(goals);
            return;
        }
        Atom atom = atoms.get(from);
        for (Row row : relations.get(atom.relation())) {
            List<String> bound = new ArrayList<>();
            List<Object> rest = new ArrayList<>(goals);
            if (matchRow(atom, row, bound, rest)) {
                forEachCombination(atoms, from + 1, rest, onCombination);
            }
            bound.forEach(env::remove);
        }
    }

    /** The variables a goal reads. */
    private Set<String> variablesOfGoal(Object goal) {
        List<Term> terms = goal instanceof ColumnEquals column ? List.of(column.term()) : termsOf((Literal) goal);
        Set<String> names = new HashSet<>();
        terms.forEach(term -> names.addAll(variablesOf(term)));
        return names;
    }

    /** The variables a term reads: for an aggregate, only those it is correlated with. */
    private Set<String> variablesOf(Term term) {
        Set<String> cached = variables.get(term);
        if (cached != null) {
            return cached;
        }
        Set<String> names = new HashSet<>();
        if (term instanceof Variable variable) {
            names.add(variable.name());
        } else if (term instanceof BinaryExpr binary) {
            names.addAll(variablesOf(binary.left()));
            names.addAll(variablesOf(binary.right()));
        } else if (term instanceof UnaryExpr negate) {
            names.addAll(variablesOf(negate.operand()));
        } else if (term instanceof FunctorCall call) {
            call.args().forEach(arg -> names.addAll(variablesOf(arg)));
        } else if (term instanceof Aggregate aggregate) {
            names.addAll(correlated.get(aggregate));
        }
        variables.put(term, names);
        return names;
    }

    private static List<Term> termsOf(Literal literal) {
        if (literal instanceof Atom atom) {
            return atom.args();
        } else if (literal instanceof Negation negation) {
            return negation.atom().args();
        } else if (literal instanceof Comparison comparison) {
            return List.of(comparison.left(), comparison.right());
        }
        return List.of();
    }

    private static void collectAggregates(Term term, List<Aggregate> found) {
        if (term instanceof Aggregate aggregate) {
            found.add(aggregate);
        } else if (term instanceof BinaryExpr binary) {
            collectAggregates(binary.left(), found);
            collectAggregates(binary.right(), found);
        } else if (term instanceof UnaryExpr negate) {
            collectAggregates(negate.operand(), found);
        } else if (term instanceof FunctorCall call) {
            call.args().forEach(arg -> collectAggregates(arg, found));
        }
    }

    /** The atoms read by the aggregates under a term. */
    private static void aggregatedAtoms(Term term, List<Atom> found) {
        List<Aggregate> aggregates = new ArrayList<>();
        collectAggregates(term, aggregates);
        for (Aggregate aggregate : aggregates) {
            for (Literal literal : aggregate.body()) {
                if (literal instanceof Atom atom) {
                    found.add(atom);
                } else if (literal instanceof Negation negation) {
                    found.add(negation.atom());
                }
                termsOf(literal).forEach(nested -> aggregatedAtoms(nested, found));
            }
        }
    }

    /** Every variable name under a term, skipping the subtree of `skip`. */
    private static void collectVariables(Term term, Set<String> names, Aggregate skip) {
        if (term == skip) {
            return;
        }
        if (term instanceof Variable variable) {
            names.add(variable.name());
        } else if (term instanceof BinaryExpr binary) {
            collectVariables(binary.left(), names, skip);
            collectVariables(binary.right(), names, skip);
        } else if (term instanceof UnaryExpr negate) {
            collectVariables(negate.operand(), names, skip);
        } else if (term instanceof FunctorCall call) {
            call.args().forEach(arg -> collectVariables(arg, names, skip));
        } else if (term instanceof Aggregate aggregate) {
            if (aggregate.target() != null) {
                collectVariables(aggregate.target(), names, skip);
            }
            aggregate.body().forEach(literal -> termsOf(literal).forEach(t -> collectVariables(t, names, skip)));
        }
    }

    private static boolean isNaN(int floatBits) {
        return Float.isNaN(Float.intBitsToFloat(floatBits));
    }
}
