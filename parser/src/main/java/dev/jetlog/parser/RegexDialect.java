// Soufflé's match() uses C++'s std::regex (ECMAScript grammar); JetLog compiles patterns with java.util.regex,
// which agrees on the common syntax but not on POSIX character classes inside brackets (`[[:digit:]]`), which
// ECMAScript accepts and Java reads as a set of characters. These are rewritten to Java's classes (`\p{Digit}`)
// before compiling; everything else is passed as written.
package dev.jetlog.parser;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public final class RegexDialect {
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("blank", "\\p{Blank}"),
            Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"), Map.entry("graph", "\\p{Graph}"),
            Map.entry("lower", "\\p{Lower}"), Map.entry("print", "\\p{Print}"), Map.entry("punct", "\\p{Punct}"),
            Map.entry("space", "\\s"), Map.entry("upper", "\\p{Upper}"), Map.entry("xdigit", "\\p{XDigit}"),
            Map.entry("d", "\\d"), Map.entry("w", "\\w"), Map.entry("s", "\\s"));

    private RegexDialect() {
    }

    /** The pattern as Soufflé's match() reads it. @throws PatternSyntaxException if it is not a valid pattern */
    public static Pattern compile(String pattern) {
        return Pattern.compile(toJava(pattern));
    }

    /** The pattern with each POSIX class inside a bracket expression written as Java's. */
    static String toJava(String pattern) {
        if (!pattern.contains("[:")) {
            return pattern;
        }
        StringBuilder java = new StringBuilder(pattern.length());
        boolean inBrackets = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                java.append(c).append(pattern.charAt(++i));
                continue;
            }
            if (inBrackets && c == '[' && pattern.startsWith("[:", i)) {
                int end = pattern.indexOf(":]", i + 2);
                String name = end < 0 ? null : pattern.substring(i + 2, end);
                String replacement = name == null ? null : POSIX_CLASSES.get(name);
                if (replacement != null) {
                    java.append(replacement);
                    i = end + 1;
                    continue;
                }
            }
            if (c == '[' && !inBrackets) {
                inBrackets = true;
                java.append(c);
                // a ']' first (or after '^') is a literal member, not the end
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
                    java.append(pattern.charAt(++i));
                }
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                    java.append("\\]");
                    i++;
                }
                continue;
            }
            if (c == ']' && inBrackets) {
                inBrackets = false;
            }
            java.append(c);
        }
        return java.toString();
    }
}
