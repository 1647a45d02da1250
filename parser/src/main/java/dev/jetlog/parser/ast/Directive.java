// An I/O directive for one relation, with its key=value parameters (IO, filename, delimiter, ...).
package dev.jetlog.parser.ast;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

public record Directive(DirectiveKind kind, String relation, Map<String, String> parameters, SourcePos pos) {
    public Directive {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The parameter's value, or the default when the directive does not set it. */
    public String parameter(String key, String defaultValue) {
        return parameters.getOrDefault(key, defaultValue);
    }
}
