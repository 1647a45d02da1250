// Reads the relations named by a program's .input directives from a facts directory: delimited text files
// (gzip-compressed or not), JSON files and SQLite databases, or from standard input (IO=stdin, IO=json), all
// before any is handed on.
package dev.jetlog.seminaive.io;

import dev.jetlog.datasets.FactsFormatException;
import dev.jetlog.datasets.FactsReader;
import dev.jetlog.datasets.IntRows;
import dev.jetlog.datasets.IoErrors;
import dev.jetlog.datasets.JsonReader;
import dev.jetlog.datasets.RecordFactsReader;
import dev.jetlog.datasets.RecordTable;
import dev.jetlog.datasets.SqliteReader;
import dev.jetlog.datasets.SymbolEncoder;
import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.DirectiveKind;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RelationDecl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

public final class InputLoader {
    /** How errors name standard input. */
    static final String STDIN_NAME = "<stdin>";

    private InputLoader() {
    }

    /**
     * Reads every .input relation and then hands the rows to sink, relation by relation; if one input
     * fails, none is handed on. Errors name the file (and the line and column, or the row, at fault). A large
     * file of numbers is read on up to `threads` threads.
     */
    public static void load(Program program, Path factsDir, InputStream stdin, SymbolEncoder symbols,
                            RecordTable records, int threads, BiConsumer<String, IntRows> sink) {
        List<Map.Entry<String, IntRows>> loaded = new ArrayList<>();
        for (Directive directive : program.directives()) {
            if (directive.kind() != DirectiveKind.INPUT) {
                continue;
            }
            RelationDecl decl = program.relation(directive.relation());
            IoParameters io = IoParameters.of(directive, decl);
            List<ColumnType> types = decl.attributes().stream().map(Attribute::type).toList();
            if (io.kind() == IoKind.STDIN || io.kind() == IoKind.JSON) {
                loaded.add(Map.entry(decl.name(), readStdin(stdin, decl, io, symbols, records)));
                continue;
            }
            Path file = factsDir.resolve(io.path());
            try {
                checkReadable(file, decl, directive);
                IntRows rows;
                if (io.kind() == IoKind.SQLITE) {
                    rows = SqliteReader.read(file, decl.name(), types, symbols);
                } else if (io.kind() == IoKind.JSONFILE) {
                    rows = JsonReader.read(file, decl.name(), decl.attributes(), symbols, records);
                } else if (types.contains(ColumnType.RECORD)) {
                    rows = RecordFactsReader.read(file, decl.attributes(), io.readOptions(), symbols, records);
                } else {
                    rows = FactsReader.read(file, types, io.readOptions(), symbols, threads);
                }
                loaded.add(Map.entry(decl.name(), rows));
            } catch (FactsFormatException e) {
                throw new DataException(e.getMessage(), e);
            } catch (IOException e) {
                throw new DataException("cannot read input of '" + decl.name() + "': " + file + ": "
                        + IoErrors.reason(e, file), e);
            }
        }
        loaded.forEach(entry -> sink.accept(entry.getKey(), entry.getValue()));
    }

    /**
     * IO=stdin and IO=json: the rest of standard input (all of it for the first such input, nothing for the
     * next), as delimited text or JSON.
     */
    private static IntRows readStdin(InputStream stdin, RelationDecl decl, IoParameters io, SymbolEncoder symbols,
                                     RecordTable records) {
        List<ColumnType> types = decl.attributes().stream().map(Attribute::type).toList();
        try {
            if (io.kind() == IoKind.JSON) {
                return JsonReader.read(stdin, STDIN_NAME, decl.name(), decl.attributes(), symbols, records);
            }
            if (types.contains(ColumnType.RECORD)) {
                return RecordFactsReader.read(stdin, STDIN_NAME, decl.attributes(), io.readOptions(), symbols, records);
            }
            return FactsReader.read(stdin, STDIN_NAME, types, io.readOptions(), symbols);
        } catch (FactsFormatException e) {
            throw new DataException(e.getMessage(), e);
        } catch (IOException e) {
            throw new DataException("cannot read input of '" + decl.name() + "' from standard input: "
                    + IoErrors.reason(e, null), e);
        }
    }

    private static void checkReadable(Path file, RelationDecl decl, Directive directive) {
        if (!Files.isRegularFile(file)) {
            String why = Files.isDirectory(file) ? "is a directory"
                    : Files.isSymbolicLink(file) && !Files.exists(file) ? "dangling symbolic link"
                    : Files.exists(file) ? "not a regular file" : "does not exist";
            throw new DataException("cannot read input of '" + decl.name() + "': " + file + ": " + why
                    + " (.input at " + directive.pos() + ")");
        }
    }

    /** True if the program has an .input directive that reads a file (so it needs a facts directory). */
    public static boolean readsFiles(Program program) {
        return program.directives().stream().anyMatch(d -> d.kind() == DirectiveKind.INPUT
                && IoParameters.kind(d) != IoKind.STDIN && IoParameters.kind(d) != IoKind.JSON);
    }
}
