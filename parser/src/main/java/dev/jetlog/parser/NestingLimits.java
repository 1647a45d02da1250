// Limits that keep hostile programs from exhausting the stack or the heap, each reported at file:line:col:
// brackets nested deeper than MAX_NESTING (checked on the tokens, before parsing), expressions deeper than
// MAX_EXPRESSION_DEPTH (checked on the AST), a clause whose disjunctions would multiply out into more
// than MAX_DISJUNCTS rules, and a rule with more than MAX_BODY_LITERALS body literals (each becomes a step
// of a pipeline, and a recursive one a semi-naive version of its own).
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.RecordTerm;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.UnaryExpr;
import dev.jetlog.parser.grammar.DatalogLexer;
import org.antlr.v4.runtime.Token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

final class NestingLimits {
    static final int MAX_NESTING = 500;
    static final int MAX_EXPRESSION_DEPTH = 500;
    static final int MAX_DISJUNCTS = 4096;
    static final int MAX_BODY_LITERALS = 1000;

    private NestingLimits() {
    }

    /** The first bracket that opens a level deeper than MAX_NESTING, as an error; none if there is none. */
    static List<Diagnostic> checkTokens(List<Token> tokens, Positions positions) {
        int depth = 0;
        for (Token token : tokens) {
            String text = token.getType() == Token.EOF ? "" : token.getText();
            if (text.equals("(") || text.equals("[") || text.equals("{")) {
                depth++;
                if (depth > MAX_NESTING) {
                    return List.of(Diagnostic.error(positions.of(token), "brackets nested more than " + MAX_NESTING
                            + " levels deep"));
                }
            } else if (text.equals(")") || text.equals("]") || text.equals("}")) {
                depth = Math.max(0, depth - 1);
            } else if (token.getType() == DatalogLexer.DOT && depth > 0) {
                depth = 0; // a clause ends: unbalanced brackets are the parser's to report
            }
        }
        return List.of();
    }

    /** An error for each clause with a rule of more than MAX_BODY_LITERALS body literals. */
    static List<Diagnostic> checkBodies(List<Rule> rules) {
        List<Diagnostic> errors = new ArrayList<>();
        java.util.Set<dev.jetlog.parser.ast.SourcePos> reported = new java.util.HashSet<>();
        for (Rule rule : rules) {
            if (rule.body().size() > MAX_BODY_LITERALS && reported.add(rule.pos())) {
                errors.add(Diagnostic.error(rule.pos(), "a rule may have at most " + MAX_BODY_LITERALS
                        + " body literals; this one has " + rule.body().size() + " (split it through helper relations)"));
            }
        }
        return errors;
    }

    /** An error for each rule with an expression deeper than MAX_EXPRESSION_DEPTH (walked without recursion). */
    static List<Diagnostic> checkExpressions(List<Rule> rules) {
        List<Diagnostic> errors = new ArrayList<>();
        for (Rule rule : rules) {
            List<Term> roots = new ArrayList<>(rule.head().args());
            List<Literal> literals = new ArrayList<>();
            AstWalk.forEachLiteral(rule, literals::add);
            for (Literal literal : literals) {
                roots.addAll(AstWalk.terms(literal));
            }
            for (Term root : roots) {
                Term deep = deepest(root);
                if (deep != null) {
                    errors.add(Diagnostic.error(deep.pos(), "expression nested more than " + MAX_EXPRESSION_DEPTH
                            + " levels deep"));
                    break;
                }
            }
        }
        return errors;
    }

    /** A term below root at depth MAX_EXPRESSION_DEPTH + 1, or null if the expression is shallower. */
    private static Term deepest(Term root) {
        Deque<Term> terms = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        terms.push(root);
        depths.push(1);
        while (!terms.isEmpty()) {
            Term term = terms.pop();
            int depth = depths.pop();
            if (depth > MAX_EXPRESSION_DEPTH) {
                return term;
            }
            if (term instanceof BinaryExpr b) {
                terms.push(b.left());
                depths.push(depth + 1);
                terms.push(b.right());
                depths.push(depth + 1);
            } else if (term instanceof UnaryExpr n) {
                terms.push(n.operand());
                depths.push(depth + 1);
            } else if (term instanceof FunctorCall f) {
                for (Term arg : f.args()) {
                    terms.push(arg);
                    depths.push(depth + 1);
                }
            } else if (term instanceof RecordTerm r) {
                for (Term arg : r.args()) {
                    terms.push(arg);
                    depths.push(depth + 1);
                }
            } else if (term instanceof Aggregate a && a.target() != null) {
                terms.push(a.target());
                depths.push(depth + 1);
            }
        }
        return null;
    }
}
