// A macro definition: its name, its parameters (none for an object-like macro) and its body, with
// comments and runs of whitespace made single spaces and none at either end.
package dev.jetlog.parser.preprocess;

import java.util.List;

/**
 * @param parameters the parameter names of a function-like macro (the last is {@code __VA_ARGS__} when
 *                   it is variadic), or null for an object-like macro
 */
record Macro(String name, List<String> parameters, boolean variadic, List<PpToken> body) {
    static final String VARIADIC_PARAMETER = "__VA_ARGS__";

    boolean isFunctionLike() {
        return parameters != null;
    }

    /** The index of the parameter a body token names, or -1. */
    int parameterIndex(PpToken token) {
        return parameters == null || token.kind() != PpToken.Kind.IDENTIFIER ? -1 : parameters.indexOf(token.text());
    }
}
