// Writes the relations named by .output directives (delimited text, JSON files and SQLite databases, all or
// nothing; or stdout, as text or JSON) and the .printsize counts, in Soufflé's formats.
package dev.jetlog.seminaive.io;

import dev.jetlog.datasets.CsvWriteOptions;
import dev.jetlog.datasets.FactsWriter;
import dev.jetlog.datasets.FloatFormat;
import dev.jetlog.datasets.IoErrors;
import dev.jetlog.datasets.JsonWriter;
import dev.jetlog.datasets.RecordTable;
import dev.jetlog.datasets.RecordText;
import dev.jetlog.datasets.SqliteWriter;
import dev.jetlog.datasets.StagedOutput;
import dev.jetlog.datasets.SymbolEncoder;
import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.DirectiveKind;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RelationDecl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

public final class OutputWriter {
    private OutputWriter() {
    }

    /**
     * Writes every .output relation: files (IO=file, IO=jsonfile) and SQLite databases under outputDir,
     * IO=stdout and IO=json relations and IO=stdoutprintsize sizes to stdout; or, when outputDir is null
     * (Soufflé's -D -), every relation to stdout as delimited text with its header line. All or nothing:
     * every file is first written to a temporary beside its target and every existing database changed in
     * an open transaction, and only when all of them are written are they renamed over their targets and
     * committed; a failure (an unwritable target, an I/O error, an interrupt) deletes the temporaries, rolls
     * the transactions back and replaces nothing. What goes to stdout is printed after the files are in
     * place. rows gives a relation's row-major tuples; a large file is formatted on up to `threads` threads.
     */
    public static void writeOutputs(Program program, Path outputDir, PrintStream stdout, SymbolEncoder symbols,
                                    RecordTable records, Function<String, RelationRows> rows, int threads) {
        RecordText recordText = new RecordText(symbols, records);
        List<StagedOutput> staged = new ArrayList<>();
        List<Directive> printed = new ArrayList<>();
        Map<Path, List<SqliteWriter.Table>> databases = new LinkedHashMap<>();
        try {
            for (Directive directive : program.directives()) {
                if (directive.kind() != DirectiveKind.OUTPUT) {
                    continue;
                }
                RelationDecl decl = program.relation(directive.relation());
                IoParameters io = IoParameters.of(directive, decl);
                if (outputDir == null || io.kind() == IoKind.STDOUT || io.kind() == IoKind.STDOUT_PRINTSIZE
                        || io.kind() == IoKind.JSON) {
                    printed.add(directive);
                    continue;
                }
                Path file = outputDir.resolve(io.path());
                RelationRows relation = rows.apply(decl.name());
                if (io.kind() == IoKind.SQLITE) {
                    databases.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new ArrayList<>())
                            .add(new SqliteWriter.Table(decl.name(), attributeNames(decl), types(decl),
                                    relation.data(), relation.count()));
                    continue;
                }
                try {
                    if (io.kind() == IoKind.JSONFILE) {
                        staged.add(JsonWriter.stage(file, relation.data(), relation.count(), decl.attributes(),
                                io.jsonObjects(), symbols, records));
                        continue;
                    }
                    staged.add(FactsWriter.stage(file, relation.data(), relation.count(), types(decl),
                            withRecords(io.writeOptions(), decl, recordText), symbols, threads));
                } catch (IOException e) {
                    throw new DataException("cannot write output of '" + decl.name() + "' to " + file + ": "
                            + IoErrors.reason(e, file) + "; no output was replaced", e);
                }
            }
            for (Map.Entry<Path, List<SqliteWriter.Table>> database : databases.entrySet()) {
                try {
                    staged.add(SqliteWriter.stage(database.getKey(), database.getValue(), symbols));
                } catch (IOException e) {
                    throw new DataException("cannot write output of '" + database.getValue().get(0).relation()
                            + (database.getValue().size() > 1 ? "' (and " + (database.getValue().size() - 1)
                            + " more relations)" : "'") + " to the SQLite database " + database.getKey() + ": "
                            + IoErrors.reason(e, database.getKey()) + "; no output was replaced", e);
                }
            }
            for (int i = 0; i < staged.size(); i++) {
                StagedOutput output = staged.get(i);
                try {
                    output.commit();
                } catch (IOException e) {
                    throw new DataException("cannot replace " + output.target() + ": " + IoErrors.reason(e, output.target())
                            + (i == 0 ? "; no output was replaced" : "; " + i + " of " + staged.size()
                            + " outputs were replaced"), e);
                }
            }
            staged.clear();
        } finally {
            staged.forEach(StagedOutput::discard);
        }
        // Soufflé's IO=stdout sets the precision of std::cout to max_digits10 and leaves it so: an IO=json
        // output printed after one writes its floats with 9 digits, not 6
        int jsonFloatPrecision = FloatFormat.STREAM_DEFAULT_PRECISION;
        for (Directive directive : printed) {
            RelationDecl decl = program.relation(directive.relation());
            IoParameters io = IoParameters.of(directive, decl);
            if (outputDir != null && io.kind() == IoKind.STDOUT_PRINTSIZE) {
                printSize(stdout, decl.name(), rows.apply(decl.name()).count());
            } else if (outputDir != null && io.kind() == IoKind.JSON) {
                printJson(decl, rows.apply(decl.name()), io, jsonFloatPrecision, stdout, symbols, records);
            } else {
                printRelation(decl, rows.apply(decl.name()), io, outputDir == null, stdout, symbols, recordText);
                jsonFloatPrecision = FloatFormat.MAX_DIGITS10;
            }
        }
    }

    /** Prints `relation<TAB>count` for every .printsize directive, as Soufflé's IO=stdoutprintsize does. */
    public static void printSizes(Program program, PrintStream stdout, ToLongFunction<String> counts) {
        for (Directive directive : program.directives()) {
            if (directive.kind() == DirectiveKind.PRINTSIZE) {
                printSize(stdout, directive.relation(), counts.applyAsLong(directive.relation()));
            }
        }
    }

    /** True if some .output directive writes a file or a database (rather than stdout). */
    public static boolean writesFiles(Program program) {
        return program.directives().stream().anyMatch(d -> d.kind() == DirectiveKind.OUTPUT
                && (IoParameters.kind(d) == IoKind.FILE || IoParameters.kind(d) == IoKind.SQLITE
                || IoParameters.kind(d) == IoKind.JSONFILE));
    }

    /** Checks before evaluation that the output directory exists or can be created, and is writable. */
    public static void checkOutputDirectory(Path outputDir) {
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new DataException("cannot create output directory " + outputDir + ": " + IoErrors.reason(e, outputDir), e);
        }
        if (!Files.isWritable(outputDir)) {
            throw new DataException("output directory " + outputDir + " is not writable");
        }
    }

    private static void printSize(PrintStream stdout, String relation, long count) {
        stdout.print(relation + "\t" + count + "\n");
    }

    /**
     * Soufflé's IO=stdout: a rule, the name, the header line (with headers=true, or always under -D -),
     * a rule of '=', the rows, and a rule of '='.
     */
    private static void printRelation(RelationDecl decl, RelationRows relation, IoParameters io, boolean alwaysHeader,
                                      PrintStream stdout, SymbolEncoder symbols, RecordText recordText) {
        StringBuilder head = new StringBuilder("---------------\n").append(decl.name()).append('\n');
        if (io.headers() || alwaysHeader) {
            head.append(io.headerLine()).append('\n');
        }
        stdout.print(head.append("===============\n"));
        stdout.flush();
        try {
            FactsWriter.write(stdout, relation.data(), relation.count(), types(decl),
                    withRecords(new CsvWriteOptions(io.delimiter(), io.rfc4180(), null, false), decl, recordText),
                    symbols);
        } catch (IOException e) {
            throw new DataException("cannot print " + decl.name() + ": " + IoErrors.reason(e, null), e);
        }
        stdout.print("===============\n");
        stdout.flush();
    }

    /** Soufflé's IO=json: the relation as a JSON array on stdout, as IO=jsonfile writes it into a file. */
    private static void printJson(RelationDecl decl, RelationRows relation, IoParameters io, int floatPrecision,
                                  PrintStream stdout, SymbolEncoder symbols, RecordTable records) {
        try {
            JsonWriter.write(stdout, relation.data(), relation.count(), decl.attributes(), io.jsonObjects(), symbols,
                    records, floatPrecision);
        } catch (IOException e) {
            throw new DataException("cannot print " + decl.name() + ": " + IoErrors.reason(e, null), e);
        }
        stdout.flush();
    }

    /** The options, writing the relation's record columns (if any) as Soufflé does. */
    private static CsvWriteOptions withRecords(CsvWriteOptions options, RelationDecl decl, RecordText recordText) {
        if (decl.attributes().stream().noneMatch(a -> a.type() == ColumnType.RECORD)) {
            return options;
        }
        boolean quoteSymbols = options.rfc4180();
        return options.withRecords((column, value) -> recordText.format(value, decl.attributes().get(column).compound(),
                quoteSymbols));
    }

    private static List<ColumnType> types(RelationDecl decl) {
        return decl.attributes().stream().map(Attribute::type).toList();
    }

    private static List<String> attributeNames(RelationDecl decl) {
        return decl.attributes().stream().map(Attribute::name).toList();
    }
}
