// Builds the pipeline of one rule version: chooses the join order (the delta atom first, then the
// atom with the most bound columns), places negations, range generators, aggregates and comparisons as
// soon as their variables are bound, picks the index each probe needs, and keeps only live variables between steps.
package dev.jetlog.planner;

import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Variable;
import dev.jetlog.parser.ast.Wildcard;
import dev.jetlog.planner.ir.AggregateStep;
import dev.jetlog.planner.ir.AntiJoinStep;
import dev.jetlog.planner.ir.ColumnRef;
import dev.jetlog.planner.ir.Constant;
import dev.jetlog.planner.ir.Expr;
import dev.jetlog.planner.ir.Filter;
import dev.jetlog.planner.ir.GenerateStep;
import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.RelationRef;
import dev.jetlog.planner.ir.ScanStep;
import dev.jetlog.planner.ir.Side;
import dev.jetlog.planner.ir.Step;
import dev.jetlog.planner.ir.SymbolFunction;
import dev.jetlog.planner.ir.UnitStep;
import dev.jetlog.planner.ir.ValueType;
import dev.jetlog.planner.ir.Version;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

final class PipelineBuilder {
    /**
     * How an atom's column is matched against a value (a constant, a repeated variable): by its 32
     * bits, exactly as index keys are compared, so that a float column matches the same way whether
     * the planner turns the match into a key or a filter (0.0 and -0.0 are different values there, and
     * a NaN matches itself). A written `x = y` between two variables compares the same way, because
     * Soufflé unifies the two variables; `x = 0.0`, `x + y = z * 2.0` and the like compare as floats.
     */
    private static final ValueType SAME_BITS = ValueType.SIGNED;

    private final Rule rule;
    private final TermTranslator terms;
    private final Map<String, RelationDecl> relations;
    private final int deltaAtom;
    /** Body positions of the atoms read as OLD (the recursive atoms before the DELTA one). */
    private final Set<Integer> oldAtoms;

    private final List<Integer> atoms = new ArrayList<>();
    private final List<Negation> negations = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private final List<AggregateUse> aggregates;
    private final List<Generator> generators = new ArrayList<>();

    /** `x = range(...)`: the variable that takes (or is compared with) each value, and the call. */
    private record Generator(Variable variable, FunctorCall range) {
    }

    /** What the next step's INPUT row holds: variable to column (or to a constant). */
    private Map<String, Expr> env = new LinkedHashMap<>();
    private int width;
    private final List<Step> steps = new ArrayList<>();
    private int hiddenVariables;

    /**
     * @param deltaAtom body position of the atom read as DELTA, or -1 when every atom is read FULL
     * @param oldAtoms body positions of the atoms read as OLD; the others are read FULL
     */
    PipelineBuilder(Rule rule, TermTranslator terms, Map<String, RelationDecl> relations, int deltaAtom,
                    Set<Integer> oldAtoms, List<AggregateUse> aggregates) {
        this.rule = rule;
        this.terms = terms;
        this.relations = relations;
        this.deltaAtom = deltaAtom;
        this.oldAtoms = oldAtoms;
        this.aggregates = new ArrayList<>(aggregates);
        List<Literal> body = rule.body();
        for (int i = 0; i < body.size(); i++) {
            Literal literal = body.get(i);
            if (literal instanceof Atom) {
                atoms.add(i);
            } else if (literal instanceof Negation negation) {
                negations.add(negation);
            } else if (literal instanceof Comparison comparison && generatorOf(comparison) != null) {
                generators.add(generatorOf(comparison));
            } else if (literal instanceof Comparison comparison) {
                constraints.add(constraintOf(comparison));
            }
        }
    }

    List<Step> build() {
        if (deltaAtom >= 0) {
            atoms.remove(Integer.valueOf(deltaAtom));
            scan(deltaAtom);
        } else if (!atoms.isEmpty()) {
            scan(atoms.remove(0));
        } else {
            unit();
        }
        while (!atoms.isEmpty() || !negations.isEmpty() || !aggregates.isEmpty() || !generators.isEmpty()) {
            Negation negation = readyNegation();
            if (negation != null) {
                negations.remove(negation);
                antiJoin(negation);
                continue;
            }
            Generator generator = readyGenerator();
            if (generator != null) {
                generators.remove(generator);
                generate(generator);
                continue;
            }
            AggregateUse aggregate = readyAggregate();
            if (aggregate != null) {
                aggregates.remove(aggregate);
                aggregate(aggregate);
                continue;
            }
            if (atoms.isEmpty() && !generators.isEmpty()) {
                throw new PlanningError(generators.get(0).range().pos(), "range reads a variable that the body never binds");
            }
            if (atoms.isEmpty()) {
                Literal stuck = !negations.isEmpty() ? negations.get(0) : null;
                if (stuck != null) {
                    throw new PlanningError(stuck.pos(), "negated atom " + stuck + " reads a variable that the body never binds");
                }
                throw new PlanningError(aggregates.get(0).aggregate().pos(),
                        "aggregate reads a variable of the rule that the body never binds");
            }
            join(chooseAtom());
        }
        if (!constraints.isEmpty()) {
            Constraint stuck = constraints.get(0);
            throw new PlanningError(stuck.pos(), "comparison reads a variable that the body never binds");
        }
        return steps;
    }

    /** The generator of `x = range(...)` (either way round), or null for other comparisons. */
    private static Generator generatorOf(Comparison comparison) {
        if (comparison.op() != CompareOp.EQ) {
            return null;
        }
        if (comparison.right() instanceof FunctorCall call && call.isRange()
                && comparison.left() instanceof Variable variable) {
            return new Generator(variable, call);
        }
        if (comparison.left() instanceof FunctorCall call && call.isRange()
                && comparison.right() instanceof Variable variable) {
            return new Generator(variable, call);
        }
        return null;
    }

    private Constraint constraintOf(Comparison comparison) {
        boolean onText = comparison.op().isOrdering() && terms.isSymbol(comparison.left());
        boolean unified = comparison.op() == CompareOp.EQ && comparison.left() instanceof Variable
                && comparison.right() instanceof Variable;
        return new Constraint(comparison.op(), unified ? SAME_BITS : terms.valueType(comparison.left()),
                comparison.left(), comparison.right(), comparison.pos(), onText);
    }

    // ---- steps -------------------------------------------------------------------------------

    private void unit() {
        Map<String, Expr> frame = new LinkedHashMap<>(env);
        List<Filter> filters = new ArrayList<>();
        settle(frame, filters, constraints);
        List<Expr> output = finish(frame);
        steps.add(new UnitStep(DivisionGuards.guarded(filters, output), output));
    }

    private void scan(int bodyIndex) {
        Atom atom = (Atom) rule.body().get(bodyIndex);
        Map<String, Expr> frame = new LinkedHashMap<>(env);
        List<Filter> filters = new ArrayList<>();
        AtomMatch match = matchAtom(atom, frame, filters, constraints, false);
        settle(frame, filters, constraints);
        List<Expr> output = finish(frame);
        assert match.keyExprs.isEmpty();
        List<Integer> read = tupleColumnsRead(output);
        IndexSpec order = match.index(atom.arity(), read);
        int distinct = read.size();
        steps.add(new ScanStep(ref(bodyIndex, atom), order, distinct, DivisionGuards.guarded(filters, output), output));
    }

    private void join(int bodyIndex) {
        Atom atom = (Atom) rule.body().get(bodyIndex);
        int inputWidth = width;
        Map<String, Expr> frame = new LinkedHashMap<>(env);
        List<Filter> filters = new ArrayList<>();
        AtomMatch match = matchAtom(atom, frame, filters, constraints, true);
        settle(frame, filters, constraints);
        List<Expr> output = finish(frame);
        List<Expr> guardedExprs = new ArrayList<>(output);
        guardedExprs.addAll(match.keyExprs);
        List<Integer> read = tupleColumnsRead(output);
        read.removeAll(match.keyColumns);
        IndexSpec index = match.index(atom.arity(), read);
        int distinct = index.keyLength() + read.size();
        steps.add(new JoinStep(inputWidth, ref(bodyIndex, atom), index, distinct, match.keyExprs,
                DivisionGuards.guarded(filters, guardedExprs), output));
    }

    /** The TUPLE columns that a step's output reads, ascending: the only ones that tell its rows apart. */
    private static List<Integer> tupleColumnsRead(List<Expr> output) {
        TreeSet<Integer> columns = new TreeSet<>();
        for (Expr expr : output) {
            Expr.forEachColumn(expr, Side.TUPLE, columns::add);
        }
        return new ArrayList<>(columns);
    }

    private void antiJoin(Negation negation) {
        Atom atom = negation.atom();
        int inputWidth = width;
        Map<String, Expr> frame = new LinkedHashMap<>(env);
        List<Filter> filters = new ArrayList<>();
        AtomMatch match = matchAtom(atom, frame, filters, constraints, true);
        if (!filters.isEmpty() || frame.size() != env.size()) {
            throw new PlanningError(negation.pos(), "negated atom " + atom + " must only use bound variables and '_'");
        }
        settle(frame, filters, constraints);
        List<Expr> output = finish(frame);
        List<Expr> guardedExprs = new ArrayList<>(output);
        guardedExprs.addAll(match.keyExprs);
        steps.add(new AntiJoinStep(inputWidth, new RelationRef(atom.relation(), Version.FULL),
                match.index(atom.arity(), List.of()), match.keyExprs, DivisionGuards.guarded(filters, guardedExprs), output));
    }

    private void aggregate(AggregateUse use) {
        int inputWidth = width;
        Map<String, Expr> inner = new LinkedHashMap<>(env);
        List<Filter> innerFilters = new ArrayList<>();
        List<Constraint> innerConstraints = new ArrayList<>();
        for (Comparison comparison : use.comparisons()) {
            innerConstraints.add(constraintOf(comparison));
        }
        AtomMatch match = matchAtom(use.atom(), inner, innerFilters, innerConstraints, true);
        settle(inner, innerFilters, innerConstraints);
        if (!innerConstraints.isEmpty()) {
            throw new PlanningError(innerConstraints.get(0).pos(),
                    "comparison in the aggregate reads a variable that the aggregate body never binds");
        }
        Expr target = null;
        ValueType type = ValueType.SIGNED;
        if (use.aggregate().target() != null) {
            target = terms.translate(use.aggregate().target(), inner);
            type = terms.valueType(use.aggregate().target());
        }
        Map<String, Expr> frame = new LinkedHashMap<>(env);
        frame.put(use.variable(), new ColumnRef(Side.AGGREGATE, 0));
        List<Filter> filters = new ArrayList<>();
        settle(frame, filters, constraints);
        List<Expr> output = finish(frame);
        List<Expr> innerExprs = new ArrayList<>(match.keyExprs);
        if (target != null) {
            innerExprs.add(target);
        }
        steps.add(new AggregateStep(inputWidth, new RelationRef(use.atom().relation(), Version.FULL),
                match.index(use.atom().arity(), List.of()), match.keyExprs, use.aggregate().kind(), type, target,
                DivisionGuards.guarded(innerFilters, innerExprs), DivisionGuards.guarded(filters, output), output));
    }

    /** Each value of the range, for every input row: a new variable, or a filter on a bound one. */
    private void generate(Generator generator) {
        int inputWidth = width;
        List<Term> args = generator.range().args();
        Expr from = terms.translate(args.get(0), env);
        Expr to = terms.translate(args.get(1), env);
        Expr step = args.size() > 2 ? terms.translate(args.get(2), env) : null;
        ValueType type = terms.valueType(generator.range());
        Map<String, Expr> frame = new LinkedHashMap<>(env);
        List<Filter> filters = new ArrayList<>();
        ColumnRef value = new ColumnRef(Side.TUPLE, 0);
        Expr bound = frame.get(generator.variable().name());
        if (bound != null) {
            filters.add(new Filter(CompareOp.EQ, type, value, bound));
        } else {
            frame.put(generator.variable().name(), value);
        }
        settle(frame, filters, constraints);
        List<Expr> output = finish(frame);
        List<Expr> guardedExprs = new ArrayList<>(output);
        guardedExprs.add(from);
        guardedExprs.add(to);
        if (step != null) {
            guardedExprs.add(step);
        }
        steps.add(new GenerateStep(inputWidth, from, to, step, type, DivisionGuards.guarded(filters, guardedExprs),
                output));
    }

    // ---- matching an atom's columns --------------------------------------------------------------

    /** Key columns of a probe, in ascending column order, with the values they are looked up with. */
    private static final class AtomMatch {
        final List<Integer> keyColumns = new ArrayList<>();
        final List<Expr> keyExprs = new ArrayList<>();

        /** The key columns, then the given columns (those the step reads), then the others, each ascending. */
        IndexSpec index(int arity, List<Integer> readAfterKey) {
            int[] order = new int[arity];
            int next = 0;
            for (int column : keyColumns) {
                order[next++] = column;
            }
            for (int column : readAfterKey) {
                order[next++] = column;
            }
            for (int column = 0; column < arity; column++) {
                if (!keyColumns.contains(column) && !readAfterKey.contains(column)) {
                    order[next++] = column;
                }
            }
            return new IndexSpec(order, keyColumns.size());
        }
    }

    /**
     * Binds the atom's new variables to TUPLE columns in frame. Columns whose value is known from the
     * INPUT row become key columns when keyed (else equality filters); a variable repeated within the
     * atom becomes a filter; an expression over variables bound later becomes a pending constraint on
     * a hidden variable that holds the column.
     */
    private AtomMatch matchAtom(Atom atom, Map<String, Expr> frame, List<Filter> filters,
                                List<Constraint> pending, boolean keyed) {
        RelationDecl decl = relations.get(atom.relation());
        AtomMatch match = new AtomMatch();
        for (int column = 0; column < atom.arity(); column++) {
            Term arg = atom.args().get(column);
            ColumnRef tupleColumn = new ColumnRef(Side.TUPLE, column);
            if (arg instanceof Wildcard) {
                continue;
            }
            if (arg instanceof Variable variable && !env.containsKey(variable.name())) {
                Expr seen = frame.get(variable.name());
                if (seen == null) {
                    frame.put(variable.name(), tupleColumn);
                } else {
                    filters.add(new Filter(CompareOp.EQ, SAME_BITS, tupleColumn, seen));
                }
                continue;
            }
            if (env.keySet().containsAll(terms.variables(arg))) {
                Expr value = terms.translate(arg, env);
                if (keyed) {
                    match.keyColumns.add(column);
                    match.keyExprs.add(value);
                } else {
                    filters.add(new Filter(CompareOp.EQ, SAME_BITS, tupleColumn, value));
                }
                continue;
            }
            String hidden = "$column" + hiddenVariables++;
            frame.put(hidden, tupleColumn);
            pending.add(new Constraint(CompareOp.EQ, SAME_BITS,
                    new Variable(hidden, arg.pos()), arg, arg.pos()));
        }
        return match;
    }

    /**
     * A comparison as a filter; match and contains test the 0 or 1 of their symbol function, and an ordering of
     * symbols (onText) the sign of their texts' comparison, as Soufflé orders symbols (by their bytes).
     */
    private static Filter filter(CompareOp op, ValueType type, boolean onText, Expr left, Expr right) {
        if (onText) {
            return new Filter(op, ValueType.SIGNED, new SymbolFunction(SymbolFunction.Fn.COMPARE, List.of(left, right)),
                    new Constant(0));
        }
        if (!op.isStringPredicate()) {
            return new Filter(op, type, left, right);
        }
        boolean match = op == CompareOp.MATCH || op == CompareOp.NOT_MATCH;
        boolean holds = op == CompareOp.MATCH || op == CompareOp.CONTAINS;
        SymbolFunction test = new SymbolFunction(match ? SymbolFunction.Fn.MATCH : SymbolFunction.Fn.CONTAINS,
                List.of(left, right));
        return new Filter(holds ? CompareOp.NE : CompareOp.EQ, ValueType.SIGNED, test, new Constant(0));
    }

    /** Applies every pending constraint whose variables the frame binds, as a filter or a binding. */
    private void settle(Map<String, Expr> frame, List<Filter> filters, List<Constraint> pending) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Iterator<Constraint> it = pending.iterator(); it.hasNext(); ) {
                Constraint constraint = it.next();
                boolean leftBound = frame.keySet().containsAll(terms.variables(constraint.left()));
                boolean rightBound = frame.keySet().containsAll(terms.variables(constraint.right()));
                if (leftBound && rightBound) {
                    filters.add(filter(constraint.op(), constraint.type(), constraint.onText(),
                            terms.translate(constraint.left(), frame), terms.translate(constraint.right(), frame)));
                } else if (constraint.op() == CompareOp.EQ && rightBound
                        && constraint.left() instanceof Variable variable) {
                    bind(variable, terms.translate(constraint.right(), frame), frame, filters);
                } else if (constraint.op() == CompareOp.EQ && leftBound
                        && constraint.right() instanceof Variable variable) {
                    bind(variable, terms.translate(constraint.left(), frame), frame, filters);
                } else {
                    continue;
                }
                it.remove();
                changed = true;
            }
        }
    }

    /**
     * Binds a variable to a computed value. A division inside it is guarded here, where the binding
     * is made, so that a rule instance dividing by zero derives nothing even if the variable is unused.
     */
    private static void bind(Variable variable, Expr value, Map<String, Expr> frame, List<Filter> filters) {
        frame.put(variable.name(), value);
        filters.addAll(DivisionGuards.of(value));
    }

    // ---- ordering ------------------------------------------------------------------------------

    private Negation readyNegation() {
        for (Negation negation : negations) {
            if (boundVariables().containsAll(argumentVariables(negation.atom()))) {
                return negation;
            }
        }
        return null;
    }

    private Generator readyGenerator() {
        for (Generator generator : generators) {
            if (boundVariables().containsAll(terms.variables(generator.range()))) {
                return generator;
            }
        }
        return null;
    }

    private AggregateUse readyAggregate() {
        for (AggregateUse use : aggregates) {
            if (boundVariables().containsAll(use.correlated())) {
                return use;
            }
        }
        return null;
    }

    /** The next atom to join: the one with the most columns known before the join; ties in body order. */
    private int chooseAtom() {
        int best = -1;
        int bestScore = -1;
        for (int bodyIndex : atoms) {
            Atom atom = (Atom) rule.body().get(bodyIndex);
            int score = 0;
            for (Term arg : atom.args()) {
                if (!(arg instanceof Wildcard) && boundVariables().containsAll(terms.variables(arg))) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = bodyIndex;
                bestScore = score;
            }
        }
        atoms.remove(Integer.valueOf(best));
        return best;
    }

    private Set<String> boundVariables() {
        return env.keySet();
    }

    private Set<String> argumentVariables(Atom atom) {
        Set<String> names = new LinkedHashSet<>();
        for (Term arg : atom.args()) {
            names.addAll(terms.variables(arg));
        }
        return names;
    }

    // ---- projection ----------------------------------------------------------------------------

    /**
     * Ends a step: the head tuple if nothing is left to do, else the live variables, which become the
     * next step's INPUT columns (variables bound to constants stay constants and take no column).
     */
    private List<Expr> finish(Map<String, Expr> frame) {
        List<Expr> output = new ArrayList<>();
        boolean last = atoms.isEmpty() && negations.isEmpty() && aggregates.isEmpty() && constraints.isEmpty()
                && generators.isEmpty();
        if (last) {
            for (Term arg : rule.head().args()) {
                if (!frame.keySet().containsAll(terms.variables(arg))) {
                    throw new PlanningError(arg.pos(), "head argument " + arg + " reads a variable that the body never binds");
                }
                output.add(terms.translate(arg, frame));
            }
            env = Map.of();
            width = output.size();
            return output;
        }
        Set<String> live = liveVariables();
        Map<String, Expr> next = new LinkedHashMap<>();
        for (Map.Entry<String, Expr> entry : frame.entrySet()) {
            if (!live.contains(entry.getKey())) {
                continue;
            }
            if (entry.getValue() instanceof Constant) {
                next.put(entry.getKey(), entry.getValue());
            } else {
                next.put(entry.getKey(), new ColumnRef(Side.INPUT, output.size()));
                output.add(entry.getValue());
            }
        }
        env = next;
        width = output.size();
        return output;
    }

    private Set<String> liveVariables() {
        Set<String> live = new LinkedHashSet<>();
        for (Term arg : rule.head().args()) {
            live.addAll(terms.variables(arg));
        }
        for (int bodyIndex : atoms) {
            live.addAll(argumentVariables((Atom) rule.body().get(bodyIndex)));
        }
        for (Negation negation : negations) {
            live.addAll(argumentVariables(negation.atom()));
        }
        for (Constraint constraint : constraints) {
            live.addAll(terms.variables(constraint.left()));
            live.addAll(terms.variables(constraint.right()));
        }
        for (AggregateUse use : aggregates) {
            live.addAll(use.correlated());
        }
        for (Generator generator : generators) {
            live.addAll(terms.variables(generator.range()));
            live.add(generator.variable().name());
        }
        return live;
    }

    private RelationRef ref(int bodyIndex, Atom atom) {
        Version version = bodyIndex == deltaAtom ? Version.DELTA
                : oldAtoms.contains(bodyIndex) ? Version.OLD : Version.FULL;
        return new RelationRef(atom.relation(), version);
    }
}
