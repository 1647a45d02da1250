// Reads the files named by a program's .input directives from a facts directory.
package dev.jetlog.seminaive.io;

import dev.jetlog.datasets.FactsFormatException;
import dev.jetlog.datasets.FactsReader;
import dev.jetlog.datasets.IntRows;
import dev.jetlog.datasets.IoErrors;
import dev.jetlog.datasets.SymbolEncoder;
import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.DirectiveKind;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.seminaive.api.JetLogException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

public final class InputLoader {
    private InputLoader() {
    }

    /** Reads every .input relation's file and hands the rows to sink; errors name the file and line. */
    public static void load(Program program, Path factsDir, SymbolEncoder symbols, BiConsumer<String, IntRows> sink) {
        for (Directive directive : program.directives()) {
            if (directive.kind() != DirectiveKind.INPUT) {
                continue;
            }
            RelationDecl decl = program.relation(directive.relation());
            Path file = factsDir.resolve(DirectiveCheck.filename(directive, ".facts"));
            if (!Files.isRegularFile(file)) {
                String why = Files.isDirectory(file) ? "is a directory"
                        : Files.isSymbolicLink(file) && !Files.exists(file) ? "dangling symbolic link"
                        : Files.exists(file) ? "not a regular file" : "does not exist";
                throw new JetLogException("cannot read input of '" + decl.name() + "': " + file + ": " + why
                        + " (.input at " + directive.pos() + ")");
            }
            List<ColumnType> types = decl.attributes().stream().map(Attribute::type).toList();
            try {
                sink.accept(decl.name(), FactsReader.read(file, types, DirectiveCheck.delimiter(directive), symbols));
            } catch (FactsFormatException e) {
                throw new JetLogException(e.getMessage(), e);
            } catch (IOException e) {
                throw new JetLogException("cannot read input of '" + decl.name() + "': " + file + ": "
                        + IoErrors.reason(e, file), e);
            }
        }
    }

    /** True if the program has an .input directive (so it needs a facts directory). */
    public static boolean readsFiles(Program program) {
        return program.directives().stream().anyMatch(d -> d.kind() == DirectiveKind.INPUT);
    }
}
