// Checks the parameters of .input/.output/.printsize directives when a program is compiled, so that
// a typo fails before any evaluation: unsupported IO kinds are errors, unknown keys are warnings.
package dev.jetlog.seminaive.io;

import dev.jetlog.parser.Diagnostic;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.DirectiveKind;
import dev.jetlog.parser.ast.Program;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, Directive> outputFiles = new HashMap<>();
        for (Directive directive : program.directives()) {
            if (directive.kind() != DirectiveKind.PRINTSIZE && !toStdout(directive)) {
                String name = filename(directive, directive.kind() == DirectiveKind.OUTPUT ? ".csv" : ".facts");
                try {
                    Path.of(name);
                } catch (java.nio.file.InvalidPathException e) {
                    errors.add(Diagnostic.error(directive.pos(), "the filename of " + directive.relation()
                            + " is not a valid path: " + e.getReason()));
                    continue;
                }
            }
            if (directive.kind() == DirectiveKind.OUTPUT && !toStdout(directive)) {
                String file = Path.of(filename(directive, ".csv")).normalize().toString();
                Directive first = outputFiles.putIfAbsent(file, directive);
                if (first != null) {
                    errors.add(Diagnostic.error(directive.pos(), "output file '" + file + "' of " + directive.relation()
                            + " is also written by the .output of " + first.relation() + " at " + first.pos().lineSeenFrom(directive.pos())));
                }
            }
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
