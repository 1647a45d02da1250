// The magic-set transformation (Soufflé's `.pragma "magic-transform"` and `magic` qualifier): rewrites the
// program so that a selected relation computes only the tuples its readers can use. Each body atom of a
// selected relation is adorned with which of its columns are known when it is read (`b`ound or `f`ree), by a
// sideways-information-passing order of the rule's atoms; the atom then reads the copy `r@bf`, whose rules
// are r's rules guarded by the magic relation `r@magic_bf` of the bound values, and a magic rule derives
// those values from the guard of the reading rule and the literals before the atom. A relation read with no
// column bound is computed in full instead. Relations that MagicSetEligibility keeps in full are evaluated
// as before, so the program's outputs are the same; the relations it does not write hold only what was asked.
package dev.jetlog.planner;

import dev.jetlog.parser.CheckedProgram;
import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.BooleanLiteral;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RecordTerm;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.UnaryExpr;
import dev.jetlog.parser.ast.Variable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class MagicSets {
    private final Program program;
    private final Map<String, RelationDecl> declarations;
    private final Map<String, List<Rule>> rulesByHead = new LinkedHashMap<>();

    private MagicSets(Program program) {
        this.program = program;
        this.declarations = program.relations();
        for (Rule rule : program.rules()) {
            rulesByHead.computeIfAbsent(rule.head().relation(), name -> new ArrayList<>()).add(rule);
        }
    }

    /** The adorned copy of a relation read with these columns bound (pattern of 'b' and 'f'). */
    static String adornedRelation(String relation, String pattern) {
        return relation + "@" + pattern;
    }

    /** The relation of the bound values with which the adorned copy is read. */
    static String magicRelation(String relation, String pattern) {
        return relation + "@magic_" + pattern;
    }

    /** The program as the planner should evaluate it: transformed if it asks for magic sets, else itself. */
    static CheckedProgram transform(CheckedProgram checked) {
        if (!checked.magicSets().isRequested()) {
            return checked;
        }
        MagicSets magic = new MagicSets(checked.program());
        Set<String> full = MagicSetEligibility.fullRelations(checked.program(), checked.magicSets());
        while (true) {
            Pass pass = magic.new Pass(full);
            pass.run();
            if (pass.readInFull.isEmpty()) {
                if (pass.demands.isEmpty()) {
                    return checked;
                }
                return checked.rewritten(pass.program(), pass.newTerms);
            }
            full = new LinkedHashSet<>(full);
            full.addAll(pass.readInFull); // read somewhere with no column bound: computed once, in full
        }
    }

    /** One adornment of the whole program for a given set of relations computed in full. */
    private final class Pass {
        private final Set<String> full;
        /** Adorned relations still to give rules, and those given, as relation -> patterns. */
        private final Deque<String[]> pending = new ArrayDeque<>();
        private final Map<String, Set<String>> demands = new LinkedHashMap<>();
        /** Relations not computed in full that some rule reads with no column bound. */
        private final Set<String> readInFull = new LinkedHashSet<>();
        private final List<Rule> rules = new ArrayList<>();
        private final List<Rule> magicRules = new ArrayList<>();
        private final Map<Term, ColumnType> newTerms = new IdentityHashMap<>();

        Pass(Set<String> full) {
            this.full = full;
        }

        void run() {
            for (Rule rule : program.rules()) {
                if (full.contains(rule.head().relation())) {
                    rules.add(adorn(rule, null));
                }
            }
            while (!pending.isEmpty()) {
                String[] demand = pending.pop();
                for (Rule rule : rulesByHead.getOrDefault(demand[0], List.of())) {
                    rules.add(adorn(rule, demand[1]));
                }
                rules.add(bridge(demand[0], demand[1]));
            }
        }

        Program program() {
            List<RelationDecl> decls = new ArrayList<>(program.declarations());
            demands.forEach((relation, patterns) -> {
                RelationDecl decl = declarations.get(relation);
                for (String pattern : patterns) {
                    decls.add(new RelationDecl(adornedRelation(relation, pattern), decl.attributes(), decl.pos()));
                    List<Attribute> bound = new ArrayList<>();
                    for (int column = 0; column < pattern.length(); column++) {
                        if (pattern.charAt(column) == 'b') {
                            bound.add(decl.attributes().get(column));
                        }
                    }
                    decls.add(new RelationDecl(magicRelation(relation, pattern), bound, decl.pos()));
                }
            });
            List<Rule> all = new ArrayList<>(rules);
            all.addAll(magicRules);
            return new Program(decls, program.functors(), program.directives(), all);
        }

        private void demand(String relation, String pattern) {
            if (demands.computeIfAbsent(relation, name -> new LinkedHashSet<>()).add(pattern)) {
                pending.add(new String[] {relation, pattern});
            }
        }

        /**
         * The rule with its body atoms adorned; for a head pattern (null: the relation is computed in full) the
         * head is the adorned copy and the body starts with the magic guard. Every rule reading an adorned atom
         * gives a magic rule for it.
         */
        private Rule adorn(Rule rule, String headPattern) {
            Atom head = rule.head();
            List<Literal> prefix = new ArrayList<>();
            Set<String> bound = new HashSet<>();
            Atom guard = null;
            if (headPattern != null) {
                guard = new Atom(magicRelation(head.relation(), headPattern), boundArgs(head, headPattern), head.pos());
                prefix.add(guard);
                guard.args().forEach(arg -> bound.addAll(variables(arg)));
            }
            List<Literal> body = new ArrayList<>(rule.body());
            List<Integer> atoms = new ArrayList<>();
            List<Integer> others = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                (body.get(i) instanceof Atom ? atoms : others).add(i);
            }
            boolean changed = headPattern != null;
            while (!atoms.isEmpty()) {
                takeReadyLiterals(body, others, bound, prefix);
                int chosen = nextAtom(body, atoms, bound, full);
                atoms.remove(Integer.valueOf(chosen));
                Atom atom = (Atom) body.get(chosen);
                if (!full.contains(atom.relation())) {
                    String pattern = pattern(atom, bound);
                    if (pattern.indexOf('b') < 0) {
                        readInFull.add(atom.relation());
                    } else {
                        demand(atom.relation(), pattern);
                        magicRules.add(new Rule(new Atom(magicRelation(atom.relation(), pattern),
                                boundArgs(atom, pattern), atom.pos()), prefix, rule.pos()));
                        atom = new Atom(adornedRelation(atom.relation(), pattern), atom.args(), atom.pos());
                        body.set(chosen, atom);
                        changed = true;
                    }
                }
                if (isReady(atom, bound)) {
                    prefix.add(atom);
                    atom.args().forEach(arg -> {
                        if (arg instanceof Variable variable) {
                            bound.add(variable.name());
                        }
                    });
                }
            }
            if (!changed) {
                return rule; // the same node: what is keyed by identity (aggregates) stays valid
            }
            List<Literal> newBody = new ArrayList<>();
            if (guard != null) {
                newBody.add(guard);
            }
            newBody.addAll(body);
            Atom newHead = headPattern == null ? head
                    : new Atom(adornedRelation(head.relation(), headPattern), head.args(), head.pos());
            return new Rule(newHead, newBody, rule.pos());
        }

        /**
         * Tuples that reach the relation itself other than by its rules (inserted through the API) reach its
         * adorned copies too: {@code r@bf(v0, v1) :- r@magic_bf(v0), r(v0, v1).}
         */
        private Rule bridge(String relation, String pattern) {
            RelationDecl decl = declarations.get(relation);
            List<Term> columns = new ArrayList<>();
            for (int column = 0; column < decl.arity(); column++) {
                Variable variable = new Variable("magic#" + column, decl.pos());
                newTerms.put(variable, decl.columnType(column));
                columns.add(variable);
            }
            Atom base = new Atom(relation, columns, decl.pos());
            Atom guard = new Atom(magicRelation(relation, pattern), boundArgs(base, pattern), decl.pos());
            return new Rule(new Atom(adornedRelation(relation, pattern), columns, decl.pos()), List.of(guard, base),
                    decl.pos());
        }
    }

    /**
     * Adds to the prefix, in body order, the literals other than atoms that can be evaluated with what is bound:
     * filters whose variables are all bound, and equalities that bind one variable from bound ones.
     */
    private static void takeReadyLiterals(List<Literal> body, List<Integer> others, Set<String> bound,
                                          List<Literal> prefix) {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int k = 0; k < others.size(); k++) {
                Literal literal = body.get(others.get(k));
                String binds = bindsVariable(literal, bound);
                if (binds != null || isReadyFilter(literal, bound)) {
                    prefix.add(literal);
                    others.remove(k);
                    if (binds != null) {
                        bound.add(binds);
                    }
                    progress = true;
                    break;
                }
            }
        }
    }

    /** The variable `v = expr` (or `expr = v`) binds when expr is plain and bound, else null. */
    private static String bindsVariable(Literal literal, Set<String> bound) {
        if (!(literal instanceof Comparison comparison) || comparison.op() != CompareOp.EQ) {
            return null;
        }
        if (comparison.left() instanceof Variable v && !bound.contains(v.name()) && isPlain(comparison.right())
                && bound.containsAll(variables(comparison.right()))) {
            return v.name();
        }
        if (comparison.right() instanceof Variable v && !bound.contains(v.name()) && isPlain(comparison.left())
                && bound.containsAll(variables(comparison.left()))) {
            return v.name();
        }
        return null;
    }

    private static boolean isReadyFilter(Literal literal, Set<String> bound) {
        if (literal instanceof BooleanLiteral) {
            return true;
        }
        if (literal instanceof Negation negation) {
            return negation.atom().args().stream().allMatch(arg -> isPlain(arg) && bound.containsAll(variables(arg)));
        }
        if (literal instanceof Comparison comparison) {
            return isPlain(comparison.left()) && isPlain(comparison.right())
                    && bound.containsAll(variables(comparison.left())) && bound.containsAll(variables(comparison.right()));
        }
        return false;
    }

    /**
     * A term that computes one value from its variables: no aggregate, no generator (range), and no functor whose
     * answer depends on when it is called (autoinc, the iteration counter, user-defined functors).
     */
    private static boolean isPlain(Term term) {
        if (term instanceof Aggregate) {
            return false;
        }
        if (term instanceof FunctorCall call) {
            return !call.isRange() && !call.isAutoIncrement() && !call.isIterationCounter() && !call.isUserDefined()
                    && call.args().stream().allMatch(MagicSets::isPlain);
        }
        if (term instanceof BinaryExpr binary) {
            return isPlain(binary.left()) && isPlain(binary.right());
        }
        if (term instanceof UnaryExpr unary) {
            return isPlain(unary.operand());
        }
        if (term instanceof RecordTerm record) {
            return record.args().stream().allMatch(MagicSets::isPlain);
        }
        return true;
    }

    /**
     * The next atom of the sideways-information-passing order, among those that are ready: one whose columns are
     * all bound, else one of a relation computed in full with a bound column (it binds more for the adorned atoms
     * after it), else the one with the most bound columns; ties in body order. An atom that is not ready is taken
     * only when no other is left (it then neither joins the prefix nor binds anything).
     */
    private static int nextAtom(List<Literal> body, List<Integer> atoms, Set<String> bound, Set<String> full) {
        int best = -1;
        int bestScore = -1;
        for (int index : atoms) {
            Atom atom = (Atom) body.get(index);
            int boundColumns = 0;
            for (Term arg : atom.args()) {
                if (isBound(arg, bound)) {
                    boundColumns++;
                }
            }
            boolean allBound = atom.arity() > 0 && boundColumns == atom.arity();
            boolean fullWithBinding = boundColumns > 0 && full.contains(atom.relation());
            int score = !isReady(atom, bound) ? 0
                    : 1 + (allBound ? 2000 : 0) + (fullWithBinding ? 1000 : 0) + boundColumns;
            if (score > bestScore) {
                best = index;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * An atom can join the magic rules' prefix once the variables of its arguments that are not plain variables
     * (`r(x + 1)`) are bound; its plain variables it binds itself.
     */
    private static boolean isReady(Atom atom, Set<String> bound) {
        return atom.args().stream().allMatch(arg -> arg instanceof Variable || bound.containsAll(variables(arg)));
    }

    private static String pattern(Atom atom, Set<String> bound) {
        StringBuilder pattern = new StringBuilder();
        for (Term arg : atom.args()) {
            pattern.append(isBound(arg, bound) ? 'b' : 'f');
        }
        return pattern.toString();
    }

    /** A constant, or a variable already bound (an expression or `_` counts as free). */
    private static boolean isBound(Term arg, Set<String> bound) {
        return MagicSetEligibility.isConstant(arg) || arg instanceof Variable v && bound.contains(v.name());
    }

    private static List<Term> boundArgs(Atom atom, String pattern) {
        List<Term> args = new ArrayList<>();
        for (int column = 0; column < pattern.length(); column++) {
            if (pattern.charAt(column) == 'b') {
                args.add(atom.args().get(column));
            }
        }
        return args;
    }

    private static Set<String> variables(Term term) {
        Set<String> names = new LinkedHashSet<>();
        AstWalk.forEachVariable(term, variable -> names.add(variable.name()));
        return names;
    }
}
