// The entry point of the Java API: compile a program (parse, check, plan) from text or a file.
//
//   CompiledProgram program = JetLog.compileFile(Path.of("tc.dl"));
//   try (Session session = program.newSession(EngineOptions.defaults().withThreads(4))) {
//       session.insert("edge", 1, 2);
//       session.run();
//       for (Tuple t : session.tuples("path")) { ... }
//   }
package dev.jetlog.seminaive.api;

import dev.jetlog.parser.CheckedProgram;
import dev.jetlog.parser.DatalogException;
import dev.jetlog.parser.DatalogParser;
import dev.jetlog.parser.Diagnostic;
import dev.jetlog.parser.SourceText;
import dev.jetlog.planner.Plan;
import dev.jetlog.planner.Planner;
import dev.jetlog.seminaive.io.DirectiveCheck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class JetLog {
    private JetLog() {
    }

    /** Compiles program text; diagnostics name the given source name. @throws DatalogException if it is invalid */
    public static CompiledProgram compile(String sourceName, String text) {
        return compile(SourceText.of(sourceName, text));
    }

    /** Compiles a program file. @throws DatalogException if it is invalid */
    public static CompiledProgram compileFile(Path file) throws IOException {
        return compile(SourceText.read(file));
    }

    public static CompiledProgram compile(SourceText source) {
        CheckedProgram checked = DatalogParser.parse(source);
        List<Diagnostic> errors = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>(checked.warnings());
        DirectiveCheck.check(checked.program(), errors, warnings);
        if (!errors.isEmpty()) {
            throw new DatalogException(source, errors);
        }
        Plan plan = Planner.plan(checked);
        return new CompiledProgram(checked, plan, warnings);
    }
}
