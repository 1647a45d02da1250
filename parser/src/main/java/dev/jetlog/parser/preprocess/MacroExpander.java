// Expands macros in a token sequence, as C does: arguments are expanded before they are substituted
// (except next to '#' and '##'), and the result is scanned again together with the rest of the text.
// Each token carries the names of the macros it came out of (its hide set) and is never expanded by
// those again, so a macro is not re-expanded inside its own expansion.
package dev.jetlog.parser.preprocess;

import dev.jetlog.parser.preprocess.PpToken.Kind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

final class MacroExpander {
    /** Tokens that the macros of one text (a line, or a call over lines) may produce: bounds runaway definitions. */
    static final long MAX_EXPANDED_TOKENS = 1_000_000L;

    private final Map<String, Macro> macros;
    private final Consumer<PreprocessorError> errors;
    /** Tokens produced since the outermost expand() began, and how deep expand() calls are nested. */
    private long expandedTokens;
    private int nesting;

    MacroExpander(Map<String, Macro> macros, Consumer<PreprocessorError> errors) {
        this.macros = macros;
        this.errors = errors;
    }

    /** The tokens with every macro invocation replaced by its expansion. */
    List<PpToken> expand(List<PpToken> input) {
        return expand(input, false).tokens();
    }

    /**
     * The expansion of a text that may go on: when {@code moreFollows}, a function-like macro name (with what
     * comes after it) whose call is not closed, or whose '(' may still come, is left unfinished, to be expanded
     * again with the text that follows.
     */
    record Expansion(List<PpToken> tokens, List<PpToken> unfinished) {
    }

    Expansion expand(List<PpToken> input, boolean moreFollows) {
        if (nesting++ == 0) {
            expandedTokens = 0;
        }
        try {
            return expandAll(input, moreFollows);
        } finally {
            nesting--;
        }
    }

    private Expansion expandAll(List<PpToken> input, boolean moreFollows) {
        Deque<PpToken> pending = new ArrayDeque<>(input);
        List<PpToken> out = new ArrayList<>(input.size());
        while (!pending.isEmpty()) {
            PpToken token = pending.pollFirst();
            Macro macro = token.kind() == Kind.IDENTIFIER ? macros.get(token.text()) : null;
            if (macro == null && token.kind() == Kind.IDENTIFIER && token.text().equals("__LINE__")) {
                out.add(PpToken.madeAt(Kind.NUMBER, Integer.toString(token.line()), token)); // the invocation's line
            } else if (macro == null && token.kind() == Kind.IDENTIFIER && token.text().equals("__FILE__")) {
                out.add(PpToken.madeAt(Kind.STRING, "\"" + token.file().replace("\\", "\\\\").replace("\"", "\\\"")
                        + "\"", token));
            } else if (macro == null || token.hideSet().contains(token.text())) {
                out.add(token);
            } else if (!macro.isFunctionLike()) {
                pushFront(pending, substitute(macro, token, List.of(), HideSets.with(token.hideSet(), macro.name())));
            } else if (!opensCall(pending, moreFollows)) {
                out.add(token);
            } else {
                List<PpToken> consumed = new ArrayList<>();
                try {
                    Call call = gather(macro, token, pending, consumed);
                    if (call == null && moreFollows) {
                        List<PpToken> unfinished = new ArrayList<>();
                        unfinished.add(token);
                        unfinished.addAll(consumed);
                        return new Expansion(out, unfinished);
                    }
                    if (call == null) {
                        throw PreprocessorError.at(token, "unterminated call of macro '" + macro.name()
                                + "': no ')' before the next directive or the end of the file");
                    }
                    Set<String> hideSet = HideSets.with(
                            HideSets.intersection(token.hideSet(), call.closing().hideSet()), macro.name());
                    pushFront(pending, substitute(macro, token, call.arguments(), hideSet));
                } catch (PreprocessorError e) {
                    if (e.isFatal()) {
                        throw e;
                    }
                    errors.accept(e);
                    out.add(token);
                    out.addAll(consumed);
                }
            }
        }
        return new Expansion(out, List.of());
    }

    private record Call(List<List<PpToken>> arguments, PpToken closing) {
    }

    /**
     * True when the next token other than whitespace, comments and line ends is '(', or when there is none
     * yet and more text follows.
     */
    private static boolean opensCall(Deque<PpToken> pending, boolean moreFollows) {
        for (PpToken next : pending) {
            if (next.isPunctuator("(")) {
                return true;
            }
            if (!next.isBlank() && next.kind() != Kind.NEWLINE) {
                return false;
            }
        }
        return moreFollows;
    }

    /**
     * Takes the arguments of a call from {@code pending}, up to the closing parenthesis; null when the
     * tokens end first (all taken into {@code consumed}).
     */
    private static Call gather(Macro macro, PpToken name, Deque<PpToken> pending, List<PpToken> consumed) {
        while (!pending.isEmpty() && !pending.peekFirst().isPunctuator("(")) {
            consumed.add(pending.pollFirst());
        }
        if (pending.isEmpty()) {
            return null;
        }
        consumed.add(pending.pollFirst());
        List<List<PpToken>> arguments = new ArrayList<>();
        List<PpToken> argument = new ArrayList<>();
        int depth = 0;
        while (true) {
            PpToken token = pending.pollFirst();
            if (token == null) {
                return null;
            }
            consumed.add(token);
            if (depth == 0 && token.isPunctuator(")")) {
                arguments.add(trimmed(argument));
                return new Call(checkCount(macro, name, arguments), token);
            }
            boolean lastOfVariadic = macro.variadic() && arguments.size() == macro.parameters().size() - 1;
            if (depth == 0 && token.isPunctuator(",") && !lastOfVariadic) {
                arguments.add(trimmed(argument));
                argument = new ArrayList<>();
                continue;
            }
            if (token.isPunctuator("(")) {
                depth++;
            } else if (token.isPunctuator(")")) {
                depth--;
            }
            // Inside arguments, comments and line ends are whitespace.
            argument.add(token.isBlank() || token.kind() == Kind.NEWLINE
                    ? new PpToken(Kind.WHITESPACE, " ", token.file(), token.line(), token.column(), false, Set.of())
                    : token);
        }
    }

    private static List<List<PpToken>> checkCount(Macro macro, PpToken name, List<List<PpToken>> arguments) {
        int expected = macro.parameters().size();
        if (expected == 0 && arguments.size() == 1 && arguments.get(0).isEmpty()) {
            return List.of();
        }
        if (macro.variadic() && arguments.size() == expected - 1) {
            List<List<PpToken>> withEmptyRest = new ArrayList<>(arguments);
            withEmptyRest.add(List.of());
            return withEmptyRest;
        }
        if (arguments.size() != expected) {
            throw PreprocessorError.at(name, "macro '" + macro.name() + "' takes "
                    + (macro.variadic() ? "at least " + count(expected - 1, "argument") : count(expected, "argument"))
                    + ", but " + count(arguments.size(), "was") + " given");
        }
        return arguments;
    }

    private static String count(int n, String noun) {
        if (noun.equals("was")) {
            return n + (n == 1 ? " was" : " were");
        }
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static List<PpToken> trimmed(List<PpToken> tokens) {
        int from = 0;
        int to = tokens.size();
        while (from < to && tokens.get(from).isBlank()) {
            from++;
        }
        while (to > from && tokens.get(to - 1).isBlank()) {
            to--;
        }
        return tokens.subList(from, to);
    }

    /** The body of a macro with the arguments put in, every token given the hide set. */
    private List<PpToken> substitute(Macro macro, PpToken invocation, List<List<PpToken>> arguments,
                                     Set<String> hideSet) {
        List<PpToken> body = macro.body();
        List<PpToken> out = new ArrayList<>(body.size());
        Map<Integer, List<PpToken>> expandedArguments = new HashMap<>();
        for (int i = 0; i < body.size(); i++) {
            PpToken token = body.get(i);
            if (macro.isFunctionLike() && token.isPunctuator("#")) {
                int operand = nextNonBlank(body, i + 1);
                out.add(Stringizer.stringize(arguments.get(macro.parameterIndex(body.get(operand))), invocation));
                i = operand;
            } else if (token.isPunctuator("##")) {
                int operand = nextNonBlank(body, i + 1);
                int parameter = macro.parameterIndex(body.get(operand));
                List<PpToken> right = parameter >= 0 ? orPlacemarker(arguments.get(parameter), invocation)
                        : List.of(body.get(operand).movedTo(invocation));
                paste(out, right, invocation);
                i = operand;
            } else if (macro.parameterIndex(token) >= 0) {
                int parameter = macro.parameterIndex(token);
                int next = nextNonBlank(body, i + 1);
                if (next < body.size() && body.get(next).isPunctuator("##")) {
                    out.addAll(orPlacemarker(arguments.get(parameter), invocation));
                } else {
                    out.addAll(expandedArguments.computeIfAbsent(parameter, p -> expand(arguments.get(p))));
                }
            } else {
                out.add(token.movedTo(invocation));
            }
        }
        List<PpToken> result = new ArrayList<>(out.size());
        for (PpToken token : out) {
            if (token.kind() != Kind.PLACEMARKER) {
                result.add(token.withHideSet(HideSets.union(token.hideSet(), hideSet)));
            }
        }
        expandedTokens += result.size();
        if (expandedTokens > MAX_EXPANDED_TOKENS) {
            throw PreprocessorError.fatal(invocation, "macro expansion makes more than " + MAX_EXPANDED_TOKENS
                    + " tokens here (at this use of '" + macro.name() + "')");
        }
        return result;
    }

    private static List<PpToken> orPlacemarker(List<PpToken> argument, PpToken invocation) {
        return argument.isEmpty() ? List.of(PpToken.madeAt(Kind.PLACEMARKER, "", invocation)) : argument;
    }

    /** Joins the last token of {@code out} and the first of {@code right} into one, then adds the rest. */
    private static void paste(List<PpToken> out, List<PpToken> right, PpToken invocation) {
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        PpToken left = out.remove(out.size() - 1);
        PpToken first = right.get(0);
        if (left.kind() == Kind.PLACEMARKER) {
            out.add(first);
        } else if (first.kind() == Kind.PLACEMARKER) {
            out.add(left);
        } else {
            for (PpToken pasted : PpLexer.tokenize(left.text() + first.text(), invocation.file())) {
                out.add(pasted.movedTo(invocation));
            }
        }
        out.addAll(right.subList(1, right.size()));
    }

    private static int nextNonBlank(List<PpToken> tokens, int from) {
        int i = from;
        while (i < tokens.size() && tokens.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static void pushFront(Deque<PpToken> pending, List<PpToken> tokens) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            pending.addFirst(tokens.get(i));
        }
    }
}
