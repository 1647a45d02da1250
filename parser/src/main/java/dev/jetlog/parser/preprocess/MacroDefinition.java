// Reads the rest of a #define line into a Macro: NAME body, or NAME(params) body when '(' follows the
// name at once. Checks C's rules: a name that is not 'defined', distinct parameters, '#' before a
// parameter only, '##' at neither end of the body.
package dev.jetlog.parser.preprocess;

import dev.jetlog.parser.preprocess.PpToken.Kind;

import java.util.ArrayList;
import java.util.List;

final class MacroDefinition {
    private MacroDefinition() {
    }

    /**
     * @param tokens the tokens after the directive's name, up to the end of the line
     * @param directive the directive's name token, where an error about the whole line is reported
     */
    static Macro parse(List<PpToken> tokens, PpToken directive) {
        int i = skipBlanks(tokens, 0);
        if (i == tokens.size() || tokens.get(i).kind() != Kind.IDENTIFIER) {
            throw PreprocessorError.at(i == tokens.size() ? directive : tokens.get(i), "#define needs a macro name");
        }
        PpToken name = tokens.get(i);
        checkName(name);
        i++;
        List<String> parameters = null;
        boolean variadic = false;
        if (i < tokens.size() && tokens.get(i).isPunctuator("(")) {
            parameters = new ArrayList<>();
            i++;
            while (true) {
                i = skipBlanks(tokens, i);
                PpToken token = i < tokens.size() ? tokens.get(i) : null;
                if (token != null && token.isPunctuator(")") && parameters.isEmpty()) {
                    break;
                }
                if (token != null && token.isPunctuator("...")) {
                    parameters.add(Macro.VARIADIC_PARAMETER);
                    variadic = true;
                } else if (token != null && token.kind() == Kind.IDENTIFIER
                        && !token.text().equals(Macro.VARIADIC_PARAMETER)) {
                    if (parameters.contains(token.text())) {
                        throw PreprocessorError.at(token, "duplicate parameter '" + token.text() + "' of macro '"
                                + name.text() + "'");
                    }
                    parameters.add(token.text());
                } else {
                    throw PreprocessorError.at(token == null ? name : token,
                            "expected a parameter name in the parameter list of macro '" + name.text() + "'");
                }
                i = skipBlanks(tokens, i + 1);
                token = i < tokens.size() ? tokens.get(i) : null;
                if (token != null && token.isPunctuator(")")) {
                    break;
                }
                if (token == null || !token.isPunctuator(",") || variadic) {
                    throw PreprocessorError.at(token == null ? name : token,
                            "expected ',' or ')' in the parameter list of macro '" + name.text() + "'");
                }
                i++;
            }
            i++;
        }
        Macro macro = new Macro(name.text(), parameters == null ? null : List.copyOf(parameters), variadic,
                body(tokens.subList(i, tokens.size())));
        checkOperators(macro, name);
        return macro;
    }

    /** A macro given by the caller (-M NAME=VALUE): its value is the body. */
    static Macro predefined(String name, String value) {
        return new Macro(name, null, false, body(PpLexer.tokenize(value, "<command line>")));
    }

    static void checkName(PpToken name) {
        if (name.text().equals("defined")) {
            throw PreprocessorError.at(name, "'defined' cannot be used as a macro name");
        }
    }

    /** The body tokens: comments and whitespace runs made one space, none at either end. */
    private static List<PpToken> body(List<PpToken> tokens) {
        List<PpToken> body = new ArrayList<>();
        for (PpToken token : tokens) {
            if (token.kind() == Kind.NEWLINE) {
                continue;
            }
            if (token.isBlank()) {
                if (!body.isEmpty() && !body.get(body.size() - 1).isBlank()) {
                    body.add(new PpToken(Kind.WHITESPACE, " ", token.file(), token.line(), token.column(), false,
                            token.hideSet()));
                }
            } else {
                body.add(token);
            }
        }
        if (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
            body.remove(body.size() - 1);
        }
        return List.copyOf(body);
    }

    private static void checkOperators(Macro macro, PpToken name) {
        List<PpToken> body = macro.body();
        if (!body.isEmpty() && (body.get(0).isPunctuator("##") || body.get(body.size() - 1).isPunctuator("##"))) {
            PpToken at = body.get(0).isPunctuator("##") ? body.get(0) : body.get(body.size() - 1);
            throw PreprocessorError.at(at, "'##' cannot be at either end of the body of macro '" + name.text() + "'");
        }
        if (!macro.isFunctionLike()) {
            return;
        }
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).isPunctuator("#")) {
                int operand = skipBlanks(body, i + 1);
                if (operand == body.size() || macro.parameterIndex(body.get(operand)) < 0) {
                    throw PreprocessorError.at(body.get(i), "'#' is not followed by a parameter of macro '"
                            + name.text() + "'");
                }
            }
        }
    }

    static int skipBlanks(List<PpToken> tokens, int from) {
        int i = from;
        while (i < tokens.size() && tokens.get(i).isBlank()) {
            i++;
        }
        return i;
    }
}
