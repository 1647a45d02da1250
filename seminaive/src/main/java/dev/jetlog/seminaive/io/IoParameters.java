// The Soufflé I/O parameters of one .input/.output/.printsize directive with Soufflé's defaults applied:
// where the data goes, the file or database name, how a text file is laid out, and the JSON format.
package dev.jetlog.seminaive.io;

import dev.jetlog.datasets.CsvReadOptions;
import dev.jetlog.datasets.CsvWriteOptions;
import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.DirectiveKind;
import dev.jetlog.parser.ast.RelationDecl;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Read after {@link DirectiveCheck} accepted the directive, so every value is valid. As in Soufflé 2.5:
 * a boolean is on only when written {@code true}; {@code rfc4180=true} makes {@code ,} the default
 * delimiter; the header line joins the attribute names with the delimiter the directive names, or a tab
 * (not the rfc4180 default); {@code compress} compresses whenever it is given, even as {@code false},
 * and makes {@code R.csv.gz} the default name; an SQLite database is named by {@code filename}, else
 * {@code dbname}, else {@code R.sqlite}; a {@code .printsize} always prints the size; a JSON file is named
 * {@code R.json} unless {@code filename} says otherwise, and written as a list of lists unless
 * {@code format=object} (jsonObjects).
 */
public record IoParameters(IoKind kind, String path, String delimiter, boolean headers, boolean rfc4180,
                           List<Integer> columns, boolean compress, String headerLine, boolean jsonObjects) {
    static final String IO = "IO";
    static final String FILENAME = "filename";
    static final String DBNAME = "dbname";
    static final String DELIMITER = "delimiter";
    static final String HEADERS = "headers";
    static final String RFC4180 = "rfc4180";
    static final String COLUMNS = "columns";
    static final String COMPRESS = "compress";
    static final String FORMAT = "format";
    static final String FORMAT_LIST = "list";
    static final String FORMAT_OBJECT = "object";

    public IoParameters {
        columns = List.copyOf(columns);
    }

    /** The directive's parameters with defaults applied. */
    public static IoParameters of(Directive directive, RelationDecl decl) {
        IoKind kind = kind(directive);
        boolean rfc4180 = isTrue(directive, RFC4180);
        boolean compress = directive.parameters().containsKey(COMPRESS);
        String delimiter = directive.parameter(DELIMITER, rfc4180 ? "," : "\t");
        String headerLine = decl.attributes().stream().map(Attribute::name)
                .collect(Collectors.joining(directive.parameter(DELIMITER, "\t")));
        return new IoParameters(kind, path(directive, kind, compress), delimiter, isTrue(directive, HEADERS), rfc4180,
                columns(directive.parameter(COLUMNS, "")), compress, headerLine,
                directive.parameter(FORMAT, FORMAT_LIST).equals(FORMAT_OBJECT));
    }

    /** The layout of an input file. */
    public CsvReadOptions readOptions() {
        return new CsvReadOptions(delimiter, rfc4180, headers, columns);
    }

    /** The layout of an output file (or of the rows printed on stdout, with the header printed apart). */
    public CsvWriteOptions writeOptions() {
        return new CsvWriteOptions(delimiter, rfc4180, headers ? headerLine : null, compress);
    }

    static IoKind kind(Directive directive) {
        if (directive.kind() == DirectiveKind.PRINTSIZE) {
            return IoKind.STDOUT_PRINTSIZE;
        }
        IoKind kind = IoKind.named(directive.parameter(IO, IoKind.FILE.value()));
        return kind == null ? IoKind.FILE : kind;
    }

    private static String path(Directive directive, IoKind kind, boolean compress) {
        String relation = directive.relation();
        return switch (kind) {
            case FILE -> directive.parameter(FILENAME, directive.kind() == DirectiveKind.INPUT ? relation + ".facts"
                    : compress ? relation + ".csv.gz" : relation + ".csv");
            case SQLITE -> directive.parameter(FILENAME, directive.parameter(DBNAME, relation + ".sqlite"));
            case JSONFILE -> directive.parameter(FILENAME, relation + ".json");
            default -> null;
        };
    }

    private static boolean isTrue(Directive directive, String key) {
        return directive.parameter(key, "false").equals("true");
    }

    /** Soufflé's columns="2:0": the file column of each attribute; empty when not given. */
    static List<Integer> columns(String text) {
        List<Integer> columns = new ArrayList<>();
        if (!text.isEmpty()) {
            for (String part : text.split(":", -1)) {
                columns.add(Integer.parseInt(part.strip()));
            }
        }
        return columns;
    }
}
