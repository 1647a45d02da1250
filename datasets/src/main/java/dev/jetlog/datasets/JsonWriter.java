// Writes a relation as Soufflé 2.5's IO=json/IO=jsonfile do: a JSON array of tuples, each a list of values or
// an object keyed by the attribute names, records nested the same way, byte for byte as souffle writes them.
package dev.jetlog.datasets;

import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompoundType;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The bytes, as Soufflé 2.5 writes them: {@code [}, the tuples separated by {@code ,\n}, then {@code ]\n}. A
 * tuple is {@code [v1, v2]}, or {@code {"a": v1, "b": v2}} in object format; a nullary relation holding its
 * tuple writes {@code null\n} in its place. A number is written as a signed decimal; an unsigned as the signed
 * 32-bit int of its bits (Soufflé casts it to int: 4000000000 is written -294967296); a float as a C++ stream
 * of default precision writes it ({@link FloatFormat}, 6 digits, {@code inf}, {@code nan}); a symbol as a
 * JSON string escaped as json11 escapes it ({@code \"}, {@code \\}, {@code \b \f \n \r \t}, other bytes below
 * 0x20 as {@code \}{@code u00xx}, U+2028 and U+2029 as escapes, all else the symbol's bytes). A record is
 * written like a tuple with its type's field names ({@code null} for nil), through an explicit stack, so any
 * depth is fine. ADT columns are not supported (Soufflé aborts; the directive check refuses them). An id that
 * is no record of its type (only a cast can make one, or a record held inside itself) is written
 * {@code <record N>}, as in fact files.
 */
public final class JsonWriter {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final List<Attribute> attributes;
    private final boolean objects;
    private final SymbolEncoder symbols;
    private final RecordTable records;
    private final int floatPrecision;

    private JsonWriter(OutputStream out, List<Attribute> attributes, boolean objects, SymbolEncoder symbols,
                       RecordTable records, int floatPrecision) {
        this.out = out;
        this.attributes = attributes;
        this.objects = objects;
        this.symbols = symbols;
        this.records = records;
        this.floatPrecision = floatPrecision;
    }

    /**
     * Writes the first {@code rowCount} rows of the row-major array to a temporary beside {@code file}
     * (creating missing parent directories) and forces it to disk; the target is replaced only by
     * {@link StagedFile#commit()}. A failure deletes the temporary. {@code objects} selects format=object.
     */
    public static StagedFile stage(Path file, int[] rows, int rowCount, List<Attribute> attributes, boolean objects,
                                   SymbolEncoder symbols, RecordTable records) throws IOException {
        validate(rows, rowCount, attributes);
        return StagedFile.write(file, out -> {
            OutputStream stream = new BufferedOutputStream(out, BUFFER_BYTES);
            new JsonWriter(stream, attributes, objects, symbols, records, FloatFormat.STREAM_DEFAULT_PRECISION)
                    .writeAll(rows, rowCount);
            stream.flush();
        });
    }

    /** Writes the rows to {@code out} (e.g. stdout), flushing but not closing it. */
    public static void write(OutputStream out, int[] rows, int rowCount, List<Attribute> attributes, boolean objects,
                             SymbolEncoder symbols, RecordTable records) throws IOException {
        write(out, rows, rowCount, attributes, objects, symbols, records, FloatFormat.STREAM_DEFAULT_PRECISION);
    }

    /**
     * As {@link #write(OutputStream, int[], int, List, boolean, SymbolEncoder, RecordTable)} with floats in
     * {@code floatPrecision} significant digits (Soufflé's standard output keeps the precision an earlier
     * IO=stdout output set on it).
     */
    public static void write(OutputStream out, int[] rows, int rowCount, List<Attribute> attributes, boolean objects,
                             SymbolEncoder symbols, RecordTable records, int floatPrecision) throws IOException {
        Objects.requireNonNull(out, "out");
        validate(rows, rowCount, attributes);
        BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER_BYTES);
        new JsonWriter(buffered, attributes, objects, symbols, records, floatPrecision).writeAll(rows, rowCount);
        buffered.flush();
    }

    private static void validate(int[] rows, int rowCount, List<Attribute> attributes) {
        Objects.requireNonNull(rows, "rows");
        if (rowCount < 0 || (long) rowCount * attributes.size() > rows.length) {
            throw new IllegalArgumentException("rowCount " + rowCount + " with arity " + attributes.size()
                    + " does not fit an array of " + rows.length + " values");
        }
        for (Attribute attribute : attributes) {
            if (attribute.type() == ColumnType.RECORD && attribute.compound() == null) {
                throw new IllegalArgumentException("record column " + attribute.name() + " has no record type");
            }
        }
    }

    private void writeAll(int[] rows, int rowCount) throws IOException {
        out.write('[');
        int arity = attributes.size();
        if (arity == 0) {
            if (rowCount > 0) {
                ascii("null\n");
            }
        } else {
            for (int r = 0, at = 0; r < rowCount; r++) {
                if (r > 0) {
                    ascii(",\n");
                    if ((r & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("interrupted while writing");
                    }
                }
                out.write(objects ? '{' : '[');
                for (int c = 0; c < arity; c++, at++) {
                    if (c > 0) {
                        ascii(", ");
                    }
                    Attribute attribute = attributes.get(c);
                    if (objects) {
                        writeString(attribute.name());
                        ascii(": ");
                    }
                    writeValue(attribute.type(), attribute.compound(), rows[at]);
                }
                out.write(objects ? '}' : ']');
            }
        }
        ascii("]\n");
    }

    /** A record being written: its fields and the next one to write. */
    private static final class Frame {
        final int id;
        final CompoundType type;
        final int[] fields;
        int next;

        Frame(int id, CompoundType type, int[] fields) {
            this.id = id;
            this.type = type;
            this.fields = fields;
        }
    }

    /** A record id read as a type, to notice a record met again inside itself. */
    private record Visit(int id, CompoundType type) {
    }

    private void writeValue(ColumnType type, CompoundType compound, int value) throws IOException {
        if (type != ColumnType.RECORD) {
            writePrimitive(type, value);
            return;
        }
        Deque<Frame> stack = new ArrayDeque<>();
        Set<Visit> path = new HashSet<>();
        Frame top = open(value, compound, path);
        if (top != null) {
            stack.push(top);
        }
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            List<CompoundType.Field> fields = frame.type.fields();
            if (frame.next == fields.size()) {
                out.write(objects ? '}' : ']');
                path.remove(new Visit(frame.id, frame.type));
                stack.pop();
                continue;
            }
            int i = frame.next++;
            if (i > 0) {
                ascii(", ");
            }
            CompoundType.Field field = fields.get(i);
            if (objects) {
                writeString(field.name());
                ascii(": ");
            }
            if (field.type() == ColumnType.RECORD) {
                Frame nested = open(frame.fields[i], field.compound(), path);
                if (nested != null) {
                    stack.push(nested);
                }
            } else {
                writePrimitive(field.type(), frame.fields[i]);
            }
        }
    }

    /** Writes nil, a record without fields, or the start of a record, whose frame it returns. */
    private Frame open(int id, CompoundType type, Set<Visit> path) throws IOException {
        if (type.isAdt()) {
            throw new IllegalArgumentException("JSON output does not support ADT values (type " + type.name() + ")");
        }
        if (id == 0) {
            ascii("null");
            return null;
        }
        int[] fields = path.contains(new Visit(id, type)) ? null : records.fields(id);
        if (fields == null || fields.length != type.fields().size()) {
            ascii("<record " + id + ">");
            return null;
        }
        out.write(objects ? '{' : '[');
        path.add(new Visit(id, type));
        return new Frame(id, type, fields);
    }

    private void writePrimitive(ColumnType type, int value) throws IOException {
        switch (type) {
            // Soufflé casts an unsigned to int before writing it
            case NUMBER, UNSIGNED -> ascii(Integer.toString(value));
            case FLOAT -> ascii(FloatFormat.format(Float.intBitsToFloat(value), floatPrecision));
            case SYMBOL -> {
                String text = symbols.decode(value);
                if (text == null) {
                    throw new IllegalArgumentException("symbol id " + value + " has no text");
                }
                writeString(text);
            }
            default -> throw new IllegalArgumentException("unknown column type " + type);
        }
    }

    private void ascii(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            out.write(text.charAt(i));
        }
    }

    private void writeString(String text) throws IOException {
        byte[] bytes = SymbolBytes.encode(text);
        out.write(quote(bytes));
    }

    /** The symbol's bytes as a JSON string, escaped as json11 escapes them. */
    public static byte[] quote(byte[] bytes) {
        java.io.ByteArrayOutputStream quoted = new java.io.ByteArrayOutputStream(bytes.length + 2);
        quoted.write('"');
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            switch (b) {
                case '"' -> escape(quoted, '"');
                case '\\' -> escape(quoted, '\\');
                case '\b' -> escape(quoted, 'b');
                case '\f' -> escape(quoted, 'f');
                case '\n' -> escape(quoted, 'n');
                case '\r' -> escape(quoted, 'r');
                case '\t' -> escape(quoted, 't');
                default -> {
                    if (b < 0x20) {
                        quoted.write('\\');
                        quoted.write('u');
                        quoted.write('0');
                        quoted.write('0');
                        quoted.write(HEX[b >> 4]);
                        quoted.write(HEX[b & 0xF]);
                    } else if (b == 0xE2 && i + 2 < bytes.length && (bytes[i + 1] & 0xFF) == 0x80
                            && ((bytes[i + 2] & 0xFF) == 0xA8 || (bytes[i + 2] & 0xFF) == 0xA9)) {
                        byte[] escaped = ((bytes[i + 2] & 0xFF) == 0xA8 ? "\\u2028" : "\\u2029")
                                .getBytes(StandardCharsets.US_ASCII);
                        quoted.write(escaped, 0, escaped.length);
                        i += 2;
                    } else {
                        quoted.write(b);
                    }
                }
            }
        }
        quoted.write('"');
        return quoted.toByteArray();
    }

    /** The symbol as a JSON string, escaped as json11 escapes it. */
    public static String quote(String text) {
        byte[] quoted = quote(SymbolBytes.encode(text));
        return SymbolBytes.decode(quoted, 0, quoted.length);
    }

    private static void escape(java.io.ByteArrayOutputStream quoted, char c) {
        quoted.write('\\');
        quoted.write(c);
    }
}
