// Seeded generator of random valid, stratified Datalog programs with random input facts, for differential tests.
package dev.jetlog.seminaive.testkit;

import dev.jetlog.parser.ast.ColumnType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates small programs that exercise joins (shared and repeated variables, constants, wildcards,
 * expressions in atom arguments), recursion (linear, non-linear, mutual), stratified negation,
 * comparisons, arithmetic in heads and bindings (+ - * / % ^, bitwise and logical operators, bnot, lnot,
 * min/max functors), and count/sum/min/max aggregates, mostly over number
 * columns and sometimes over symbol, unsigned or float columns (extreme values such as 2^31 - 1
 * included); plus facts per input relation drawn from a small domain so that joins hit (one case in
 * BIG_EVERY has a larger domain and more facts).
 *
 * <p>Each derived relation gets a level; a rule may read relations of its own level or lower positively,
 * but negate or aggregate only over strictly lower levels (inputs are below every level), so every
 * program is stratified. Every derived relation has a rule that reads only lower levels; the rules are
 * printed in random order. In a rule
 * that reads its own level (a recursive one), every variable that feeds arithmetic is bounded on both
 * sides (e.g. {@code x >= 0, x < 12}), so the set of values and thus the fixpoint is finite. Float
 * arithmetic is limited to + and - and min/max on halves (exact, and never -0.0 or NaN), and integer division
 * and powers only appear in non-recursive rules. A derived relation of two columns of one type is declared
 * {@code eqrel} in about one case in four (decided by its own random stream, so that the rest of the case is
 * the one its seed gave before eqrel was drawn).
 */
public final class RandomPrograms {
    private RandomPrograms() {
    }

    /** One generated program with its input facts (values as Session.insertTuple takes them). */
    public record Case(long seed, String source, Map<String, List<Object[]>> facts) {
        /** The program with its input facts appended as Datalog facts: a self-contained reproduction. */
        public String describe() {
            StringBuilder text = new StringBuilder("// random program, seed ").append(seed).append('\n').append(source);
            text.append("// input facts\n");
            facts.forEach((relation, rows) -> {
                for (Object[] row : rows) {
                    text.append(relation).append('(');
                    for (int i = 0; i < row.length; i++) {
                        text.append(i == 0 ? "" : ", ");
                        text.append(row[i] instanceof String s ? "\"" + s + "\"" : String.valueOf(row[i]));
                    }
                    text.append(").\n");
                }
            });
            return text.toString();
        }
    }

    public static Case generate(long seed) {
        return new Generator(seed).generate();
    }

    /**
     * The program of {@link #generate(long)} under {@code .pragma "magic-transform" "*"}, with output relations
     * {@code q0, q1, ...} that read the derived relations with some columns given as constants (and one that joins
     * two of them), so that the transformation adorns them; its facts are the same.
     */
    public static Case generateQueried(long seed) {
        Generator generator = new Generator(seed);
        Case plain = generator.generate();
        return new Case(seed, plain.source() + generator.queries(), plain.facts());
    }

    /** Input values are mostly 0 to DOMAIN - 1, so that joins hit; constants too. */
    private static final int DOMAIN = 6;
    /** One case in BIG_EVERY has BIG_DOMAIN input values and more facts, for larger relations. */
    private static final int BIG_EVERY = 8;
    private static final int BIG_DOMAIN = 12;
    /** Upper bound on the variables that feed arithmetic in recursive rules. */
    private static final int GUARD = 12;

    /** A relation; inputs have level -1. */
    private record Relation(String name, List<ColumnType> types, int level) {
    }

    private record Var(String name, ColumnType type) {
    }

    private static final class Generator {
        private final long seed;
        private final Random random;
        private final List<ColumnType> typePool = new ArrayList<>();
        private final List<Relation> inputs = new ArrayList<>();
        private final List<Relation> derived = new ArrayList<>();
        private boolean big;
        private int factDomain;

        Generator(long seed) {
            this.seed = seed;
            this.random = new Random(seed * 0x9E3779B97F4A7C15L + 17);
        }

        Case generate() {
            typePool.add(ColumnType.NUMBER);
            int flavour = random.nextInt(100);
            if (flavour >= 55 && flavour < 80) {
                typePool.add(ColumnType.SYMBOL);
            } else if (flavour >= 80 && flavour < 90) {
                typePool.add(ColumnType.UNSIGNED);
            } else if (flavour >= 90) {
                typePool.add(ColumnType.FLOAT);
            }
            int inputCount = 1 + random.nextInt(3);
            for (int i = 0; i < inputCount; i++) {
                inputs.add(new Relation("in" + i, columnTypes(1 + random.nextInt(3)), -1));
            }
            int derivedCount = 1 + random.nextInt(4);
            int level = 0;
            for (int i = 0; i < derivedCount; i++) {
                if (i > 0 && random.nextInt(100) < 45) {
                    level++;
                }
                int arity = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(3);
                derived.add(new Relation("r" + i, columnTypes(arity), level));
            }

            Random eqrels = new Random(seed * 31 + 7);
            StringBuilder source = new StringBuilder();
            for (Relation relation : all()) {
                source.append(".decl ").append(relation.name()).append('(');
                for (int c = 0; c < relation.types().size(); c++) {
                    source.append(c == 0 ? "" : ", ").append('c').append(c).append(": ")
                            .append(relation.types().get(c).keyword());
                }
                source.append(')');
                if (relation.level() >= 0 && relation.types().size() == 2
                        && relation.types().get(0) == relation.types().get(1) && eqrels.nextInt(4) == 0) {
                    source.append(" eqrel");
                }
                source.append('\n');
            }
            List<Relation> heads = new ArrayList<>(derived);
            int extra = Math.max(0, 2 + random.nextInt(5) - derived.size());
            for (int i = 0; i < extra; i++) {
                heads.add(derived.get(random.nextInt(derived.size())));
            }
            Set<Relation> hasBaseRule = new LinkedHashSet<>();
            List<String> rules = new ArrayList<>();
            for (Relation head : heads) {
                rules.add(new RuleGenerator(head, hasBaseRule.add(head)).rule());
            }
            Collections.shuffle(rules, random); // the order of rules must not matter
            rules.forEach(rule -> source.append(rule).append('\n'));
            if (random.nextInt(100) < 15) {
                List<Relation> all = all();
                Relation relation = all.get(random.nextInt(all.size()));
                source.append(relation.name()).append('(');
                for (int c = 0; c < relation.types().size(); c++) {
                    source.append(c == 0 ? "" : ", ").append(constant(relation.types().get(c)));
                }
                source.append(").\n");
            }

            big = random.nextInt(BIG_EVERY) == 0;
            factDomain = big ? BIG_DOMAIN : DOMAIN;
            Map<String, List<Object[]>> facts = new LinkedHashMap<>();
            for (Relation input : inputs) {
                List<Object[]> rows = new ArrayList<>();
                int count = random.nextInt(10) == 0 ? random.nextInt(3)
                        : big ? 40 + random.nextInt(80) : 8 + random.nextInt(21);
                for (int r = 0; r < count; r++) {
                    Object[] row = new Object[input.types().size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = factValue(input.types().get(c));
                    }
                    rows.add(row);
                }
                facts.put(input.name(), rows);
            }
            return new Case(seed, source.toString(), facts);
        }

        /** The magic-set pragma and the query relations of generateQueried. */
        String queries() {
            StringBuilder text = new StringBuilder(".pragma \"magic-transform\" \"*\"\n");
            List<Relation> readable = derived.stream().filter(relation -> !relation.types().isEmpty()).toList();
            int count = 0;
            for (Relation relation : readable) {
                List<String> args = new ArrayList<>();
                List<Var> free = new ArrayList<>();
                for (int c = 0; c < relation.types().size(); c++) {
                    if (random.nextBoolean()) {
                        args.add(constant(relation.types().get(c)));
                    } else {
                        Var var = new Var("v" + c, relation.types().get(c));
                        args.add(var.name());
                        free.add(var);
                    }
                }
                text.append(query("q" + count++, free, relation.name() + "(" + String.join(", ", args) + ")"));
            }
            if (readable.size() >= 2) {
                Relation left = readable.get(random.nextInt(readable.size()));
                Relation right = readable.get(random.nextInt(readable.size()));
                // left's first column given; its last column joins right's first where the types agree
                List<String> leftArgs = new ArrayList<>();
                List<Var> free = new ArrayList<>();
                leftArgs.add(constant(left.types().get(0)));
                for (int c = 1; c < left.types().size(); c++) {
                    Var var = new Var("l" + c, left.types().get(c));
                    leftArgs.add(var.name());
                    free.add(var);
                }
                ColumnType joined = left.types().get(left.types().size() - 1);
                String link = left.types().size() > 1 ? "l" + (left.types().size() - 1) : null;
                List<String> rightArgs = new ArrayList<>();
                for (int c = 0; c < right.types().size(); c++) {
                    if (c == 0 && link != null && right.types().get(0) == joined) {
                        rightArgs.add(link);
                    } else {
                        Var var = new Var("r" + c, right.types().get(c));
                        rightArgs.add(var.name());
                        free.add(var);
                    }
                }
                text.append(query("q" + count, free, left.name() + "(" + String.join(", ", leftArgs) + "), "
                        + right.name() + "(" + String.join(", ", rightArgs) + ")"));
            }
            return text.toString();
        }

        private static String query(String name, List<Var> columns, String body) {
            StringBuilder text = new StringBuilder(".decl ").append(name).append('(');
            for (int c = 0; c < columns.size(); c++) {
                text.append(c == 0 ? "" : ", ").append(columns.get(c).name()).append(": ")
                        .append(columns.get(c).type().keyword());
            }
            text.append(")\n.output ").append(name).append('\n').append(name).append('(');
            for (int c = 0; c < columns.size(); c++) {
                text.append(c == 0 ? "" : ", ").append(columns.get(c).name());
            }
            return text.append(") :- ").append(body).append(".\n").toString();
        }

        private List<Relation> all() {
            List<Relation> all = new ArrayList<>(inputs);
            all.addAll(derived);
            return all;
        }

        private List<ColumnType> columnTypes(int arity) {
            List<ColumnType> types = new ArrayList<>();
            for (int c = 0; c < arity; c++) {
                types.add(random.nextInt(100) < 55 ? ColumnType.NUMBER : typePool.get(random.nextInt(typePool.size())));
            }
            return types;
        }

        private Object factValue(ColumnType type) {
            boolean special = random.nextInt(100) < 6;
            return switch (type) {
                case NUMBER -> special ? new int[] {-1, -5, 100, Integer.MAX_VALUE, Integer.MIN_VALUE}[random.nextInt(5)]
                        : random.nextInt(factDomain);
                case UNSIGNED -> special ? new long[] {2147483648L, 4000000000L, 4294967295L}[random.nextInt(3)]
                        : (long) random.nextInt(factDomain);
                case FLOAT -> random.nextInt(factDomain + 2) * 0.5f;
                case SYMBOL -> "s" + random.nextInt(4);
                case RECORD -> throw new IllegalStateException("random programs have no record columns");
            };
        }

        /** A constant of a type, as program text. */
        private String constant(ColumnType type) {
            return switch (type) {
                case NUMBER -> Integer.toString(random.nextInt(10) == 0 ? -1 - random.nextInt(3) : random.nextInt(DOMAIN));
                case UNSIGNED -> Integer.toString(random.nextInt(DOMAIN));
                case FLOAT -> random.nextBoolean() ? Integer.toString(random.nextInt(4)) : (random.nextInt(4) + ".5");
                case SYMBOL -> "\"s" + random.nextInt(4) + "\"";
                case RECORD -> throw new IllegalStateException("random programs have no record columns");
            };
        }

        /** Builds one rule for a head relation: atoms first, then the other literals, then the head. */
        private final class RuleGenerator {
            private final Relation head;
            private final boolean base;
            private final List<Var> bound = new ArrayList<>();
            private final List<String> atoms = new ArrayList<>();
            private final List<String> others = new ArrayList<>();
            /** Variables that feed arithmetic in a recursive rule and therefore need a two-sided bound. */
            private final Set<Var> toGuard = new LinkedHashSet<>();
            private boolean recursive;
            /** At most two atoms of the head's level per rule: enough for non-linear recursion, cheap for the reference. */
            private int recursiveAtoms;
            private int variables;
            private int locals;

            RuleGenerator(Relation head, boolean base) {
                this.head = head;
                this.base = base;
            }

            String rule() {
                boolean aggregateOnly = random.nextInt(100) < 4;
                int atomCount = aggregateOnly ? 0 : new int[] {1, 1, 2, 2, 2, 3, 3}[random.nextInt(7)];
                for (int i = 0; i < atomCount; i++) {
                    atoms.add(positiveAtom());
                }
                if (aggregateOnly || random.nextInt(100) < 25) {
                    aggregate();
                }
                if (random.nextInt(100) < 25) {
                    negation();
                }
                if (random.nextInt(100) < 20) {
                    binding();
                }
                int comparisons = new int[] {0, 0, 0, 1, 1, 2}[random.nextInt(6)];
                for (int i = 0; i < comparisons; i++) {
                    comparison();
                }
                String headText = headAtom();
                for (Var var : toGuard) {
                    others.add(var.name() + " < " + GUARD);
                    if (var.type() != ColumnType.UNSIGNED) {
                        others.add(var.name() + (random.nextBoolean() ? " >= 0" : " > -3"));
                    }
                }
                List<String> body = new ArrayList<>(atoms);
                for (String other : others) {
                    body.add(random.nextInt(4) == 0 ? random.nextInt(body.size() + 1) : body.size(), other);
                }
                if (body.isEmpty()) {
                    body.add("true");
                }
                return headText + " :- " + String.join(", ", body) + ".";
            }

            private String positiveAtom() {
                List<Relation> candidates = new ArrayList<>(inputs);
                List<Relation> sameLevel = new ArrayList<>();
                for (Relation relation : derived) {
                    if (relation.level() < head.level()) {
                        candidates.add(relation);
                    } else if (relation.level() == head.level() && !base) {
                        sameLevel.add(relation);
                    }
                }
                Relation relation;
                if (!sameLevel.isEmpty() && recursiveAtoms < 2 && random.nextInt(100) < 45) {
                    relation = sameLevel.get(random.nextInt(sameLevel.size()));
                    recursive = true;
                    recursiveAtoms++;
                } else {
                    relation = candidates.get(random.nextInt(candidates.size()));
                }
                List<Var> before = new ArrayList<>(bound);
                List<String> args = new ArrayList<>();
                // sometimes an existence check: known variables and `_` only, as in `edge(x, _)`
                boolean probe = !before.isEmpty() && random.nextInt(100) < 12;
                for (ColumnType type : relation.types()) {
                    List<Var> earlier = ofType(before, type);
                    if (probe) {
                        args.add(!earlier.isEmpty() && random.nextBoolean() ? pick(earlier).name() : "_");
                        continue;
                    }
                    List<Var> inThisAtom = ofType(bound.subList(before.size(), bound.size()), type);
                    int choice = random.nextInt(100);
                    if (!earlier.isEmpty() && random.nextInt(100) < 50) {
                        args.add(pick(earlier).name());
                    } else if (!inThisAtom.isEmpty() && random.nextInt(100) < 8) {
                        args.add(pick(inThisAtom).name());
                    } else if (choice < 80) {
                        args.add(newVar(type).name());
                    } else if (choice < 90) {
                        args.add("_");
                    } else if (choice < 97 || earlier.isEmpty() || type == ColumnType.SYMBOL) {
                        args.add(constant(type));
                    } else {
                        args.add(pick(earlier).name() + (random.nextBoolean() ? " + 1" : " - 1"));
                    }
                }
                return relation.name() + "(" + String.join(", ", args) + ")";
            }

            /** A relation of a strictly lower level (inputs included), for negation and aggregates. */
            private Relation lower(boolean needColumns) {
                List<Relation> candidates = new ArrayList<>();
                for (Relation relation : all()) {
                    if (relation.level() < head.level() && (!needColumns || !relation.types().isEmpty())) {
                        candidates.add(relation);
                    }
                }
                return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
            }

            private void negation() {
                Relation relation = lower(false);
                List<String> args = new ArrayList<>();
                for (ColumnType type : relation.types()) {
                    List<Var> sameType = ofType(bound, type);
                    int choice = random.nextInt(100);
                    args.add(choice < 65 && !sameType.isEmpty() ? pick(sameType).name() : choice < 85 ? constant(type) : "_");
                }
                others.add("!" + relation.name() + "(" + String.join(", ", args) + ")");
            }

            private void aggregate() {
                Relation relation = lower(true);
                if (relation == null) {
                    return;
                }
                String kind = new String[] {"count", "sum", "min", "max"}[random.nextInt(4)];
                List<String> args = new ArrayList<>();
                List<Var> numericLocals = new ArrayList<>();
                List<Var> allLocals = new ArrayList<>();
                for (ColumnType type : relation.types()) {
                    List<Var> sameType = ofType(bound, type);
                    int choice = random.nextInt(100);
                    boolean wantTarget = !kind.equals("count") && numericLocals.isEmpty() && type != ColumnType.SYMBOL;
                    if (choice < 30 && !sameType.isEmpty() && !wantTarget) {
                        args.add(pick(sameType).name());
                    } else if (choice < 80 || wantTarget) {
                        // the target may reuse the name of a variable the rule binds: in Soufflé it is
                        // still the aggregate's own (a variable of the target is never injected)
                        boolean shadow = wantTarget && !sameType.isEmpty() && random.nextInt(100) < 30;
                        Var local = shadow ? pick(sameType) : new Var("w" + locals++, type);
                        args.add(local.name());
                        allLocals.add(local);
                        if (type != ColumnType.SYMBOL) {
                            numericLocals.add(local);
                        }
                    } else {
                        args.add(choice < 90 ? "_" : constant(type));
                    }
                }
                if (numericLocals.isEmpty()) {
                    kind = "count";
                }
                StringBuilder text = new StringBuilder(kind);
                ColumnType resultType = ColumnType.NUMBER;
                if (!kind.equals("count")) {
                    Var target = pick(numericLocals);
                    resultType = target.type();
                    int shape = random.nextInt(10);
                    String suffix = shape == 0 ? " + 1" : shape == 1 ? " * 2" : "";
                    text.append(' ').append(target.name()).append(suffix);
                }
                text.append(" : { ").append(relation.name()).append('(').append(String.join(", ", args)).append(')');
                if (random.nextInt(100) < 35) {
                    text.append(", ").append(joinedAtom(allLocals));
                }
                if (!allLocals.isEmpty() && random.nextInt(100) < 20) {
                    String negated = negatedAtom(allLocals);
                    if (negated != null) {
                        text.append(", ").append(negated);
                    }
                }
                if (random.nextInt(100) < 15) {
                    List<Var> outer = new ArrayList<>();
                    for (Var var : bound) {
                        if (var.type() == ColumnType.NUMBER) {
                            outer.add(var);
                        }
                    }
                    List<Var> numberLocals = ofType(allLocals, ColumnType.NUMBER);
                    if (!outer.isEmpty() && !numberLocals.isEmpty()) {
                        text.append(", ").append(pick(numberLocals).name()).append(' ').append(ordering()).append(' ')
                                .append(pick(outer).name());
                    }
                }
                if (!allLocals.isEmpty() && random.nextInt(100) < 30) {
                    Var local = pick(allLocals);
                    text.append(", ").append(local.name()).append(local.type() == ColumnType.SYMBOL
                            ? (random.nextBoolean() ? " = " : " != ") : " " + ordering() + " ").append(constant(local.type()));
                }
                text.append(" }");
                if (random.nextInt(100) < 15) {
                    others.add(text + " " + ordering() + " " + constant(resultType));
                } else {
                    others.add(newVar(resultType).name() + " = " + text);
                }
            }

            /**
             * A second atom of an aggregate body over a lower relation: it joins the first on a local
             * variable where the types allow, and may bind new locals (added to locals).
             */
            private String joinedAtom(List<Var> locals) {
                Relation relation = lower(true);
                if (relation == null) {
                    return "true";
                }
                List<String> args = new ArrayList<>();
                List<Var> added = new ArrayList<>();
                for (ColumnType type : relation.types()) {
                    List<Var> sameType = ofType(locals, type);
                    int choice = random.nextInt(100);
                    if (choice < 50 && !sameType.isEmpty()) {
                        args.add(pick(sameType).name());
                    } else if (choice < 75) {
                        Var local = new Var("w" + this.locals++, type);
                        args.add(local.name());
                        added.add(local);
                    } else {
                        args.add(choice < 90 ? "_" : constant(type));
                    }
                }
                locals.addAll(added);
                return relation.name() + "(" + String.join(", ", args) + ")";
            }

            /** A negated atom of an aggregate body, over its locals, constants and `_`; null if none fits. */
            private String negatedAtom(List<Var> locals) {
                Relation relation = lower(true);
                if (relation == null) {
                    return null;
                }
                List<String> args = new ArrayList<>();
                for (ColumnType type : relation.types()) {
                    List<Var> sameType = ofType(locals, type);
                    int choice = random.nextInt(100);
                    args.add(choice < 60 && !sameType.isEmpty() ? pick(sameType).name() : choice < 80 ? constant(type) : "_");
                }
                return "!" + relation.name() + "(" + String.join(", ", args) + ")";
            }

            /** `z = x op y` with a new variable z. */
            private void binding() {
                List<Var> numeric = new ArrayList<>();
                for (Var var : bound) {
                    if (var.type() != ColumnType.SYMBOL) {
                        numeric.add(var);
                    }
                }
                if (numeric.isEmpty()) {
                    return;
                }
                Var operand = pick(numeric);
                String expression = expression(operand);
                others.add(newVar(operand.type()).name() + " = " + expression);
            }

            private void comparison() {
                if (bound.isEmpty()) {
                    return;
                }
                Var left = pick(bound);
                List<Var> sameType = ofType(bound, left.type());
                sameType.remove(left);
                if (left.type() == ColumnType.SYMBOL) {
                    String right = random.nextBoolean() && !sameType.isEmpty() ? pick(sameType).name() : constant(left.type());
                    others.add(left.name() + (random.nextBoolean() ? " = " : " != ") + right);
                    return;
                }
                int choice = random.nextInt(10);
                String right = choice < 4 && !sameType.isEmpty() ? pick(sameType).name() : constant(left.type());
                String leftText = choice == 9 ? expression(left) : left.name();
                others.add(random.nextBoolean() ? leftText + " " + ordering() + " " + right
                        : right + " " + ordering() + " " + leftText);
            }

            private String headAtom() {
                List<String> args = new ArrayList<>();
                for (ColumnType type : head.types()) {
                    List<Var> sameType = ofType(bound, type);
                    int choice = random.nextInt(100);
                    if (choice < 70 && !sameType.isEmpty()) {
                        args.add(pick(sameType).name());
                    } else if (choice < 90 && !sameType.isEmpty() && type != ColumnType.SYMBOL) {
                        args.add(expression(pick(sameType)));
                    } else {
                        args.add(constant(type));
                    }
                }
                return head.name() + "(" + String.join(", ", args) + ")";
            }

            /** `x op y` or `x op c` over a numeric variable; registers the guards a recursive rule needs. */
            private String expression(Var operand) {
                ColumnType type = operand.type();
                List<String> ops = new ArrayList<>(List.of("+", "-"));
                if (type != ColumnType.FLOAT) {
                    ops.add("*");
                    if (!recursive) {
                        ops.add("/");
                        ops.add("%");
                        ops.add("^");
                    }
                    if (random.nextInt(3) == 0) {
                        ops.addAll(List.of("band", "bor", "bxor", "bshl", "bshr", "bshru", "land", "lor", "lxor"));
                    }
                }
                if (random.nextInt(8) == 0) {
                    ops.add(random.nextBoolean() ? "min" : "max");
                }
                String op = ops.get(random.nextInt(ops.size()));
                List<Var> sameType = ofType(bound, type);
                String right;
                if (random.nextInt(100) < 35) {
                    Var other = pick(sameType);
                    right = other.name();
                    guard(other);
                } else {
                    right = op.equals("/") || op.equals("%") || op.equals("^") ? Integer.toString(random.nextInt(4))
                            : constant(type);
                    if (right.startsWith("-")) {
                        right = "(" + right + ")";
                    }
                }
                guard(operand);
                if (op.equals("min") || op.equals("max")) {
                    return op + "(" + operand.name() + ", " + right + ")";
                }
                if (type == ColumnType.NUMBER && random.nextInt(10) == 0) {
                    String prefix = random.nextBoolean() ? "-" : random.nextBoolean() ? "bnot " : "lnot ";
                    return prefix + operand.name() + " " + op + " " + right;
                }
                return operand.name() + " " + op + " " + right;
            }

            private void guard(Var var) {
                if (recursive) {
                    toGuard.add(var);
                }
            }

            /** A comparison operator, mostly an ordering (an equality with a constant rarely holds). */
            private String ordering() {
                return new String[] {"<", "<", "<=", "<=", ">", ">", ">=", ">=", "!=", "="}[random.nextInt(10)];
            }

            private Var newVar(ColumnType type) {
                Var var = new Var("x" + variables++, type);
                bound.add(var);
                return var;
            }

            private List<Var> ofType(List<Var> vars, ColumnType type) {
                List<Var> result = new ArrayList<>();
                for (Var var : vars) {
                    if (var.type() == type) {
                        result.add(var);
                    }
                }
                return result;
            }

            private <T> T pick(List<T> list) {
                return list.get(random.nextInt(list.size()));
            }
        }
    }
}
