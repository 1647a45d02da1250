// ANTLR error strategy that keeps the default recovery but words its messages for people:
// "expected '.' at the end of the rule, found 'foo'", "expected ':', found 'number'", "unexpected ')'",
// instead of ANTLR's full expected-token sets.
package dev.jetlog.parser;

import dev.jetlog.parser.grammar.DatalogLexer;
import dev.jetlog.parser.grammar.DatalogParser;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

final class SyntaxErrorStrategy extends DefaultErrorStrategy {
    /** Lists of expected tokens longer than this are not spelled out. */
    private static final int MAX_LISTED = 3;

    /** Optional continuations (operators) that are left out of "expected ..." lists. */
    private static final Set<Integer> OPERATORS = Set.of(DatalogLexer.PLUS, DatalogLexer.MINUS, DatalogLexer.STAR,
            DatalogLexer.SLASH, DatalogLexer.PERCENT, DatalogLexer.CARET, DatalogLexer.BAND, DatalogLexer.BOR,
            DatalogLexer.BXOR, DatalogLexer.BSHL, DatalogLexer.BSHR, DatalogLexer.BSHRU, DatalogLexer.LAND,
            DatalogLexer.LOR, DatalogLexer.LXOR);

    private static final Set<Integer> COMPARISONS = Set.of(DatalogLexer.EQ, DatalogLexer.NE, DatalogLexer.LT,
            DatalogLexer.LE, DatalogLexer.GT, DatalogLexer.GE);

    @Override
    protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
        Token offending = e.getOffendingToken();
        recognizer.notifyErrorListeners(offending, message(recognizer, offending, null), e);
    }

    @Override
    protected void reportInputMismatch(Parser recognizer, InputMismatchException e) {
        Token offending = e.getOffendingToken();
        recognizer.notifyErrorListeners(offending, message(recognizer, offending, e.getExpectedTokens()), e);
    }

    @Override
    protected void reportFailedPredicate(Parser recognizer, FailedPredicateException e) {
        Token offending = e.getOffendingToken();
        recognizer.notifyErrorListeners(offending, message(recognizer, offending, null), e);
    }

    @Override
    protected void reportUnwantedToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        Token offending = recognizer.getCurrentToken();
        recognizer.notifyErrorListeners(offending, message(recognizer, offending, null), null);
    }

    @Override
    protected void reportMissingToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        Token offending = recognizer.getCurrentToken();
        recognizer.notifyErrorListeners(offending, message(recognizer, offending, getExpectedTokens(recognizer)), null);
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        if (e instanceof NoViableAltException noViable) {
            reportNoViableAlternative(recognizer, noViable);
        } else if (e instanceof InputMismatchException mismatch) {
            reportInputMismatch(recognizer, mismatch);
        } else if (e instanceof FailedPredicateException predicate) {
            reportFailedPredicate(recognizer, predicate);
        } else {
            Token offending = e.getOffendingToken();
            recognizer.notifyErrorListeners(offending, message(recognizer, offending, null), e);
        }
    }

    /** @param expected the tokens that would have been accepted, or null to say only "unexpected ..." */
    private static String message(Parser recognizer, Token offending, IntervalSet expected) {
        String unsupported = Unsupported.forToken(offending);
        if (unsupported != null) {
            return unsupported;
        }
        String found = describe(offending);
        if (expected == null) {
            return "unexpected " + found;
        }
        if (expected.contains(DatalogLexer.DOT) && inClause(recognizer.getContext())) {
            return "expected '.' at the end of the rule, found " + found;
        }
        List<String> names = new ArrayList<>();
        boolean comparison = false;
        for (int type : expected.toList()) {
            if (COMPARISONS.contains(type)) {
                comparison = true;
            } else if (!OPERATORS.contains(type) && !Unsupported.isUnsupportedType(type)) {
                names.add(name(type));
            }
        }
        if (comparison) {
            names.add("a comparison operator");
        }
        if (names.isEmpty() || names.size() > MAX_LISTED) {
            return "unexpected " + found;
        }
        return "expected " + join(names) + ", found " + found;
    }

    private static boolean inClause(RuleContext context) {
        for (RuleContext c = context; c != null; c = c.parent) {
            if (c instanceof DatalogParser.AggregateContext || c instanceof DatalogParser.GroupItemContext
                    || c instanceof DatalogParser.AtomContext) {
                return false;
            }
            if (c instanceof DatalogParser.ClauseContext) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Token token) {
        if (token.getType() == Token.EOF) {
            return "end of file";
        }
        String text = token.getText();
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return "'" + text + "'";
    }

    private static String name(int type) {
        return switch (type) {
            case Token.EOF -> "end of file";
            case DatalogLexer.IDENT -> "a name";
            case DatalogLexer.INT -> "an integer";
            case DatalogLexer.FLOAT -> "a float";
            case DatalogLexer.STRING -> "a string";
            default -> {
                String literal = DatalogLexer.VOCABULARY.getLiteralName(type);
                yield literal != null ? literal : DatalogLexer.VOCABULARY.getDisplayName(type);
            }
        };
    }

    private static String join(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
