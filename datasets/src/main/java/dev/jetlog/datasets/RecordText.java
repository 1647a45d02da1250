// Records and ADT values as Soufflé writes and reads them in fact files: `[1, text, [2, nil]]`, `nil`,
// `$Branch(1, x)` and `$Branch`. Symbols inside are written bare; on input a symbol may also be quoted
// ("a, b"), and a bare one runs to the next `,`, `]` or `)`, blanks around it dropped.
package dev.jetlog.datasets;

import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompoundType;

import java.nio.charset.StandardCharsets;

public final class RecordText {
    private final SymbolEncoder symbols;
    private final RecordTable records;

    public RecordText(SymbolEncoder symbols, RecordTable records) {
        this.symbols = symbols;
        this.records = records;
    }

    /** A value of the record or ADT type as text. */
    public String format(int id, CompoundType type) {
        StringBuilder text = new StringBuilder();
        append(text, id, type);
        return text.toString();
    }

    private void append(StringBuilder text, int id, CompoundType type) {
        int[] fields = records.fields(id);
        if (fields == null) {
            text.append(id == 0 && !type.isAdt() ? "nil" : "<unknown record " + id + ">");
            return;
        }
        CompoundType.Branch branch;
        int offset = 0;
        if (type.isAdt()) {
            branch = fields.length > 0 && fields[0] >= 0 && fields[0] < type.branches().size()
                    ? type.branches().get(fields[0]) : null;
            offset = 1;
        } else {
            branch = type.branches().get(0);
        }
        if (branch == null || fields.length != branch.arity() + offset) {
            text.append("<record ").append(id).append(" is not a ").append(type.name()).append('>');
            return;
        }
        if (type.isAdt()) {
            text.append('$').append(branch.name());
            if (branch.arity() == 0) {
                return;
            }
            text.append('(');
        } else {
            text.append('[');
        }
        for (int i = 0; i < branch.arity(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            CompoundType.Field field = branch.fields().get(i);
            int value = fields[i + offset];
            switch (field.type()) {
                case NUMBER -> text.append(value);
                case UNSIGNED -> text.append(Integer.toUnsignedString(value));
                case FLOAT -> text.append(FloatFormat.formatBits(value));
                case SYMBOL -> text.append(symbols.decode(value));
                case RECORD -> append(text, value, field.compound());
            }
        }
        text.append(type.isAdt() ? ')' : ']');
    }

    /** Reads a value of the record or ADT type from the whole text; a malformed text throws BadRecord. */
    public int parse(String text, CompoundType type) throws BadRecord {
        Cursor cursor = new Cursor(text);
        int id = cursor.value(type);
        cursor.skipBlanks();
        if (cursor.at < text.length()) {
            throw cursor.bad("unexpected text after the " + type.name() + " value");
        }
        return id;
    }

    /** A record text that does not fit its type, with the offset where it goes wrong. */
    public static final class BadRecord extends Exception {
        private static final long serialVersionUID = 1L;

        BadRecord(String message) {
            super(message, null, false, false);
        }
    }

    private final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        int value(CompoundType type) throws BadRecord {
            skipBlanks();
            if (!type.isAdt() && text.startsWith("nil", at) && !identifierAt(at + 3)) {
                at += 3;
                return 0;
            }
            if (type.isAdt()) {
                expect('$', "an ADT value of " + type.name() + " starting with '$'");
                int start = at;
                while (identifierAt(at)) {
                    at++;
                }
                String name = text.substring(start, at);
                int branchIndex = type.branchIndex(name);
                if (branchIndex < 0) {
                    throw badAt(start, "'" + name + "' is not a branch of " + type.name());
                }
                CompoundType.Branch branch = type.branches().get(branchIndex);
                int[] fields = new int[branch.arity() + 1];
                fields[0] = branchIndex;
                skipBlanks();
                boolean parenthesised = at < text.length() && text.charAt(at) == '(';
                if (parenthesised) {
                    at++;
                    fields(branch, fields, 1, ')');
                } else if (branch.arity() > 0) {
                    throw bad("expected '(' and the " + branch.arity() + " fields of $" + name);
                }
                return records.pack(fields);
            }
            expect('[', "a record of " + type.name() + " starting with '[' (or nil)");
            CompoundType.Branch branch = type.branches().get(0);
            int[] fields = new int[branch.arity()];
            fields(branch, fields, 0, ']');
            return records.pack(fields);
        }

        private void fields(CompoundType.Branch branch, int[] fields, int offset, char close) throws BadRecord {
            for (int i = 0; i < branch.arity(); i++) {
                if (i > 0) {
                    skipBlanks();
                    expect(',', "',' before field " + (i + 1));
                }
                fields[offset + i] = field(branch.fields().get(i), close);
            }
            skipBlanks();
            expect(close, "'" + close + "' after " + branch.arity() + " field" + (branch.arity() == 1 ? "" : "s"));
        }

        private int field(CompoundType.Field field, char close) throws BadRecord {
            skipBlanks();
            if (field.type() == ColumnType.RECORD) {
                return value(field.compound());
            }
            if (field.type() == ColumnType.SYMBOL && at < text.length() && text.charAt(at) == '"') {
                return symbols.encode(quoted());
            }
            int start = at;
            while (at < text.length() && text.charAt(at) != ',' && text.charAt(at) != close) {
                at++;
            }
            String raw = text.substring(start, at).strip();
            if (field.type() == ColumnType.SYMBOL) {
                return symbols.encode(raw);
            }
            byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
            try {
                return NumericFields.parse(field.type(), bytes, 0, bytes.length);
            } catch (NumericFields.BadValue e) {
                throw badAt(start, "field '" + field.name() + "': " + e.getMessage());
            }
        }

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
                    value.append(switch (c) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> c;
                    });
                } else {
                    value.append(c);
                }
            }
            throw badAt(start, "unterminated quoted symbol");
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
                throw bad("expected " + what);
            }
            at++;
        }

        BadRecord bad(String message) {
            return badAt(at, message);
        }

        private BadRecord badAt(int index, String message) {
            String found = index >= text.length() ? "the end" : "'" + text.substring(index,
                    Math.min(text.length(), index + 20)) + "'";
            return new BadRecord(message + " at character " + (index + 1) + ", found " + found);
        }
    }
}
