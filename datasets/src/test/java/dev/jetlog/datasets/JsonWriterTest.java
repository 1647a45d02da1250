// Tests that JsonWriter writes the bytes Soufflé 2.5's IO=jsonfile writes: the array layout, each column type
// (unsigned as a signed int, floats as %g), json11's string escapes, records and nil in both formats, nullary
// and empty relations, deep records, and a staged file.
package dev.jetlog.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompoundType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonWriterTest {
    private final MapSymbols symbols = new MapSymbols();
    private final RecordTable records = new RecordTable();

    @TempDir
    Path dir;

    static Attribute column(String name, ColumnType type) {
        return new Attribute(name, type, null);
    }

    /** .type P = [x: number, next: P] */
    static CompoundType listType() {
        CompoundType p = new CompoundType("P", false);
        p.define(List.of(new CompoundType.Branch("P", List.of(new CompoundType.Field("x", ColumnType.NUMBER, null),
                new CompoundType.Field("next", ColumnType.RECORD, p)))));
        return p;
    }

    private String json(int[] rows, int count, List<Attribute> attributes, boolean objects) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonWriter.write(out, rows, count, attributes, objects, symbols, records);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int f(float value) {
        return Float.floatToRawIntBits(value);
    }

    @Test
    void everyPrimitiveTypeInListFormat() throws IOException {
        List<Attribute> columns = List.of(column("n", ColumnType.NUMBER), column("u", ColumnType.UNSIGNED),
                column("f", ColumnType.FLOAT), column("s", ColumnType.SYMBOL));
        int[] rows = {-7, (int) 4_000_000_000L, f(1.5f), symbols.encode("a b"),
                Integer.MIN_VALUE, Integer.MAX_VALUE, f(0.1f), symbols.encode("")};
        assertEquals("[[-7, -294967296, 1.5, \"a b\"],\n[-2147483648, 2147483647, 0.1, \"\"]]\n",
                json(rows, 2, columns, false));
        assertEquals("[[-7, -294967296, 1.5, \"a b\"]]\n", json(rows, 1, columns, false), "one tuple");
    }

    @Test
    void objectFormatUsesTheAttributeNames() throws IOException {
        List<Attribute> columns = List.of(column("x", ColumnType.NUMBER), column("name", ColumnType.SYMBOL));
        int[] rows = {1, symbols.encode("a"), 2, symbols.encode("b")};
        assertEquals("[{\"x\": 1, \"name\": \"a\"},\n{\"x\": 2, \"name\": \"b\"}]\n", json(rows, 2, columns, true));
    }

    @Test
    void emptyAndNullaryRelations() throws IOException {
        List<Attribute> one = List.of(column("x", ColumnType.NUMBER));
        assertEquals("[]\n", json(new int[0], 0, one, false));
        assertEquals("[]\n", json(new int[0], 0, one, true));
        assertEquals("[]\n", json(new int[0], 0, List.of(), false));
        assertEquals("[null\n]\n", json(new int[0], 1, List.of(), false));
        assertEquals("[null\n]\n", json(new int[0], 1, List.of(), true));
    }

    @Test
    void floatsAreWrittenAsACppStreamOfDefaultPrecision() throws IOException {
        float[] values = {1e10f, 0.1f, 123456789f, 1.5e-7f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                Float.NaN, 1f, 100000f, 1e6f, 0.0001f, 0.00001f, -0.0f, 3.14159265f, 999999.5f, 2.5f, 1e-40f};
        String[] expected = {"1e+10", "0.1", "1.23457e+08", "1.5e-07", "inf", "-inf", "nan", "1", "100000", "1e+06",
                "0.0001", "1e-05", "-0", "3.14159", "1e+06", "2.5", "9.99995e-41"};
        int[] rows = new int[values.length];
        StringBuilder want = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            rows[i] = f(values[i]);
            want.append(i == 0 ? "" : ",\n").append('[').append(expected[i]).append(']');
        }
        assertEquals(want.append("]\n").toString(), json(rows, values.length, List.of(column("f", ColumnType.FLOAT)),
                false));
        assertEquals("1.23456788", FloatFormat.format(1.23456789f, 9), "the precision is a parameter");
    }

    @Test
    void symbolsAreEscapedAsJson11Does() throws IOException {
        String symbol = "q\"b\\s\b\f\n\r\t\u0001\u001f\u007f/\u2028\u2029é😀";
        int[] rows = {symbols.encode(symbol)};
        assertEquals("[[\"q\\\"b\\\\s\\b\\f\\n\\r\\t\\u0001\\u001f\u007f/\\u2028\\u2029é😀\"]]\n",
                json(rows, 1, List.of(column("s", ColumnType.SYMBOL)), false));
        assertEquals("\"a\\u0000b\"", JsonWriter.quote("a\u0000b"));
        // a byte that is no UTF-8 is written as that byte, as Soufflé writes its byte strings
        byte[] raw = JsonWriter.quote(new byte[] {(byte) 0xFF, 'x'});
        assertEquals(4, raw.length);
        assertEquals((byte) 0xFF, raw[1]);
    }

    @Test
    void recordsAndNilInBothFormats() throws IOException {
        CompoundType p = listType();
        int inner = records.pack(new int[] {2, 0});
        int outer = records.pack(new int[] {1, inner});
        List<Attribute> columns = List.of(new Attribute("p", ColumnType.RECORD, null, p),
                column("s", ColumnType.SYMBOL));
        int[] rows = {outer, symbols.encode("x"), 0, symbols.encode("y")};
        assertEquals("[[[1, [2, null]], \"x\"],\n[null, \"y\"]]\n", json(rows, 2, columns, false));
        assertEquals("[{\"p\": {\"x\": 1, \"next\": {\"x\": 2, \"next\": null}}, \"s\": \"x\"},\n"
                + "{\"p\": null, \"s\": \"y\"}]\n", json(rows, 2, columns, true));
    }

    @Test
    void recordsOfEveryFieldTypeAndEmptyRecords() throws IOException {
        CompoundType empty = new CompoundType("E", false);
        empty.define(List.of(new CompoundType.Branch("E", List.of())));
        CompoundType all = new CompoundType("A", false);
        all.define(List.of(new CompoundType.Branch("A", List.of(new CompoundType.Field("n", ColumnType.NUMBER, null),
                new CompoundType.Field("u", ColumnType.UNSIGNED, null), new CompoundType.Field("f", ColumnType.FLOAT, null),
                new CompoundType.Field("s", ColumnType.SYMBOL, null), new CompoundType.Field("e", ColumnType.RECORD, empty)))));
        int e = records.pack(new int[0]);
        int a = records.pack(new int[] {-1, -1, f(0.5f), symbols.encode("\"q\""), e});
        List<Attribute> columns = List.of(new Attribute("a", ColumnType.RECORD, null, all));
        assertEquals("[[[-1, -1, 0.5, \"\\\"q\\\"\", []]]]\n", json(new int[] {a}, 1, columns, false));
        assertEquals("[{\"a\": {\"n\": -1, \"u\": -1, \"f\": 0.5, \"s\": \"\\\"q\\\"\", \"e\": {}}}]\n",
                json(new int[] {a}, 1, columns, true));
    }

    @Test
    void deepRecordsNeedNoDeepJavaStack() throws IOException {
        CompoundType p = listType();
        int depth = 200_000;
        int id = 0;
        for (int i = depth; i >= 1; i--) {
            id = records.pack(new int[] {i, id});
        }
        String text = json(new int[] {id}, 1, List.of(new Attribute("p", ColumnType.RECORD, null, p)), false);
        assertTrue(text.startsWith("[[[1, [2, [3, "), text.substring(0, 40));
        assertTrue(text.endsWith("[200000, null" + "]".repeat(depth) + "]]\n"));
    }

    @Test
    void aStagedFileAppearsOnlyOnCommit() throws IOException {
        Path target = dir.resolve("sub").resolve("r.json");
        List<Attribute> columns = List.of(column("x", ColumnType.NUMBER), column("y", ColumnType.NUMBER));
        StagedFile staged = JsonWriter.stage(target, new int[] {1, 2, 3, 4}, 2, columns, true, symbols, records);
        assertFalse(Files.exists(target));
        staged.commit();
        assertEquals("[{\"x\": 1, \"y\": 2},\n{\"x\": 3, \"y\": 4}]\n", Files.readString(target));
    }
}
