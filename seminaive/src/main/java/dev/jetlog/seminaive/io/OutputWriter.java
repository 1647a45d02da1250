// Writes the relations named by .output directives (files, all or nothing; or stdout) and the .printsize counts.
package dev.jetlog.seminaive.io;

import dev.jetlog.datasets.FactsWriter;
import dev.jetlog.datasets.IoErrors;
import dev.jetlog.datasets.StagedFile;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

public final class OutputWriter {
    private OutputWriter() {
    }

    /**
     * Writes every .output relation: to outputDir (or to stdout for IO=stdout, or for all of them when
     * outputDir is null). All or nothing: every file is first written to a temporary beside its target,
     * and only when all of them are written are they renamed over their targets; a failure (an unwritable
     * target, an I/O error, an interrupt) deletes the temporaries and replaces nothing. Relations bound for
     * stdout are printed after the files are in place. rows gives a relation's row-major tuples.
     */
    public static void writeOutputs(Program program, Path outputDir, PrintStream stdout, SymbolEncoder symbols,
                                    Function<String, RelationRows> rows) {
        List<StagedFile> staged = new ArrayList<>();
        List<Directive> printed = new ArrayList<>();
        try {
            for (Directive directive : program.directives()) {
                if (directive.kind() != DirectiveKind.OUTPUT) {
                    continue;
                }
                if (outputDir == null || DirectiveCheck.toStdout(directive)) {
                    printed.add(directive);
                    continue;
                }
                RelationDecl decl = program.relation(directive.relation());
                List<ColumnType> types = decl.attributes().stream().map(Attribute::type).toList();
                Path file = outputDir.resolve(DirectiveCheck.filename(directive, ".csv"));
                RelationRows relation = rows.apply(decl.name());
                try {
                    staged.add(FactsWriter.stage(file, relation.data(), relation.count(), types,
                            DirectiveCheck.delimiter(directive), symbols));
                } catch (IOException e) {
                    throw new JetLogException("cannot write output of '" + decl.name() + "' to " + file + ": "
                            + IoErrors.reason(e, file) + "; no output was replaced", e);
                }
            }
            for (int i = 0; i < staged.size(); i++) {
                StagedFile file = staged.get(i);
                try {
                    file.commit();
                } catch (IOException e) {
                    throw new JetLogException("cannot replace " + file.target() + ": " + IoErrors.reason(e, file.target())
                            + (i == 0 ? "; no output was replaced" : "; " + i + " of " + staged.size()
                            + " outputs were replaced"), e);
                }
            }
            staged.clear();
        } finally {
            staged.forEach(StagedFile::discard);
        }
        for (Directive directive : printed) {
            RelationDecl decl = program.relation(directive.relation());
            List<ColumnType> types = decl.attributes().stream().map(Attribute::type).toList();
            RelationRows relation = rows.apply(decl.name());
            printRelation(decl, relation.data(), relation.count(), types, DirectiveCheck.delimiter(directive), stdout,
                    symbols);
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
            throw new JetLogException("cannot create output directory " + outputDir + ": " + IoErrors.reason(e, outputDir), e);
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
            throw new JetLogException("cannot print " + decl.name() + ": " + IoErrors.reason(e, null), e);
        }
        stdout.println("===============");
        stdout.flush();
    }
}
