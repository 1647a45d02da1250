// Tests for JsonReader: Soufflé's list and object formats, records and nil, escapes, nullary relations, what
// JsonWriter writes reading back the same, every malformed input as an error naming its line and column, the
// relation and the column, and large and deeply nested inputs.
package dev.jetlog.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompoundType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReaderTest {
    private final MapSymbols symbols = new MapSymbols();
    private final RecordTable records = new RecordTable();

    @TempDir
    Path dir;

    private static final List<Attribute> PRIMITIVES = List.of(JsonWriterTest.column("n", ColumnType.NUMBER),
            JsonWriterTest.column("u", ColumnType.UNSIGNED), JsonWriterTest.column("f", ColumnType.FLOAT),
            JsonWriterTest.column("s", ColumnType.SYMBOL));

    private IntRows read(String text, List<Attribute> attributes) throws IOException, FactsFormatException {
        return JsonReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "in.json", "r",
                attributes, symbols, records);
    }

    private String error(String text, List<Attribute> attributes) {
        return assertThrows(FactsFormatException.class, () -> read(text, attributes)).getMessage();
    }

    private static int f(float value) {
        return Float.floatToRawIntBits(value);
    }

    @Test
    void listFormat() throws Exception {
        IntRows rows = read(" [ [1, 4294967295, 1.5, \"a\"] ,\n[-2147483648,0,-2e-3,\"\"]\n]\n", PRIMITIVES);
        assertEquals(2, rows.size());
        assertArrayEquals(new int[] {1, -1, f(1.5f), symbols.encode("a"), Integer.MIN_VALUE, 0, f(-0.002f),
                symbols.encode("")}, rows.toArray());
    }

    @Test
    void unsignedValuesFrom2To31ReadBackFromTheNegativeIntsSouffleWrites() throws Exception {
        IntRows rows = read("[[0, -294967296, 0, \"\"], [0, -1, 0, \"\"], [0, -2147483648, 0, \"\"], [0, -1e0, 0, \"\"]]",
                PRIMITIVES);
        assertEquals(4_000_000_000L, Integer.toUnsignedLong(rows.get(0, 1)));
        assertEquals(4294967295L, Integer.toUnsignedLong(rows.get(1, 1)));
        assertEquals(2147483648L, Integer.toUnsignedLong(rows.get(2, 1)));
        assertEquals(-1, rows.get(3, 1));
    }

    @Test
    void objectFormatInAnyKeyOrder() throws Exception {
        IntRows rows = read("[{\"s\": \"x\", \"f\": 0.1, \"u\": 7, \"n\": -3},\n{\"n\": 1, \"u\": 2, \"f\": 3, \"s\": \"y\"}]",
                PRIMITIVES);
        assertArrayEquals(new int[] {-3, 7, f(0.1f), symbols.encode("x"), 1, 2, f(3f), symbols.encode("y")},
                rows.toArray());
    }

    @Test
    void floatsAreReadAsFloatsAndWholeNumbersInAnySpelling() throws Exception {
        List<Attribute> columns = List.of(JsonWriterTest.column("n", ColumnType.NUMBER),
                JsonWriterTest.column("f", ColumnType.FLOAT));
        IntRows rows = read("[[1e3, 2.75], [2.50E1, 1e10], [-0, nan], [0.0, inf], [5, -inf], [7, 1.5e-07]]", columns);
        assertArrayEquals(new int[] {1000, f(2.75f), 25, f(1e10f), 0, f(Float.NaN), 0, f(Float.POSITIVE_INFINITY),
                5, f(Float.NEGATIVE_INFINITY), 7, f(1.5e-7f)}, rows.toArray());
    }

    @Test
    void stringEscapes() throws Exception {
        IntRows rows = read("[[\"q\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u2028\\ud83d\\ude00 é\"]]",
                List.of(JsonWriterTest.column("s", ColumnType.SYMBOL)));
        assertEquals("q\"\\/\b\f\n\r\té\u2028😀 é", symbols.decode(rows.get(0, 0)));
    }

    @Test
    void emptyAndNullaryRelations() throws Exception {
        assertEquals(0, read(" [ ] ", PRIMITIVES).size());
        assertEquals(1, read("[null\n]\n", List.of()).size());
        assertEquals(2, read("[[], []]", List.of()).size());
        assertEquals(1, read("[{}]", List.of()).size());
        assertEquals(0, read("[]", List.of()).size());
    }

    @Test
    void recordsAndNilInBothFormats() throws Exception {
        CompoundType p = JsonWriterTest.listType();
        List<Attribute> columns = List.of(new Attribute("p", ColumnType.RECORD, null, p));
        int list = read("[[[1, [2, null]]], [null]]", columns).get(0, 0);
        int objects = read("[{\"p\": {\"next\": {\"x\": 2, \"next\": null}, \"x\": 1}}]", columns).get(0, 0);
        assertEquals(list, objects, "the same record");
        assertArrayEquals(new int[] {1, records.pack(new int[] {2, 0})}, records.fields(list));
    }

    @Test
    void whatTheWriterWritesReadsBackTheSame() throws Exception {
        CompoundType p = JsonWriterTest.listType();
        List<Attribute> columns = List.of(JsonWriterTest.column("n", ColumnType.NUMBER),
                JsonWriterTest.column("u", ColumnType.UNSIGNED), JsonWriterTest.column("f", ColumnType.FLOAT),
                JsonWriterTest.column("s", ColumnType.SYMBOL), new Attribute("p", ColumnType.RECORD, null, p));
        Random random = new Random(7);
        int count = 2000;
        int[] rows = new int[count * columns.size()];
        for (int r = 0, at = 0; r < count; r++) {
            rows[at++] = random.nextInt();
            rows[at++] = random.nextInt();
            rows[at++] = f((float) (random.nextInt(2000) - 1000) / 8);
            rows[at++] = symbols.encode("s\"\n\t\\" + random.nextInt(100) + "é\u2028\u0003");
            rows[at++] = random.nextInt(4) == 0 ? 0 : records.pack(new int[] {random.nextInt(),
                    records.pack(new int[] {r, 0})});
        }
        for (boolean objects : new boolean[] {false, true}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JsonWriter.write(out, rows, count, columns, objects, symbols, records);
            IntRows back = read(out.toString(StandardCharsets.UTF_8), columns);
            assertArrayEquals(rows, back.toArray(), objects ? "object format" : "list format");
        }
    }

    @Test
    void aFileIsReadWhole() throws Exception {
        Path file = Files.writeString(dir.resolve("r.json"), "[[1, 2, 3, \"x\"]]\n");
        IntRows rows = JsonReader.read(file, "r", PRIMITIVES, symbols, records);
        assertArrayEquals(new int[] {1, 2, f(3f), symbols.encode("x")}, rows.toArray());
        FactsFormatException e = assertThrows(FactsFormatException.class, () -> JsonReader.read(
                Files.writeString(dir.resolve("bad.json"), "[[1, 2, 3, 4]]"), "r", PRIMITIVES, symbols, records));
        assertEquals(dir.resolve("bad.json") + ":1:12: relation r, column s: expected a JSON string, found '4'",
                e.getMessage());
    }

    @Test
    void structuralErrorsNameTheLineAndColumn() {
        assertEquals("in.json:1:1: expected the tuples of r as a JSON array, found an object", error("{}", PRIMITIVES));
        assertEquals("in.json:2:1: expected the tuples of r as a JSON array, found the end of the input",
                error("  \n", PRIMITIVES));
        assertEquals("in.json:1:2: expected a tuple of r as a JSON array or object, found '1'", error("[1]", PRIMITIVES));
        assertEquals("in.json:1:2: expected a tuple of r as a JSON array or object, found 'null'",
                error("[null]", PRIMITIVES));
        assertEquals("in.json:2:1: expected a tuple of r as a JSON array, like the first tuple, found an object",
                error("[[1, 2, 3, \"a\"],\n{\"n\": 1}]", PRIMITIVES));
        assertEquals("in.json:1:21: expected ',' or ']' after a tuple of r, found an array",
                error("[[1, 2, 3, \"a\"]     [1, 2, 3, \"a\"]]", PRIMITIVES));
        assertEquals("in.json:1:17: expected ',' or ']' after a tuple of r, found the end of the input",
                error("[[1, 2, 3, \"a\"] ", PRIMITIVES));
        assertEquals("in.json:2:1: unexpected text after the JSON array of r: ']'", error("[]\n]", PRIMITIVES));
        assertEquals("in.json:1:8: too few values in a tuple of r: expected 4 values, found 2 (attribute \"f\" is"
                + " missing)", error("[[1, 2 ]]", PRIMITIVES));
        assertEquals("in.json:1:17: too many values in a tuple of r: expected 4 values",
                error("[[1, 2, 3, \"a\", 5]]", PRIMITIVES));
        assertEquals("in.json:1:8: expected ',' or ']' in a tuple of r, found '3'", error("[[1, 2 3]]", PRIMITIVES));
        assertEquals("in.json:1:9: relation r, column f: expected a float, found ']'", error("[[1, 2, ]]", PRIMITIVES));
    }

    @Test
    void objectErrors() {
        assertEquals("in.json:1:3: unknown attribute \"z\" in a tuple of r (expected one of \"n\", \"u\", \"f\", \"s\")",
                error("[{\"z\": 1}]", PRIMITIVES));
        assertEquals("in.json:1:11: attribute \"n\" appears twice in a tuple of r",
                error("[{\"n\": 1, \"n\": 2}]", PRIMITIVES));
        assertEquals("in.json:1:32: missing attribute \"f\" in a tuple of r",
                error("[{\"n\": 1, \"u\": 2,      \"s\": \"x\"}]", PRIMITIVES));
        assertEquals("in.json:1:3: expected an attribute name (a JSON string) in a tuple of r, found 'n'",
                error("[{n: 1}]", PRIMITIVES));
        assertEquals("in.json:1:7: expected ':' after \"n\", found '1'", error("[{\"n\" 1}]", PRIMITIVES));
    }

    @Test
    void valueErrorsNameTheRelationAndTheColumn() {
        assertEquals("in.json:1:3: relation r, column n: value 2147483648 does not fit a 32-bit number column",
                error("[[2147483648, 0, 0, \"\"]]", PRIMITIVES));
        assertEquals("in.json:1:3: relation r, column n: 1.5 is not a whole number, as a number column needs",
                error("[[1.5, 0, 0, \"\"]]", PRIMITIVES));
        assertEquals("in.json:1:3: relation r, column n: value 1e10 does not fit a 32-bit number column",
                error("[[1e10, 0, 0, \"\"]]", PRIMITIVES));
        assertEquals("in.json:1:6: relation r, column u: value -2147483649 does not fit a 32-bit unsigned column"
                + " (0..4294967295, or -2147483648..-1 for the values from 2^31, as Soufflé writes them)",
                error("[[0, -2147483649, 0, \"\"]]", PRIMITIVES));
        assertEquals("in.json:1:6: relation r, column u: value 4294967296 does not fit a 32-bit unsigned column",
                error("[[0, 4294967296, 0, \"\"]]", PRIMITIVES));
        assertEquals("in.json:1:6: relation r, column u: value 5e9 does not fit a 32-bit unsigned column"
                + " (0..4294967295, or -2147483648..-1 for the values from 2^31, as Soufflé writes them)",
                error("[[0, 5e9, 0, \"\"]]", PRIMITIVES));
        assertEquals("in.json:1:9: relation r, column f: value 1e39 does not fit a 32-bit float column",
                error("[[0, 0, 1e39, \"\"]]", PRIMITIVES));
        assertEquals("in.json:1:3: relation r, column n: expected a number, found the string \"12\"",
                error("[[\"12\", 0, 0, \"\"]]", PRIMITIVES));
        assertEquals("in.json:1:3: relation r, column n: expected a number, found 'true'",
                error("[[true, 0, 0, \"\"]]", PRIMITIVES));
        assertEquals("in.json:1:12: relation r, column s: expected a JSON string, found 'null'",
                error("[[0, 0, 0, null]]", PRIMITIVES));
        assertEquals("in.json:2:7: relation r, column s: expected a JSON string, found an array",
                error("[\n{\"s\": [], \"n\": 0}]", PRIMITIVES));
        for (String bad : List.of("01", "1.", "-", "1e", "1.5x", "+1", ".5")) {
            String message = error("[[" + bad + ", 0, 0, \"\"]]", PRIMITIVES);
            assertEquals("in.json:1:3: relation r, column n: ", message.substring(0, 35), message);
        }
    }

    @Test
    void stringErrors() {
        List<Attribute> symbol = List.of(JsonWriterTest.column("s", ColumnType.SYMBOL));
        assertEquals("in.json:1:3: unterminated JSON string", error("[[\"abc", symbol));
        assertEquals("in.json:1:5: a control character must be escaped in a JSON string", error("[[\"a\tb\"]]", symbol));
        assertEquals("in.json:1:5: unterminated JSON string (a line break must be written \\n)",
                error("[[\"a\nb\"]]", symbol));
        assertEquals("in.json:1:5: invalid escape in a JSON string", error("[[\"a\\qb\"]]", symbol));
        assertEquals("in.json:1:5: a \\u escape needs four hex digits", error("[[\"a\\u12g4\"]]", symbol));
        assertEquals("in.json:1:4: a lone surrogate \\u escape is not a character", error("[[\"\\udc00\"]]", symbol));
        assertEquals("in.json:1:10: relation r, column s: expected a JSON string, found '1'",
                error("[[\"é\"], [1]]", symbol), "columns count characters, not bytes");
    }

    @Test
    void recordErrorsNameTheField() {
        CompoundType p = JsonWriterTest.listType();
        List<Attribute> columns = List.of(new Attribute("p", ColumnType.RECORD, null, p));
        assertEquals("in.json:1:11: relation r, column p, field next of P, field next of P: expected a record of P"
                + " as a JSON array or null, found '7'", error("[[[1, [2, 7]]]]", columns));
        assertEquals("in.json:1:8: relation r, column p, field next of P, field x of P: expected a number, found the string \"a\"",
                error("[[[1, [\"a\", null]]]]", columns));
        assertEquals("in.json:1:6: too few values in a record of P: expected 2 values, found 1 (field \"next\" is"
                + " missing)", error("[[[1 ]]]", columns));
        assertEquals("in.json:1:3: relation r, column p: expected a record of P as a JSON array or null, found an"
                + " object", error("[[{\"x\": 1, \"next\": null}]]", columns));
        assertEquals("in.json:1:19: missing field \"next\" in a record of P",
                error("[{\"p\": {\"x\": 1    }}]", columns));
        assertEquals("in.json:1:17: unknown field \"y\" in a record of P (expected one of \"x\", \"next\")",
                error("[{\"p\": {\"x\": 1, \"y\": 2}}]", columns));
    }

    @Test
    void bigInputs() throws Exception {
        int count = 300_000;
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : ",\n").append("[").append(i).append(", ").append(i).append(", ")
                    .append(i / 4.0).append(", \"s").append(i % 1000).append("\"]");
        }
        IntRows rows = read(text.append("]\n").toString(), PRIMITIVES);
        assertEquals(count, rows.size());
        assertEquals(299_999, rows.get(count - 1, 0));
        assertEquals(f(299_999 / 4f), rows.get(count - 1, 2));
        assertEquals("s999", symbols.decode(rows.get(count - 1, 3)));
        String late = error(text.toString().replace("[299999, 299999,", "[299999, \"299999\","), PRIMITIVES);
        assertEquals("in.json:300000:10: relation r, column u: expected a number, found the string \"299999\"", late);
    }

    @Test
    void deeplyNestedRecordsNeedNoDeepJavaStack() throws Exception {
        CompoundType p = JsonWriterTest.listType();
        int depth = 200_000;
        StringBuilder text = new StringBuilder("[[");
        for (int i = 1; i <= depth; i++) {
            text.append('[').append(i).append(", ");
        }
        text.append("null").append("]".repeat(depth)).append("]]");
        int id = read(text.toString(), List.of(new Attribute("p", ColumnType.RECORD, null, p))).get(0, 0);
        int length = 0;
        for (int at = id; at != 0; at = records.field(at, 1)) {
            length++;
            assertEquals(length, records.field(at, 0));
        }
        assertEquals(depth, length);
    }
}
