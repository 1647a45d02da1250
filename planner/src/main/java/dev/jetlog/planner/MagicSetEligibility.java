// Which relations the magic-set transformation must compute in full: those the program does not select,
// those it reads or writes (inputs, outputs, printsize), those whose rules read no relation, and those whose
// result depends on how their stratum is evaluated or on a relation being complete (read under negation or in
// an aggregate; eqrel, subsumption, choice-domain, limitsize, debug_delta, autoinc, the iteration counter and
// stateful functors), together with every relation these depend on, so that no new dependency can cross a
// negation or an aggregate.
package dev.jetlog.planner;

import dev.jetlog.parser.MagicSetRequest;
import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.FloatConstant;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.FunctorDecl;
import dev.jetlog.parser.ast.IntegerConstant;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.NilConstant;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.StringConstant;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Variable;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

final class MagicSetEligibility {
    private MagicSetEligibility() {
    }

    /** The relations that keep their own rules and every tuple (their rules may still read adorned relations). */
    static Set<String> fullRelations(Program program, MagicSetRequest request) {
        Map<String, Set<String>> reads = new LinkedHashMap<>();
        Set<String> roots = new LinkedHashSet<>();
        Set<String> full = new LinkedHashSet<>();
        Set<String> readsSomeRelation = new LinkedHashSet<>();
        for (RelationDecl decl : program.declarations()) {
            reads.put(decl.name(), new LinkedHashSet<>());
            if (!request.selects(decl.name())) {
                full.add(decl.name());
            }
            if (decl.name().indexOf('@') >= 0 || !decl.choiceDomains().isEmpty() || decl.sizeLimit() > 0) {
                roots.add(decl.name()); // eqrel and subsumption's hidden relations, choice, limitsize
                roots.add(dev.jetlog.parser.EquivalenceRelations.userName(decl.name()));
                String subsumed = dev.jetlog.parser.Subsumption.subsumedRelation(decl.name());
                if (subsumed != null) {
                    roots.add(subsumed);
                }
            }
            if (decl.isDeltaDebug()) {
                roots.add(decl.name()); // its iteration numbers are those of its source's own evaluation
                roots.add(decl.deltaOf());
            }
        }
        for (Directive directive : program.directives()) {
            full.add(directive.relation());
        }
        for (Rule rule : program.rules()) {
            String head = rule.head().relation();
            Set<String> read = reads.computeIfAbsent(head, name -> new LinkedHashSet<>());
            for (Literal literal : rule.body()) {
                AstWalk.forEachLiteral(literal, nested -> {
                    if (nested instanceof Atom atom) {
                        read.add(atom.relation());
                    } else if (nested instanceof Negation negation) {
                        read.add(negation.atom().relation());
                        roots.add(negation.atom().relation());
                    }
                });
                if (literal instanceof Atom || literal instanceof Negation) {
                    readsSomeRelation.add(head);
                }
                for (Term term : AstWalk.terms(literal)) {
                    AstWalk.forEachOutermostAggregate(term, aggregate -> {
                        roots.add(head); // one hidden relation per aggregate node: the rule is not copied
                        aggregate.body().forEach(inner -> AstWalk.forEachLiteral(inner, nested -> {
                            if (nested instanceof Atom atom) {
                                roots.add(atom.relation());
                            } else if (nested instanceof Negation negation) {
                                roots.add(negation.atom().relation());
                            }
                        }));
                    });
                }
            }
            if (dependsOnEvaluationOrder(rule, program)) {
                roots.add(head);
                rule.body().forEach(literal -> AstWalk.forEachLiteral(literal, nested -> {
                    if (nested instanceof Atom atom) {
                        roots.add(atom.relation());
                    }
                }));
            }
            if (!rule.head().args().stream().allMatch(MagicSetEligibility::isVariableOrConstant)) {
                full.add(head);
            }
        }
        Deque<String> work = new ArrayDeque<>(roots);
        Set<String> closed = new LinkedHashSet<>();
        while (!work.isEmpty()) {
            String relation = work.pop();
            if (closed.add(relation)) {
                work.addAll(reads.getOrDefault(relation, Set.of()));
            }
        }
        full.addAll(closed);
        for (RelationDecl decl : program.declarations()) {
            if (!readsSomeRelation.contains(decl.name())) {
                full.add(decl.name());
            }
        }
        return full;
    }

    /** A variable or a constant: what a head argument must be for its column to be bound by a magic set. */
    static boolean isVariableOrConstant(Term term) {
        return term instanceof Variable || isConstant(term);
    }

    static boolean isConstant(Term term) {
        return term instanceof IntegerConstant || term instanceof StringConstant || term instanceof FloatConstant
                || term instanceof NilConstant;
    }

    /** autoinc() numbers, and a stateful functor answers, in the order rule instances are evaluated. */
    private static boolean dependsOnEvaluationOrder(Rule rule, Program program) {
        boolean[] found = {false};
        AstWalk.forEachLiteral(rule, literal -> {
            for (Term term : AstWalk.terms(literal)) {
                if (callsOrderDependentFunctor(term, program)) {
                    found[0] = true;
                }
            }
        });
        return found[0];
    }

    private static boolean callsOrderDependentFunctor(Term term, Program program) {
        if (term instanceof FunctorCall call) {
            if (call.isAutoIncrement() || call.isIterationCounter()) {
                return true;
            }
            if (call.isUserDefined()) {
                FunctorDecl decl = program.functor(call.name().substring(1));
                if (decl == null || decl.stateful()) {
                    return true;
                }
            }
            return call.args().stream().anyMatch(arg -> callsOrderDependentFunctor(arg, program));
        }
        if (term instanceof dev.jetlog.parser.ast.BinaryExpr binary) {
            return callsOrderDependentFunctor(binary.left(), program)
                    || callsOrderDependentFunctor(binary.right(), program);
        }
        if (term instanceof dev.jetlog.parser.ast.UnaryExpr unary) {
            return callsOrderDependentFunctor(unary.operand(), program);
        }
        if (term instanceof dev.jetlog.parser.ast.RecordTerm record) {
            return record.args().stream().anyMatch(arg -> callsOrderDependentFunctor(arg, program));
        }
        if (term instanceof Aggregate aggregate) {
            return aggregate.target() != null && callsOrderDependentFunctor(aggregate.target(), program);
        }
        return false;
    }
}
