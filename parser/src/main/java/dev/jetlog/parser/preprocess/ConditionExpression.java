// Evaluates the integer constant expression of #if and #elif (after macro expansion): numbers,
// `defined NAME` and `defined(NAME)`, identifiers (0), and C's operators with C's precedence:
// ?: || && | ^ & == != < > <= >= << >> + - * / % and unary + - ! ~. Values are 64-bit signed; an
// operand that && || ?: leave unevaluated may divide by zero.
package dev.jetlog.parser.preprocess;

import dev.jetlog.parser.preprocess.PpToken.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

final class ConditionExpression {
    /** Parentheses and unary operators nested deeper than this are refused. */
    static final int MAX_NESTING = 500;

    private final List<PpToken> tokens;
    private final PpToken directive;
    private final Predicate<String> isDefined;
    private int position;
    private int nesting;

    private ConditionExpression(List<PpToken> tokens, PpToken directive, Predicate<String> isDefined) {
        this.tokens = tokens;
        this.directive = directive;
        this.isDefined = isDefined;
    }

    /**
     * The value of the expression made of {@code tokens} (whitespace allowed).
     * @param directive the directive's name token, where an error about the whole line is reported
     * @throws PreprocessorError if the expression is malformed or divides by zero
     */
    static long evaluate(List<PpToken> tokens, PpToken directive, Predicate<String> isDefined) {
        List<PpToken> significant = new ArrayList<>();
        for (PpToken token : tokens) {
            if (!token.isBlank() && token.kind() != Kind.NEWLINE) {
                significant.add(token);
            }
        }
        if (significant.isEmpty()) {
            throw PreprocessorError.at(directive, "#" + directive.text() + " needs an expression");
        }
        ConditionExpression expression = new ConditionExpression(significant, directive, isDefined);
        long value = expression.conditional(true);
        if (expression.position < significant.size()) {
            throw expression.unexpected();
        }
        return value;
    }

    private long conditional(boolean live) {
        long condition = binary(0, live);
        if (!accept("?")) {
            return condition;
        }
        long whenTrue = conditional(live && condition != 0);
        expect(":");
        long whenFalse = conditional(live && condition == 0);
        return condition != 0 ? whenTrue : whenFalse;
    }

    /** Binary operators by precedence level, loosest first. */
    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<", ">", "<=", ">="}, {"<<", ">>"}, {"+", "-"},
        {"*", "/", "%"},
    };

    private long binary(int level, boolean live) {
        if (level == LEVELS.length) {
            return unary(live);
        }
        long left = binary(level + 1, live);
        while (true) {
            PpToken operator = peekOperator(LEVELS[level]);
            if (operator == null) {
                return left;
            }
            position++;
            String op = operator.text();
            boolean rightLive = live && !(op.equals("||") && left != 0) && !(op.equals("&&") && left == 0);
            long right = binary(level + 1, rightLive);
            left = rightLive || !(op.equals("||") || op.equals("&&")) ? apply(op, left, right, operator, live)
                    : op.equals("||") ? 1 : 0;
        }
    }

    private static long apply(String op, long left, long right, PpToken at, boolean live) {
        return switch (op) {
            case "||" -> left != 0 || right != 0 ? 1 : 0;
            case "&&" -> left != 0 && right != 0 ? 1 : 0;
            case "|" -> left | right;
            case "^" -> left ^ right;
            case "&" -> left & right;
            case "==" -> left == right ? 1 : 0;
            case "!=" -> left != right ? 1 : 0;
            case "<" -> left < right ? 1 : 0;
            case ">" -> left > right ? 1 : 0;
            case "<=" -> left <= right ? 1 : 0;
            case ">=" -> left >= right ? 1 : 0;
            case "<<" -> left << (right & 63);
            case ">>" -> left >> (right & 63);
            case "+" -> left + right;
            case "-" -> left - right;
            case "*" -> left * right;
            default -> {
                if (right == 0) {
                    if (live) {
                        throw PreprocessorError.at(at, "division by zero in #if");
                    }
                    yield 0;
                }
                yield op.equals("/") ? left / right : left % right;
            }
        };
    }

    private long unary(boolean live) {
        if (++nesting > MAX_NESTING) {
            throw PreprocessorError.at(peek(), "#if expression nested more than " + MAX_NESTING + " deep");
        }
        try {
            PpToken token = peek();
            if (token == null) {
                throw PreprocessorError.at(tokens.get(tokens.size() - 1), "#if expression ends where an operand is expected");
            }
            position++;
            if (token.kind() == Kind.PUNCTUATOR) {
                switch (token.text()) {
                    case "+":
                        return unary(live);
                    case "-":
                        return -unary(live);
                    case "!":
                        return unary(live) == 0 ? 1 : 0;
                    case "~":
                        return ~unary(live);
                    case "(":
                        long value = conditional(live);
                        expect(")");
                        return value;
                    default:
                        break;
                }
            } else if (token.isIdentifier("defined")) {
                return definedOperand() ? 1 : 0;
            } else if (token.kind() == Kind.IDENTIFIER) {
                return 0;
            } else if (token.kind() == Kind.NUMBER) {
                return IntegerLiteral.parse(token);
            }
            position--;
            throw unexpected();
        } finally {
            nesting--;
        }
    }

    /** The operand of `defined` (met here when a macro expansion produced it): NAME or (NAME). */
    private boolean definedOperand() {
        boolean parenthesized = accept("(");
        PpToken name = peek();
        if (name == null || name.kind() != Kind.IDENTIFIER) {
            throw PreprocessorError.at(name == null ? directive : name, "'defined' needs a macro name");
        }
        position++;
        if (parenthesized) {
            expect(")");
        }
        return isDefined.test(name.text());
    }

    private PpToken peek() {
        return position < tokens.size() ? tokens.get(position) : null;
    }

    private PpToken peekOperator(String[] operators) {
        PpToken token = peek();
        if (token != null && token.kind() == Kind.PUNCTUATOR) {
            for (String operator : operators) {
                if (token.text().equals(operator)) {
                    return token;
                }
            }
        }
        return null;
    }

    private boolean accept(String punctuator) {
        PpToken token = peek();
        if (token != null && token.isPunctuator(punctuator)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String punctuator) {
        if (!accept(punctuator)) {
            PpToken token = peek();
            throw PreprocessorError.at(token == null ? tokens.get(tokens.size() - 1) : token,
                    "expected '" + punctuator + "' in #if expression, found "
                            + (token == null ? "the end of the line" : "'" + token.text() + "'"));
        }
    }

    private PreprocessorError unexpected() {
        PpToken token = peek();
        String what = token.kind() == Kind.STRING ? "string " + token.text() : "'" + token.text() + "'";
        return PreprocessorError.at(token, "unexpected " + what + " in #if expression");
    }
}
