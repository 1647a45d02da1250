// Reads the .facts file of a relation with record or ADT columns. Such a field may hold the delimiter (`,` in
// `[1, x]`), so a record column's field runs to the first delimiter outside brackets, parentheses and quoted
// symbols, as in Soufflé; other columns split at the next delimiter. Honours the layout options of
// FactsReader (delimiter, rfc4180 quoting, a header line, selected columns) and gzip input; errors name
// file:line:column, pointing into the record where it goes wrong.
package dev.jetlog.datasets;

import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.ColumnType;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

public final class RecordFactsReader {
    private final String source;
    private final String text;
    private final List<Attribute> attributes;
    private final CsvReadOptions options;
    private final SymbolEncoder symbols;
    private final RecordText records;
    private int at;
    private int line = 1;
    private int lineStart;

    private RecordFactsReader(String source, String text, List<Attribute> attributes, CsvReadOptions options,
                              SymbolEncoder symbols, RecordTable recordTable) {
        this.source = source;
        this.text = text;
        this.attributes = attributes;
        this.options = options;
        this.symbols = symbols;
        this.records = new RecordText(symbols, recordTable);
    }

    /** Reads the file (gzip-compressed or not) laid out as the options say. */
    public static IntRows read(Path file, List<Attribute> attributes, CsvReadOptions options, SymbolEncoder symbols,
                               RecordTable records) throws IOException, FactsFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), attributes, options, symbols, records);
        }
    }

    /** Reads a stream (gzip-compressed or not) to its end, without closing it; sourceName names it in errors. */
    public static IntRows read(InputStream stream, String sourceName, List<Attribute> attributes, CsvReadOptions options,
                               SymbolEncoder symbols, RecordTable records) throws IOException, FactsFormatException {
        PushbackInputStream in = new PushbackInputStream(stream, 2);
        boolean gzip = FactsReader.startsWithGzipMagic(in);
        byte[] bytes;
        try {
            bytes = (gzip ? new GZIPInputStream(in) : in).readAllBytes();
        } catch (ZipException | java.io.EOFException e) {
            throw new IOException("corrupt gzip data (" + e.getMessage() + ")", e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return new RecordFactsReader(sourceName, text, attributes, options, symbols, records).readAll();
    }

    private IntRows readAll() throws FactsFormatException {
        int arity = attributes.size();
        IntRows rows = new IntRows(arity);
        int[] row = new int[arity];
        boolean header = options.headers();
        while (at < text.length()) {
            if (lineEnd(at) == at || text.substring(at, lineEnd(at)).isBlank()) {
                nextLine();
                continue;
            }
            if (header) {
                header = false;
                nextLine();
                continue;
            }
            List<Field> fields = splitLine();
            List<Integer> columns = options.columns();
            int needed = columns.isEmpty() ? arity : columns.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            if (columns.isEmpty() ? fields.size() != arity : fields.size() < needed) {
                Field last = fields.get(fields.size() - 1);
                throw new FactsFormatException(source, last.line, last.column, "expected " + (columns.isEmpty()
                        ? "" : "at least ") + needed + " columns, found " + fields.size());
            }
            for (int c = 0; c < arity; c++) {
                row[c] = value(c, fields.get(columns.isEmpty() ? c : columns.get(c)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** One field of a line: its text (unquoted) and where it starts. */
    private record Field(String text, int line, int column, boolean quoted) {
    }

    private int value(int attribute, Field field) throws FactsFormatException {
        Attribute column = attributes.get(attribute);
        if (column.type() == ColumnType.SYMBOL) {
            return symbols.encode(field.text());
        }
        if (column.type() == ColumnType.RECORD) {
            try {
                return records.parse(field.text(), column.compound());
            } catch (RecordText.BadRecord e) {
                throw new FactsFormatException(source, field.line(), field.column() + (field.quoted() ? 1 : 0)
                        + e.offset(), column.name() + ": " + e.detail());
            }
        }
        byte[] bytes = field.text().strip().getBytes(StandardCharsets.UTF_8);
        try {
            return NumericFields.parse(column.type(), bytes, 0, bytes.length);
        } catch (NumericFields.BadValue e) {
            throw new FactsFormatException(source, field.line(), field.column(), e.getMessage());
        }
    }

    /** The fields of the line at the cursor, which moves past its end. */
    private List<Field> splitLine() throws FactsFormatException {
        List<Field> fields = new ArrayList<>();
        String delimiter = options.delimiter();
        while (true) {
            int fieldLine = line;
            int fieldColumn = at - lineStart + 1;
            Field field;
            if (options.rfc4180() && at < text.length() && text.charAt(at) == '"') {
                field = new Field(rfcQuoted(), fieldLine, fieldColumn, true);
            } else {
                boolean record = fields.size() < attributes.size() && options.columns().isEmpty()
                        && attributes.get(fields.size()).type() == ColumnType.RECORD
                        || !options.columns().isEmpty() && isRecordColumn(fields.size());
                int end = record ? recordEnd(delimiter) : plainEnd(delimiter);
                field = new Field(text.substring(at, end), fieldLine, fieldColumn, false);
                at = end;
            }
            fields.add(field);
            if (text.startsWith(delimiter, at)) {
                at += delimiter.length();
                continue;
            }
            int end = lineEnd(at);
            if (end != at && !(end == at + 1 && text.charAt(at) == '\r')) {
                throw new FactsFormatException(source, line, at - lineStart + 1, "expected the delimiter or the end"
                        + " of the line after a quoted field");
            }
            at = end;
            nextLine();
            return fields;
        }
    }

    private boolean isRecordColumn(int fileColumn) {
        int attribute = options.columns().indexOf(fileColumn);
        return attribute >= 0 && attributes.get(attribute).type() == ColumnType.RECORD;
    }

    /** The end of a plain field: the next delimiter or the line's end (without a carriage return). */
    private int plainEnd(String delimiter) {
        int end = lineEnd(at);
        int next = text.indexOf(delimiter, at);
        if (next >= 0 && next < end) {
            return next;
        }
        return end > at && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /** The end of a record field: the next delimiter outside brackets and quoted symbols, or the line's end. */
    private int recordEnd(String delimiter) {
        int end = lineEnd(at);
        int depth = 0;
        boolean quoted = false;
        for (int i = at; i < end; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (depth <= 0 && text.startsWith(delimiter, i)) {
                return i;
            }
        }
        return end > at && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /** An rfc4180 quoted field (which may span lines), `""` standing for a quote. */
    private String rfcQuoted() throws FactsFormatException {
        int startLine = line;
        int startColumn = at - lineStart + 1;
        at++;
        StringBuilder value = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                if (at < text.length() && text.charAt(at) == '"') {
                    value.append('"');
                    at++;
                    continue;
                }
                return value.toString();
            }
            if (c == '\n') {
                line++;
                lineStart = at;
            }
            value.append(c);
        }
        throw new FactsFormatException(source, startLine, startColumn, "unterminated quoted field");
    }

    private int lineEnd(int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    private void nextLine() {
        int end = lineEnd(at);
        at = Math.min(text.length(), end + 1);
        line++;
        lineStart = at;
    }
}
