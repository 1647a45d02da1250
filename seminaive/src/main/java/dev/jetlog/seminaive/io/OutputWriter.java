// Writes the relations named by .output directives (files, or stdout) and the .printsize counts.
package dev.jetlog.seminaive.io;

import dev.jetlog.datasets.FactsWriter;
import dev.jetlog.datasets.SymbolEncoder;
import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.DirectiveKind;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.seminaive.api.JetLogException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

public final class OutputWriter {
    private OutputWriter() {
    }

    /**
     * Writes every .output relation: to outputDir (or to stdout for IO=stdout, or for all of them
     * when outputDir is null), each file replaced atomically. rows gives a relation's row-major tuples.
     */
    public static void writeOutputs(Program program, Path outputDir, PrintStream stdout, SymbolEncoder symbols,
                                    Function<String, RelationRows> rows) {
        for (Directive directive : program.directives()) {
            if (directive.kind() != DirectiveKind.OUTPUT) {
                continue;
            }
            RelationDecl decl = program.relation(directive.relation());
            List<ColumnType> types = decl.attributes().stream().map(Attribute::type).toList();
            RelationRows relation = rows.apply(decl.name());
            int[] data = relation.data();
            int count = relation.count();
            String delimiter = DirectiveCheck.delimiter(directive);
            if (outputDir == null || DirectiveCheck.toStdout(directive)) {
                printRelation(decl, data, count, types, delimiter, stdout, symbols);
                continue;
            }
            Path file = outputDir.resolve(DirectiveCheck.filename(directive, ".csv"));
            try {
                FactsWriter.write(file, data, count, types, delimiter, symbols);
            } catch (IOException e) {
                throw new JetLogException("cannot write output of '" + decl.name() + "' to " + file + ": "
                        + InputLoader.describe(e), e);
            }
        }
    }

    /** Prints `relation<TAB>count` for every .printsize directive. */
    public static void printSizes(Program program, PrintStream stdout, ToLongFunction<String> counts) {
        for (Directive directive : program.directives()) {
            if (directive.kind() == DirectiveKind.PRINTSIZE) {
                stdout.println(directive.relation() + "\t" + counts.applyAsLong(directive.relation()));
            }
        }
    }

    /** True if some .output directive writes a file (rather than stdout). */
    public static boolean writesFiles(Program program) {
        return program.directives().stream()
                .anyMatch(d -> d.kind() == DirectiveKind.OUTPUT && !DirectiveCheck.toStdout(d));
    }

    /** Checks before evaluation that the output directory exists or can be created, and is writable. */
    public static void checkOutputDirectory(Path outputDir) {
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new JetLogException("cannot create output directory " + outputDir + ": " + InputLoader.describe(e), e);
        }
        if (!Files.isWritable(outputDir)) {
            throw new JetLogException("output directory " + outputDir + " is not writable");
        }
    }

    private static void printRelation(RelationDecl decl, int[] data, int count, List<ColumnType> types,
                                      String delimiter, PrintStream stdout, SymbolEncoder symbols) {
        stdout.println("---------------");
        stdout.println(decl.name());
        stdout.println(decl.attributes().stream().map(Attribute::name).collect(Collectors.joining(delimiter)));
        stdout.println("===============");
        stdout.flush();
        try {
            FactsWriter.write(stdout, data, count, types, delimiter, symbols);
        } catch (IOException e) {
            throw new JetLogException("cannot print " + decl.name() + ": " + InputLoader.describe(e), e);
        }
        stdout.println("===============");
        stdout.flush();
    }
}
