// Checks the parameters of .input/.output/.printsize directives when a program is compiled, so that a
// typo fails before any evaluation: an unsupported IO kind or an invalid value (headers=maybe, a bad
// columns list, an empty delimiter, format=xml, JSON of an ADT column) is an error at the directive; an
// unknown or unused key is a warning.
package dev.jetlog.seminaive.io;

import static dev.jetlog.seminaive.io.IoParameters.COLUMNS;
import static dev.jetlog.seminaive.io.IoParameters.COMPRESS;
import static dev.jetlog.seminaive.io.IoParameters.DBNAME;
import static dev.jetlog.seminaive.io.IoParameters.DELIMITER;
import static dev.jetlog.seminaive.io.IoParameters.FILENAME;
import static dev.jetlog.seminaive.io.IoParameters.FORMAT;
import static dev.jetlog.seminaive.io.IoParameters.FORMAT_LIST;
import static dev.jetlog.seminaive.io.IoParameters.FORMAT_OBJECT;
import static dev.jetlog.seminaive.io.IoParameters.HEADERS;
import static dev.jetlog.seminaive.io.IoParameters.IO;
import static dev.jetlog.seminaive.io.IoParameters.RFC4180;

import dev.jetlog.parser.Diagnostic;
import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompoundType;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.DirectiveKind;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RelationDecl;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class DirectiveCheck {
    private static final Set<String> KNOWN = Set.of(IO, FILENAME, DBNAME, DELIMITER, HEADERS, RFC4180, COLUMNS, COMPRESS,
            FORMAT);
    private static final Set<String> BOOLEANS = Set.of(HEADERS, RFC4180, COMPRESS);

    private DirectiveCheck() {
    }

    /** Adds errors and warnings about the program's directives to the lists. */
    public static void check(Program program, List<Diagnostic> errors, List<Diagnostic> warnings) {
        Map<String, Directive> outputFiles = new HashMap<>();
        Map<String, Directive> databaseTables = new HashMap<>();
        for (Directive directive : program.directives()) {
            RelationDecl decl = program.relation(directive.relation());
            if (decl == null) {
                continue; // the parser has reported it
            }
            if (directive.kind() == DirectiveKind.PRINTSIZE) {
                for (String key : directive.parameters().keySet()) {
                    warnings.add(Diagnostic.warning(directive.pos(), "parameter '" + key + "' of "
                            + describe(directive) + " is ignored"));
                }
                continue;
            }
            int before = errors.size();
            checkValues(directive, decl, errors, warnings);
            if (errors.size() > before) {
                continue;
            }
            IoParameters io = IoParameters.of(directive, decl);
            warnUnused(directive, io.kind(), warnings);
            if (io.path() != null && !checkPath(directive, io, errors)) {
                continue;
            }
            if (directive.kind() == DirectiveKind.OUTPUT && io.path() != null) {
                checkNotWrittenTwice(directive, io, outputFiles, databaseTables, errors);
            }
        }
    }

    /**
     * Two outputs into one file are an error, unless both are tables of one SQLite database (each table
     * once). Paths are compared as written, normalized.
     */
    private static void checkNotWrittenTwice(Directive directive, IoParameters io, Map<String, Directive> outputFiles,
                                             Map<String, Directive> databaseTables, List<Diagnostic> errors) {
        String file = Path.of(io.path()).normalize().toString();
        boolean database = io.kind() == IoKind.SQLITE;
        Directive first = outputFiles.putIfAbsent(file, directive);
        if (database && (first == null || IoParameters.kind(first) == IoKind.SQLITE)) {
            first = databaseTables.putIfAbsent(file + "\0" + directive.relation(), directive);
        }
        if (first != null) {
            errors.add(Diagnostic.error(directive.pos(), "output " + (database ? "database" : "file") + " '" + file
                    + "' of " + directive.relation() + " is also written by the .output of " + first.relation()
                    + " at " + first.pos().lineSeenFrom(directive.pos())));
        }
    }

    /** Errors for values no IO kind accepts, and for an IO kind JetLog lacks. */
    private static void checkValues(Directive directive, RelationDecl decl, List<Diagnostic> errors,
                                    List<Diagnostic> warnings) {
        String where = describe(directive);
        boolean output = directive.kind() == DirectiveKind.OUTPUT;
        String io = directive.parameter(IO, IoKind.FILE.value());
        IoKind kind = IoKind.named(io);
        boolean inputKind = kind == IoKind.FILE || kind == IoKind.SQLITE || kind == IoKind.STDIN
                || kind == IoKind.JSONFILE || kind == IoKind.JSON;
        boolean outputKind = kind != null && kind != IoKind.STDIN;
        if (kind == null || (output ? !outputKind : !inputKind)) {
            errors.add(Diagnostic.error(directive.pos(), "unsupported IO='" + io + "' for " + where
                    + (output ? " (use file, stdout, stdoutprintsize, sqlite, jsonfile or json)"
                    : " (use file, stdin, sqlite, jsonfile or json)")));
        }
        String format = directive.parameters().get(FORMAT);
        if (format != null && !format.equals(FORMAT_LIST) && !format.equals(FORMAT_OBJECT)) {
            errors.add(Diagnostic.error(directive.pos(), "format='" + format + "' of " + where
                    + " must be list or object"));
        }
        if (kind == IoKind.JSONFILE || kind == IoKind.JSON) {
            for (Attribute attribute : decl.attributes()) {
                CompoundType adt = adtWithin(attribute);
                if (adt != null) {
                    errors.add(Diagnostic.error(directive.pos(), "IO=" + kind.value() + " does not support ADT values"
                            + ", which column " + attribute.name() + " of " + directive.relation() + " holds (type "
                            + adt.name() + "); use IO=file"));
                }
            }
        }
        for (String key : BOOLEANS) {
            String value = directive.parameters().get(key);
            if (value != null && !value.equals("true") && !value.equals("false")) {
                errors.add(Diagnostic.error(directive.pos(), key + "='" + value + "' of " + where
                        + " must be true or false"));
            }
        }
        String delimiter = directive.parameters().get(DELIMITER);
        if (delimiter != null) {
            if (delimiter.isEmpty()) {
                errors.add(Diagnostic.error(directive.pos(), "the delimiter of " + directive.relation() + " must not be empty"));
            } else if (delimiter.indexOf('\n') >= 0 || delimiter.indexOf('\r') >= 0) {
                errors.add(Diagnostic.error(directive.pos(), "the delimiter of " + directive.relation()
                        + " must not contain a line break"));
            } else if (delimiter.indexOf('"') >= 0 && "true".equals(directive.parameters().get(RFC4180))) {
                errors.add(Diagnostic.error(directive.pos(), "the delimiter of " + directive.relation()
                        + " must not contain '\"' under rfc4180=true"));
            }
        }
        if (directive.parameters().containsKey(COLUMNS)) {
            String problem = columnsProblem(directive.parameter(COLUMNS, ""), decl.arity());
            if (problem != null) {
                errors.add(Diagnostic.error(directive.pos(), "columns='" + directive.parameter(COLUMNS, "") + "' of "
                        + where + " " + problem));
            }
        }
        for (String key : List.of(FILENAME, DBNAME)) {
            if (directive.parameters().containsKey(key) && directive.parameter(key, "").isBlank()) {
                errors.add(Diagnostic.error(directive.pos(), "the " + key + " of " + directive.relation() + " must not be empty"));
            }
        }
        if (kind == IoKind.SQLITE) {
            if (decl.arity() == 0) {
                errors.add(Diagnostic.error(directive.pos(), "IO=sqlite needs at least one attribute; "
                        + directive.relation() + " has none"));
            }
            if (decl.attributes().stream().anyMatch(a -> a.type() == dev.jetlog.parser.ast.ColumnType.RECORD)) {
                errors.add(Diagnostic.error(directive.pos(), "IO=sqlite does not support record or ADT columns, which "
                        + directive.relation() + " has; use IO=file"));
            }
            String name = directive.parameter(FILENAME, directive.parameter(DBNAME, ""));
            if (name.startsWith("file:") || name.startsWith(":memory:")) {
                errors.add(Diagnostic.error(directive.pos(), "the database of " + directive.relation() + " must be a file"
                        + " name: SQLite URIs and in-memory databases ('" + name + "') are not supported"));
            }
        }
        if (output && "false".equals(directive.parameters().get(COMPRESS)) && kind == IoKind.FILE) {
            warnings.add(Diagnostic.warning(directive.pos(), "compress=false of " + where
                    + " still writes gzip, as in Soufflé 2.5 (remove the parameter to write plain text)"));
        }
    }

    /** The first ADT type a column's values are or hold (through record fields at any depth), or null. */
    private static CompoundType adtWithin(Attribute attribute) {
        if (attribute.type() != ColumnType.RECORD || attribute.compound() == null) {
            return null;
        }
        Set<CompoundType> seen = new HashSet<>();
        Deque<CompoundType> pending = new ArrayDeque<>();
        pending.push(attribute.compound());
        while (!pending.isEmpty()) {
            CompoundType type = pending.pop();
            if (!seen.add(type)) {
                continue;
            }
            if (type.isAdt()) {
                return type;
            }
            for (CompoundType.Field field : type.fields()) {
                if (field.type() == ColumnType.RECORD && field.compound() != null) {
                    pending.push(field.compound());
                }
            }
        }
        return null;
    }

    /** Why a columns list does not suit the relation, or null: one distinct file column per attribute. */
    private static String columnsProblem(String text, int arity) {
        String[] parts = text.split(":", -1);
        Set<String> seen = new HashSet<>();
        for (String part : parts) {
            if (!part.strip().matches("[0-9]{1,9}")) {
                return "must list column numbers (from 0) separated by ':'";
            }
            if (!seen.add(String.valueOf(Integer.parseInt(part.strip())))) {
                return "names column " + part.strip() + " twice";
            }
        }
        return parts.length == arity ? null : "must list " + arity + " column number" + (arity == 1 ? "" : "s")
                + " (one per attribute), not " + parts.length;
    }

    /** Warnings for keys JetLog does not know, and for known keys the directive's IO kind does not use. */
    private static void warnUnused(Directive directive, IoKind kind, List<Diagnostic> warnings) {
        Set<String> used = used(directive.kind(), kind);
        for (String key : directive.parameters().keySet()) {
            if (used.contains(key)) {
                continue;
            }
            String why = !KNOWN.contains(key) ? ""
                    : key.equals(COMPRESS) && kind == IoKind.FILE ? " (gzip input is recognised by its content)"
                    : key.equals(FORMAT) && (kind == IoKind.JSONFILE || kind == IoKind.JSON)
                    ? " (as in Soufflé, the first tuple of a JSON input tells its format)"
                    : " with IO=" + kind.value();
            warnings.add(Diagnostic.warning(directive.pos(), "parameter '" + key + "' of " + describe(directive)
                    + " is ignored" + why));
        }
    }

    private static Set<String> used(DirectiveKind directive, IoKind kind) {
        boolean input = directive == DirectiveKind.INPUT;
        return switch (kind) {
            case FILE -> input ? Set.of(IO, FILENAME, DELIMITER, HEADERS, RFC4180, COLUMNS)
                    : Set.of(IO, FILENAME, DELIMITER, HEADERS, RFC4180, COMPRESS);
            case STDOUT -> Set.of(IO, DELIMITER, HEADERS, RFC4180);
            case STDOUT_PRINTSIZE -> Set.of(IO);
            case SQLITE -> Set.of(IO, FILENAME, DBNAME);
            case STDIN -> Set.of(IO, DELIMITER, HEADERS, RFC4180, COLUMNS);
            case JSONFILE -> input ? Set.of(IO, FILENAME) : Set.of(IO, FILENAME, FORMAT);
            case JSON -> input ? Set.of(IO) : Set.of(IO, FORMAT);
        };
    }

    private static boolean checkPath(Directive directive, IoParameters io, List<Diagnostic> errors) {
        try {
            Path.of(io.path());
            return true;
        } catch (InvalidPathException e) {
            errors.add(Diagnostic.error(directive.pos(), "the " + (io.kind() == IoKind.SQLITE ? "database" : "filename")
                    + " of " + directive.relation() + " is not a valid path: " + e.getReason()));
            return false;
        }
    }

    private static String describe(Directive directive) {
        return directive.kind().keyword() + " " + directive.relation();
    }
}
