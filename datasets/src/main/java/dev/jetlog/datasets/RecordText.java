// Records and ADT values as Soufflé writes and reads them in fact files: `[1, text, [2, nil]]`, `nil`,
// `$Branch(1, x)` and `$Branch`. Symbols inside are written bare (quoted, with `\"` for a quote, under
// rfc4180); on input a symbol may be quoted ("a, b", a backslash keeping the next character) or bare, running
// to the next `,`, `]` or `)` with leading blanks dropped. Both directions work with explicit stacks, so a
// list nested tens of thousands deep is no deeper for the JVM's stack than a flat record.
package dev.jetlog.datasets;

import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompoundType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

public final class RecordText {
    private final SymbolEncoder symbols;
    private final RecordTable records;

    public RecordText(SymbolEncoder symbols, RecordTable records) {
        this.symbols = symbols;
        this.records = records;
    }

    // ---------------------------------------------------------------- writing

    /** A value of the record or ADT type as text, symbols bare. */
    public String format(int id, CompoundType type) {
        return format(id, type, false);
    }

    /** A record being written: its fields, the branch they belong to, and the next field to write. */
    private static final class WriteFrame {
        final int id;
        final int[] fields;
        final CompoundType type;
        final CompoundType.Branch branch;
        final int offset;
        int next;

        WriteFrame(int id, int[] fields, CompoundType type, CompoundType.Branch branch) {
            this.id = id;
            this.fields = fields;
            this.type = type;
            this.branch = branch;
            this.offset = type.isAdt() ? 1 : 0;
        }
    }

    /** A value of the record or ADT type as text; quoteSymbols writes symbols as rfc4180 output does. */
    public String format(int id, CompoundType type, boolean quoteSymbols) {
        StringBuilder text = new StringBuilder();
        Deque<WriteFrame> stack = new ArrayDeque<>();
        // the records being written, by type: one met again inside itself (only casts can make that) is not
        // followed. Records of different types may share an id, as in Soufflé: the type tells them apart.
        Set<Visit> path = new HashSet<>();
        WriteFrame top = open(text, id, type, path);
        if (top == null) {
            return text.toString();
        }
        stack.push(top);
        while (!stack.isEmpty()) {
            WriteFrame frame = stack.peek();
            if (frame.next == frame.branch.arity()) {
                text.append(frame.type.isAdt() ? ')' : ']');
                path.remove(new Visit(frame.id, frame.type));
                stack.pop();
                continue;
            }
            int i = frame.next++;
            if (i > 0) {
                text.append(", ");
            }
            CompoundType.Field field = frame.branch.fields().get(i);
            int value = frame.fields[i + frame.offset];
            switch (field.type()) {
                case NUMBER -> text.append(value);
                case UNSIGNED -> text.append(Integer.toUnsignedString(value));
                case FLOAT -> text.append(FloatFormat.formatBits(value));
                case SYMBOL -> appendSymbol(text, symbols.decode(value), quoteSymbols);
                case RECORD -> {
                    WriteFrame nested = open(text, value, field.compound(), path);
                    if (nested != null) {
                        stack.push(nested);
                    }
                }
            }
        }
        return text.toString();
    }

    /**
     * Writes the start of a record (or all of a nil, an empty ADT branch, or an id that is no record of the
     * type) and returns its frame, or null when nothing is left to write for it.
     */
    private WriteFrame open(StringBuilder text, int id, CompoundType type, Set<Visit> path) {
        int[] fields = path.contains(new Visit(id, type)) ? null : records.fields(id);
        if (fields == null) {
            text.append(id == 0 && !type.isAdt() ? "nil" : "<record " + id + ">");
            return null;
        }
        CompoundType.Branch branch;
        if (type.isAdt()) {
            branch = fields.length > 0 && fields[0] >= 0 && fields[0] < type.branches().size()
                    ? type.branches().get(fields[0]) : null;
        } else {
            branch = type.branches().get(0);
        }
        if (branch == null || fields.length != branch.arity() + (type.isAdt() ? 1 : 0)) {
            text.append("<record ").append(id).append('>');
            return null;
        }
        if (type.isAdt()) {
            text.append('$').append(branch.name());
            if (branch.arity() == 0) {
                return null;
            }
            text.append('(');
        } else {
            text.append('[');
            if (branch.arity() == 0) {
                text.append(']');
                return null;
            }
        }
        path.add(new Visit(id, type));
        return new WriteFrame(id, fields, type, branch);
    }

    /** A record id read as a type. */
    private record Visit(int id, CompoundType type) {
    }

    private static void appendSymbol(StringBuilder text, String symbol, boolean quote) {
        if (!quote) {
            text.append(symbol);
            return;
        }
        text.append('"').append(symbol.replace("\"", "\\\"")).append('"');
    }

    // ---------------------------------------------------------------- reading

    /** Reads a value of the record or ADT type from the whole text; a malformed text throws BadRecord. */
    public int parse(String text, CompoundType type) throws BadRecord {
        Cursor cursor = new Cursor(text);
        int id = cursor.value(type);
        cursor.skipBlanks();
        if (cursor.at < text.length()) {
            throw cursor.bad(cursor.at, "unexpected text after the " + type.name() + " value");
        }
        return id;
    }

    /** A record text that does not fit its type: what is wrong, and the character offset where. */
    public static final class BadRecord extends Exception {
        private static final long serialVersionUID = 1L;
        private final String detail;
        private final int offset;

        BadRecord(String detail, int offset, String found) {
            super(detail + " at character " + (offset + 1) + ", found " + found, null, false, false);
            this.detail = detail + ", found " + found;
            this.offset = offset;
        }

        /** The message without the position. */
        public String detail() {
            return detail;
        }

        /** The 0-based character offset in the text where it goes wrong. */
        public int offset() {
            return offset;
        }
    }

    /** A record being read: its branch, its fields so far, and where it closes. */
    private static final class ReadFrame {
        final CompoundType.Branch branch;
        final int[] fields;
        final int offset;
        final char close;
        int next;

        ReadFrame(CompoundType.Branch branch, int[] fields, int offset, char close) {
            this.branch = branch;
            this.fields = fields;
            this.offset = offset;
            this.close = close;
        }
    }

    private final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        /** Reads one value; nested records are frames on an explicit stack. */
        int value(CompoundType type) throws BadRecord {
            Deque<ReadFrame> stack = new ArrayDeque<>();
            int result = 0;
            boolean haveResult = false;
            CompoundType pending = type;
            while (true) {
                if (pending != null) {
                    // start a value of type `pending`: nil and empty ADT branches are done at once
                    ReadFrame frame = open(pending);
                    pending = null;
                    if (frame == null) {
                        result = lastPacked;
                        haveResult = true;
                    } else {
                        stack.push(frame);
                    }
                }
                ReadFrame frame = stack.peek();
                if (frame == null) {
                    return result;
                }
                if (haveResult) {
                    frame.fields[frame.offset + frame.next++] = result;
                    haveResult = false;
                }
                if (frame.next == frame.branch.arity()) {
                    skipBlanks();
                    expect(frame.close, "'" + frame.close + "' after " + frame.branch.arity() + " field"
                            + (frame.branch.arity() == 1 ? "" : "s"));
                    stack.pop();
                    result = records.pack(frame.fields);
                    haveResult = true;
                    if (stack.isEmpty()) {
                        return result;
                    }
                    continue;
                }
                if (frame.next > 0) {
                    skipBlanks();
                    expect(',', "',' before field " + (frame.next + 1));
                }
                CompoundType.Field field = frame.branch.fields().get(frame.next);
                skipBlanks();
                if (field.type() == ColumnType.RECORD) {
                    pending = field.compound();
                } else {
                    result = primitive(field, frame.close);
                    haveResult = true;
                }
            }
        }

        /** The id made for a value that needed no frame (nil, an ADT branch without fields). */
        private int lastPacked;

        /** Reads the start of a value of the type; returns its frame, or null when it is complete (lastPacked). */
        private ReadFrame open(CompoundType type) throws BadRecord {
            skipBlanks();
            if (!type.isAdt() && text.startsWith("nil", at) && !identifierAt(at + 3)) {
                at += 3;
                lastPacked = 0;
                return null;
            }
            if (type.isAdt()) {
                expect('$', "an ADT value of " + type.name() + " starting with '$'");
                int start = at;
                // a branch of an ADT declared in a component instance is qualified by it: $c.Leaf
                while (identifierAt(at)
                        || at > start && at < text.length() && text.charAt(at) == '.' && identifierAt(at + 1)) {
                    at++;
                }
                String name = text.substring(start, at);
                int branchIndex = type.branchIndex(name);
                if (branchIndex < 0) {
                    throw bad(start, "'" + name + "' is not a branch of " + type.name());
                }
                CompoundType.Branch branch = type.branches().get(branchIndex);
                int[] fields = new int[branch.arity() + 1];
                fields[0] = branchIndex;
                skipBlanks();
                boolean parenthesised = at < text.length() && text.charAt(at) == '(';
                if (parenthesised) {
                    at++;
                } else if (branch.arity() > 0) {
                    throw bad(at, "expected '(' and the " + branch.arity() + " field" + (branch.arity() == 1 ? "" : "s")
                            + " of $" + name);
                }
                if (branch.arity() == 0) {
                    if (parenthesised) {
                        skipBlanks();
                        expect(')', "')' after $" + name + "(");
                    }
                    lastPacked = records.pack(fields);
                    return null;
                }
                return new ReadFrame(branch, fields, 1, ')');
            }
            expect('[', "a record of " + type.name() + " starting with '[' (or nil)");
            CompoundType.Branch branch = type.branches().get(0);
            ReadFrame frame = new ReadFrame(branch, new int[branch.arity()], 0, ']');
            if (branch.arity() == 0) {
                skipBlanks();
                expect(']', "']' after '[' (the type has no fields)");
                lastPacked = records.pack(frame.fields);
                return null;
            }
            return frame;
        }

        private int primitive(CompoundType.Field field, char close) throws BadRecord {
            if (field.type() == ColumnType.SYMBOL && at < text.length() && text.charAt(at) == '"') {
                return symbols.encode(quoted());
            }
            int start = at;
            while (at < text.length() && text.charAt(at) != ',' && text.charAt(at) != close) {
                at++;
            }
            if (field.type() == ColumnType.SYMBOL) {
                // as Soufflé: leading blanks are skipped, trailing ones kept
                return symbols.encode(text.substring(start, at));
            }
            byte[] bytes = text.substring(start, at).strip().getBytes(StandardCharsets.UTF_8);
            try {
                return NumericFields.parse(field.type(), bytes, 0, bytes.length);
            } catch (NumericFields.BadValue e) {
                throw bad(start, "field '" + field.name() + "': " + e.getMessage());
            }
        }

        /** A quoted symbol: a backslash keeps the character after it (as Soufflé reads `\"`, `\t` gives t). */
        private String quoted() throws BadRecord {
            int start = at++;
            StringBuilder value = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && at < text.length()) {
                    c = text.charAt(at++);
                }
                value.append(c);
            }
            throw bad(start, "unterminated quoted symbol");
        }

        private boolean identifierAt(int index) {
            if (index >= text.length()) {
                return false;
            }
            char c = text.charAt(index);
            return Character.isLetterOrDigit(c) || c == '_' || c == '?';
        }

        void skipBlanks() {
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                at++;
            }
        }

        private void expect(char c, String what) throws BadRecord {
            if (at >= text.length() || text.charAt(at) != c) {
                throw bad(at, "expected " + what);
            }
            at++;
        }

        BadRecord bad(int index, String message) {
            String found = index >= text.length() ? "the end" : "'" + text.substring(index,
                    Math.min(text.length(), index + 20)) + "'";
            return new BadRecord(message, index, found);
        }
    }
}
