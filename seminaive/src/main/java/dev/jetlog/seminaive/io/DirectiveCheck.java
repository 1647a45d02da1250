// Checks the parameters of .input/.output/.printsize directives when a program is compiled, so that
// a typo fails before any evaluation: unsupported IO kinds are errors, unknown keys are warnings.
package dev.jetlog.seminaive.io;

import dev.jetlog.parser.Diagnostic;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.DirectiveKind;
import dev.jetlog.parser.ast.Program;

import java.util.List;
import java.util.Set;

public final class DirectiveCheck {
    static final String IO = "IO";
    static final String FILENAME = "filename";
    static final String DELIMITER = "delimiter";
    private static final Set<String> KNOWN = Set.of(IO, FILENAME, DELIMITER);

    private DirectiveCheck() {
    }

    /** Adds errors and warnings about the program's directives to the lists. */
    public static void check(Program program, List<Diagnostic> errors, List<Diagnostic> warnings) {
        for (Directive directive : program.directives()) {
            String io = directive.parameter(IO, "file");
            boolean output = directive.kind() == DirectiveKind.OUTPUT;
            if (directive.kind() != DirectiveKind.PRINTSIZE && !io.equals("file") && !(output && io.equals("stdout"))) {
                errors.add(Diagnostic.error(directive.pos(), "unsupported IO='" + io + "' for "
                        + directive.kind().keyword() + " " + directive.relation()
                        + (output ? " (use IO=file or IO=stdout)" : " (use IO=file)")));
            }
            if (directive.parameters().containsKey(DELIMITER) && directive.parameter(DELIMITER, "").isEmpty()) {
                errors.add(Diagnostic.error(directive.pos(), "the delimiter of " + directive.relation() + " must not be empty"));
            }
            if (directive.parameters().containsKey(FILENAME) && directive.parameter(FILENAME, "").isBlank()) {
                errors.add(Diagnostic.error(directive.pos(), "the filename of " + directive.relation() + " must not be empty"));
            }
            for (String key : directive.parameters().keySet()) {
                if (!KNOWN.contains(key) || directive.kind() == DirectiveKind.PRINTSIZE) {
                    warnings.add(Diagnostic.warning(directive.pos(), "parameter '" + key + "' of "
                            + directive.kind().keyword() + " " + directive.relation() + " is ignored"));
                }
            }
        }
    }

    static String delimiter(Directive directive) {
        return directive.parameter(DELIMITER, "\t");
    }

    static String filename(Directive directive, String defaultExtension) {
        return directive.parameter(FILENAME, directive.relation() + defaultExtension);
    }

    static boolean toStdout(Directive directive) {
        return directive.parameter(IO, "file").equals("stdout");
    }
}
