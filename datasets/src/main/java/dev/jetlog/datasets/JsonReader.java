// Reads a relation from Soufflé 2.5's JSON input (IO=json/IO=jsonfile): one JSON array whose elements are
// tuples, each a list of values in column order or an object keyed by the attribute names. A small hand-written
// parser that tracks lines and columns, so that every error names the place, the relation and the column.
package dev.jetlog.datasets;

import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompoundType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * As in Soufflé, the first tuple decides the format: a JSON array (list format) or object (object format);
 * here every other tuple must then have that shape. A nullary relation also takes {@code null} for its tuple,
 * as the writer writes it. Values: a number column takes a whole JSON number in the signed 32-bit range, an
 * unsigned column one in 0..4294967295 (or -2147483648..-1, the bits of a value from 2^31, as Soufflé writes
 * them, so that its output and JetLog's read back the same), a float column any JSON number (read as a float, not truncated as
 * Soufflé does; also {@code nan}, {@code inf} and {@code -inf}, which Soufflé writes), a symbol column a JSON
 * string; a record column an array (list format) or object (object format) of the record type's fields, or
 * {@code null} for nil, nested through an explicit stack, so any depth is fine. Where Soufflé reads a value of
 * the wrong type as 0 or "" (and a missing attribute as 0), every such case here is a
 * {@link FactsFormatException} naming {@code file:line:col} of the offending value (columns count characters),
 * the relation and the column. ADT columns are not supported.
 */
public final class JsonReader {
    private static final int MAX_EXCERPT = 30;

    private final String source;
    private final byte[] in;
    private final String relation;
    private final List<CompoundType.Field> columns;
    private final SymbolEncoder symbols;
    private final RecordTable records;
    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private int at;
    private int line = 1;
    private int lineStart;
    private boolean objects;

    private JsonReader(String source, byte[] in, String relation, List<Attribute> attributes, SymbolEncoder symbols,
                       RecordTable records) {
        this.source = source;
        this.in = in;
        this.relation = relation;
        this.columns = attributes.stream().map(a -> new CompoundType.Field(a.name(), a.type(), a.compound())).toList();
        this.symbols = symbols;
        this.records = records;
    }

    /** Reads the relation's tuples from the file. */
    public static IntRows read(Path file, String relation, List<Attribute> attributes, SymbolEncoder symbols,
                               RecordTable records) throws IOException, FactsFormatException {
        return new JsonReader(file.toString(), Files.readAllBytes(file), relation, attributes, symbols, records)
                .readAll();
    }

    /** Reads the relation's tuples from the rest of the stream (not closed); sourceName names it in errors. */
    public static IntRows read(InputStream stream, String sourceName, String relation, List<Attribute> attributes,
                               SymbolEncoder symbols, RecordTable records) throws IOException, FactsFormatException {
        return new JsonReader(sourceName, stream.readAllBytes(), relation, attributes, symbols, records).readAll();
    }

    private IntRows readAll() throws FactsFormatException {
        IntRows rows = new IntRows(columns.size());
        skipBlanks();
        if (peek() != '[') {
            throw error(at, "expected the tuples of " + relation + " as a JSON array, found " + found(at));
        }
        at++;
        skipBlanks();
        if (peek() == ']') {
            at++;
        } else {
            Shape shape = null;
            while (true) {
                skipBlanks();
                Shape next = shapeAt();
                if (shape == null) {
                    if (next == null || next == Shape.NULL && !columns.isEmpty()) {
                        throw error(at, "expected a tuple of " + relation + " as a JSON array or object, found "
                                + found(at));
                    }
                    shape = next;
                    objects = shape == Shape.OBJECT;
                } else if (next != shape) {
                    throw error(at, "expected a tuple of " + relation + " as " + shape.description
                            + ", like the first tuple, found " + found(at));
                }
                if (shape == Shape.NULL) {
                    at += 4;
                    rows.add();
                } else {
                    rows.add(tuple());
                }
                skipBlanks();
                if (peek() == ',') {
                    at++;
                    continue;
                }
                if (peek() == ']') {
                    at++;
                    break;
                }
                throw error(at, "expected ',' or ']' after a tuple of " + relation + ", found " + found(at));
            }
        }
        skipBlanks();
        if (at < in.length) {
            throw error(at, "unexpected text after the JSON array of " + relation + ": " + found(at));
        }
        return rows;
    }

    /** How the tuples are written: decided by the first one. */
    private enum Shape {
        LIST("a JSON array"), OBJECT("a JSON object"), NULL("null");

        final String description;

        Shape(String description) {
            this.description = description;
        }
    }

    private Shape shapeAt() {
        int c = peek();
        return c == '[' ? Shape.LIST : c == '{' ? Shape.OBJECT : isWord("null") ? Shape.NULL : null;
    }

    /** A tuple, or a record inside one, being read: its fields, the values so far, and the field being read. */
    private static final class Frame {
        final CompoundType type;
        final List<CompoundType.Field> fields;
        final int[] values;
        final boolean[] seen;
        int members;
        int current = -1;

        Frame(CompoundType type, List<CompoundType.Field> fields) {
            this.type = type;
            this.fields = fields;
            this.values = new int[fields.size()];
            this.seen = new boolean[fields.size()];
        }
    }

    /** Reads the tuple at the cursor (its '[' or '{'), records nested in it on an explicit stack. */
    private int[] tuple() throws FactsFormatException {
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(null, columns));
        at++;
        char close = objects ? '}' : ']';
        while (true) {
            Frame frame = stack.peek();
            skipBlanks();
            int c = peek();
            boolean closing = c == close;
            if (frame.members > 0 && !closing) {
                if (c != ',') {
                    throw error(at, "expected ',' or '" + close + "' in " + owner(frame) + ", found " + found(at));
                }
                at++;
                skipBlanks();
                c = peek();
            } else if (closing) {
                int done = close(stack, frame);
                if (stack.isEmpty()) {
                    return frame.values;
                }
                Frame parent = stack.peek();
                parent.values[parent.current] = done;
                continue;
            }
            int index;
            if (objects) {
                if (c != '"') {
                    throw error(at, "expected " + memberWord(frame) + " name (a JSON string) in " + owner(frame)
                            + ", found " + found(at));
                }
                int keyAt = at;
                String key = string();
                index = indexOf(frame.fields, key);
                if (index < 0) {
                    throw error(keyAt, "unknown " + memberNoun(frame) + " " + quoted(key) + " in "
                            + owner(frame) + " (" + (frame.fields.isEmpty() ? "it has none" : "expected one of "
                            + frame.fields.stream().map(f -> quoted(f.name())).collect(Collectors.joining(", ")))
                            + ")");
                }
                if (frame.seen[index]) {
                    throw error(keyAt, memberNoun(frame) + " " + quoted(key) + " appears twice in "
                            + owner(frame));
                }
                skipBlanks();
                if (peek() != ':') {
                    throw error(at, "expected ':' after " + quoted(key) + ", found " + found(at));
                }
                at++;
                skipBlanks();
            } else {
                if (frame.members == frame.fields.size()) {
                    throw error(at, "too many values in " + owner(frame) + ": expected " + count(frame.fields.size()));
                }
                index = frame.members;
            }
            frame.seen[index] = true;
            frame.members++;
            frame.current = index;
            CompoundType.Field field = frame.fields.get(index);
            if (field.type() != ColumnType.RECORD) {
                frame.values[index] = primitive(field.type(), stack);
            } else if (isWord("null")) {
                at += 4;
                frame.values[index] = 0;
            } else if (peek() == (objects ? '{' : '[')) {
                if (field.compound().isAdt()) {
                    throw error(at, context(stack, true) + ": JSON input does not support ADT values");
                }
                at++;
                stack.push(new Frame(field.compound(), field.compound().fields()));
            } else {
                throw error(at, context(stack, true) + ": expected a record of " + field.compound().name() + " as "
                        + (objects ? "a JSON object" : "a JSON array") + " or null, found " + found(at));
            }
        }
    }

    /** Checks that the frame at the cursor's closing bracket is complete, consumes it, and packs a record. */
    private int close(Deque<Frame> stack, Frame frame) throws FactsFormatException {
        int expected = frame.fields.size();
        if (!objects && frame.members < expected) {
            throw error(at, "too few values in " + owner(frame) + ": expected " + count(expected) + ", found "
                    + frame.members + " (" + memberNoun(frame) + " "
                    + quoted(frame.fields.get(frame.members).name()) + " is missing)");
        }
        for (int i = 0; i < expected; i++) {
            if (!frame.seen[i]) {
                throw error(at, "missing " + memberNoun(frame) + " " + quoted(frame.fields.get(i).name())
                        + " in " + owner(frame));
            }
        }
        at++;
        stack.pop();
        return frame.type == null ? 0 : records.pack(frame.values);
    }

    private String owner(Frame frame) {
        return frame.type == null ? "a tuple of " + relation : "a record of " + frame.type.name();
    }

    private static String memberWord(Frame frame) {
        return frame.type == null ? "an attribute" : "a field";
    }

    private static String memberNoun(Frame frame) {
        return frame.type == null ? "attribute" : "field";
    }

    private static String count(int values) {
        return values + (values == 1 ? " value" : " values");
    }

    private static int indexOf(List<CompoundType.Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** "relation r, column x, field y of P": where the value being read (if withCurrent) sits. */
    private String context(Deque<Frame> stack, boolean withCurrent) {
        StringBuilder where = new StringBuilder("relation ").append(relation);
        Iterator<Frame> frames = stack.descendingIterator();
        while (frames.hasNext()) {
            Frame frame = frames.next();
            if (!frames.hasNext() && !withCurrent) {
                break;
            }
            String name = frame.fields.get(frame.current).name();
            where.append(frame.type == null ? ", column " + name : ", field " + name + " of " + frame.type.name());
        }
        return where.toString();
    }

    // ---------------------------------------------------------------- values

    private int primitive(ColumnType type, Deque<Frame> stack) throws FactsFormatException {
        if (type == ColumnType.SYMBOL) {
            if (peek() != '"') {
                throw error(at, context(stack, true) + ": expected a JSON string, found " + found(at));
            }
            return symbols.encode(string());
        }
        int start = at;
        if (type == ColumnType.FLOAT) {
            for (String word : List.of("nan", "-nan", "inf", "-inf")) {
                if (isWord(word)) {
                    at += word.length();
                    if (word.endsWith("nan")) {
                        return word.startsWith("-") ? FloatBits.DEFAULT_NAN : FloatBits.POSITIVE_NAN;
                    }
                    return Float.floatToRawIntBits(word.startsWith("-") ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY);
                }
            }
        }
        boolean integral = number(stack, type);
        try {
            if (type == ColumnType.FLOAT) {
                return NumericFields.parseFloat(in, start, at);
            }
            if (integral && type == ColumnType.NUMBER) {
                return NumericFields.parseNumber(in, start, at);
            }
            if (integral && in[start] != '-') {
                return NumericFields.parseUnsigned(in, start, at);
            }
            if (integral && at - start <= 11 && Long.parseLong(token(start)) >= Integer.MIN_VALUE) {
                // Soufflé writes an unsigned value from 2^31 as the negative int of its bits; read it back so
                return NumericFields.parseNumber(in, start, at);
            }
        } catch (NumericFields.BadValue e) {
            throw error(start, context(stack, true) + ": " + e.getMessage());
        }
        String token = token(start);
        return whole(new BigDecimal(token), token, type, start, stack);
    }

    private String token(int start) {
        return new String(in, start, at - start, StandardCharsets.US_ASCII);
    }

    /** A number with a fraction or an exponent, or a negative one, for a number or unsigned column. */
    private int whole(BigDecimal value, String token, ColumnType type, int start, Deque<Frame> stack)
            throws FactsFormatException {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw error(start, context(stack, true) + ": " + token + " is not a whole number, as a "
                    + type.keyword() + " column needs");
        }
        long max = type == ColumnType.NUMBER ? Integer.MAX_VALUE : 0xFFFF_FFFFL;
        boolean fits = stripped.precision() - stripped.scale() <= 11
                && stripped.longValueExact() >= Integer.MIN_VALUE && stripped.longValueExact() <= max;
        if (!fits) {
            throw error(start, context(stack, true) + ": value " + excerpt(token) + " does not fit a 32-bit "
                    + type.keyword() + " column" + (type == ColumnType.UNSIGNED ? " (0..4294967295, or"
                    + " -2147483648..-1 for the values from 2^31, as Soufflé writes them)" : ""));
        }
        return (int) stripped.longValueExact();
    }

    /** Moves past a JSON number at the cursor; returns true if it has neither fraction nor exponent. */
    private boolean number(Deque<Frame> stack, ColumnType type) throws FactsFormatException {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (!isDigit(peek())) {
            at = start;
            throw error(at, context(stack, true) + ": expected a " + (type == ColumnType.FLOAT ? "float" : "number")
                    + ", found " + found(at));
        }
        boolean integral = true;
        if (peek() == '0') {
            at++;
        } else {
            digits();
        }
        if (peek() == '.') {
            at++;
            integral = false;
            if (!isDigit(peek())) {
                throw badNumber(start, stack);
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            integral = false;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!isDigit(peek())) {
                throw badNumber(start, stack);
            }
            digits();
        }
        int next = peek();
        if (isDigit(next) || Character.isLetter(next) || next == '.' || next == '+' || next == '-' || next == '_') {
            throw badNumber(start, stack);
        }
        return integral;
    }

    private FactsFormatException badNumber(int start, Deque<Frame> stack) {
        int end = start;
        while (end < in.length && end - start < MAX_EXCERPT && !isDelimiter(in[end])) {
            end++;
        }
        return error(start, context(stack, true) + ": '" + new String(in, start, end - start, StandardCharsets.UTF_8)
                + "' is not a valid JSON number");
    }

    private void digits() {
        while (isDigit(peek())) {
            at++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** A JSON string at the cursor (its opening quote), unescaped; symbols are byte strings, as SymbolBytes says. */
    private String string() throws FactsFormatException {
        int start = at++;
        int plain = at;
        while (plain < in.length && in[plain] != '"' && in[plain] != '\\' && (in[plain] & 0xFF) >= 0x20) {
            plain++;
        }
        if (plain < in.length && in[plain] == '"') {
            at = plain + 1;
            return SymbolBytes.decode(in, start + 1, plain);
        }
        text.reset();
        while (true) {
            if (at >= in.length) {
                throw error(start, "unterminated JSON string");
            }
            int b = in[at] & 0xFF;
            if (b == '"') {
                at++;
                byte[] bytes = text.toByteArray();
                return SymbolBytes.decode(bytes, 0, bytes.length);
            }
            if (b < 0x20) {
                throw error(at, b == '\n' ? "unterminated JSON string (a line break must be written \\n)"
                        : "a control character must be escaped in a JSON string");
            }
            if (b != '\\') {
                text.write(b);
                at++;
                continue;
            }
            int escapeAt = at;
            at++;
            int e = at < in.length ? in[at] & 0xFF : -1;
            at++;
            switch (e) {
                case '"', '\\', '/' -> text.write(e);
                case 'b' -> text.write('\b');
                case 'f' -> text.write('\f');
                case 'n' -> text.write('\n');
                case 'r' -> text.write('\r');
                case 't' -> text.write('\t');
                case 'u' -> {
                    int unit = hex4(escapeAt);
                    int codePoint = unit;
                    if (Character.isHighSurrogate((char) unit) && at + 1 < in.length && in[at] == '\\'
                            && in[at + 1] == 'u') {
                        int lowAt = at;
                        at += 2;
                        int low = hex4(lowAt);
                        if (!Character.isLowSurrogate((char) low)) {
                            throw error(escapeAt, "a \\u escape of a high surrogate must be followed by a low one");
                        }
                        codePoint = Character.toCodePoint((char) unit, (char) low);
                    } else if (Character.isSurrogate((char) unit)) {
                        throw error(escapeAt, "a lone surrogate \\u escape is not a character");
                    }
                    byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                    text.write(utf8, 0, utf8.length);
                }
                default -> throw error(escapeAt, "invalid escape in a JSON string");
            }
        }
    }

    /** The four hex digits after `\` `u` (the cursor is on the first); escapeAt is the backslash. */
    private int hex4(int escapeAt) throws FactsFormatException {
        if (at + 4 > in.length) {
            throw error(escapeAt, "a \\u escape needs four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(in[at + i], 16);
            if (digit < 0) {
                throw error(escapeAt, "a \\u escape needs four hex digits");
            }
            value = value * 16 + digit;
        }
        at += 4;
        return value;
    }

    // ---------------------------------------------------------------- the cursor

    private int peek() {
        return at < in.length ? in[at] & 0xFF : -1;
    }

    /** True if the word is at the cursor, not followed by more of a word. */
    private boolean isWord(String word) {
        if (at + word.length() > in.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (in[at + i] != word.charAt(i)) {
                return false;
            }
        }
        int after = at + word.length();
        return after == in.length || isDelimiter(in[after]);
    }

    private static boolean isDelimiter(byte b) {
        return b == ',' || b == ']' || b == '}' || b == ':' || b == ' ' || b == '\t' || b == '\n' || b == '\r'
                || b == '[' || b == '{' || b == '"';
    }

    private void skipBlanks() {
        while (at < in.length) {
            byte b = in[at];
            if (b == '\n') {
                line++;
                lineStart = at + 1;
            } else if (b != ' ' && b != '\t' && b != '\r') {
                return;
            }
            at++;
        }
    }

    /** What is at the position, for an error message. */
    private String found(int pos) {
        if (pos >= in.length) {
            return "the end of the input";
        }
        int b = in[pos] & 0xFF;
        if (b == '[') {
            return "an array";
        }
        if (b == '{') {
            return "an object";
        }
        int end = pos + 1;
        if (b == '"') {
            while (end < in.length && in[end] != '"' && in[end] != '\n' && end - pos < MAX_EXCERPT) {
                end += in[end] == '\\' && end + 1 < in.length ? 2 : 1;
            }
            end = Math.min(in.length, end + 1);
            String literal = new String(in, pos, end - pos, StandardCharsets.UTF_8);
            return "the string " + literal + (literal.length() > 1 && literal.endsWith("\"") ? "" : "...");
        }
        while (end < in.length && end - pos < MAX_EXCERPT && !isDelimiter(in[end])) {
            end++;
        }
        return "'" + new String(in, pos, end - pos, StandardCharsets.UTF_8) + "'";
    }

    private static String excerpt(String token) {
        return token.length() <= MAX_EXCERPT ? token : token.substring(0, MAX_EXCERPT) + "...";
    }

    private static String quoted(String name) {
        return '"' + name + '"';
    }

    /** An error at the byte position: its line and its column in characters. */
    private FactsFormatException error(int pos, String detail) {
        int start = lineStart;
        int lineNumber = line;
        if (pos < lineStart) {
            // the position is on an earlier line than the cursor (a string's start): count from the input's start
            lineNumber = 1;
            start = 0;
            for (int i = 0; i < pos; i++) {
                if (in[i] == '\n') {
                    lineNumber++;
                    start = i + 1;
                }
            }
        }
        int column = 1;
        for (int i = start; i < pos && i < in.length; i++) {
            if ((in[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new FactsFormatException(source, lineNumber, column, detail);
    }
}
