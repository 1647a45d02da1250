// Tests for the defaults Soufflé 2.5 applies to I/O parameters: file names, the rfc4180 delimiter, the
// header line's delimiter, compress given at all, and the database name.
package dev.jetlog.seminaive.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jetlog.parser.DatalogParser;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.Program;
import java.util.List;
import org.junit.jupiter.api.Test;

class IoParametersTest {
    private static IoParameters only(String directive) {
        Program program = DatalogParser.parse("p.dl", ".decl r(x: number, y: symbol)\n" + directive).program();
        Directive d = program.directives().get(0);
        return IoParameters.of(d, program.relation("r"));
    }

    @Test
    void defaultFileNamesFollowTheDirectiveAndCompression() {
        assertEquals("r.facts", only(".input r\n").path());
        assertEquals("r.csv", only(".output r\n").path());
        assertEquals("r.csv.gz", only(".output r(compress=true)\n").path());
        assertEquals("x.txt", only(".output r(compress=true, filename=\"x.txt\")\n").path());
        assertNull(only(".output r(IO=stdout)\n").path());
    }

    @Test
    void rfc4180MakesCommaTheDefaultDelimiterButNotForTheHeader() {
        IoParameters rfc = only(".output r(rfc4180=true, headers=true)\n");
        assertEquals(",", rfc.delimiter());
        assertEquals("x\ty", rfc.headerLine());
        assertEquals("x\ty", rfc.writeOptions().header());
        IoParameters explicit = only(".output r(rfc4180=true, headers=true, delimiter=\"|\")\n");
        assertEquals("x|y", explicit.headerLine());
        assertNull(only(".output r(rfc4180=true)\n").writeOptions().header());
    }

    @Test
    void booleansAreOnlyTrueWhenWrittenTrueButCompressWheneverGiven() {
        assertFalse(only(".input r(headers=false)\n").readOptions().headers());
        assertTrue(only(".input r(headers=true)\n").readOptions().headers());
        assertTrue(only(".output r(compress=false)\n").writeOptions().compress());
        assertFalse(only(".output r\n").writeOptions().compress());
    }

    @Test
    void columnsAreReadInAttributeOrder() {
        assertEquals(List.of(3, 0), only(".input r(columns=\"3:0\")\n").readOptions().columns());
        assertEquals(List.of(), only(".input r\n").readOptions().columns());
    }

    @Test
    void aDatabaseIsNamedByFilenameThenDbnameThenTheRelation() {
        assertEquals(IoKind.SQLITE, only(".input r(IO=sqlite)\n").kind());
        assertEquals("r.sqlite", only(".input r(IO=sqlite)\n").path());
        assertEquals("d.db", only(".input r(IO=sqlite, dbname=\"d.db\")\n").path());
        assertEquals("f.db", only(".input r(IO=sqlite, dbname=\"d.db\", filename=\"f.db\")\n").path());
    }

    @Test
    void jsonFilesAreNamedAfterTheRelationAndListIsTheDefaultFormat() {
        assertEquals(IoKind.JSONFILE, only(".input r(IO=jsonfile)\n").kind());
        assertEquals("r.json", only(".input r(IO=jsonfile)\n").path());
        assertEquals("r.json", only(".output r(IO=jsonfile)\n").path());
        assertEquals("/tmp/x.txt", only(".output r(IO=jsonfile, filename=\"/tmp/x.txt\")\n").path());
        assertFalse(only(".output r(IO=jsonfile)\n").jsonObjects());
        assertFalse(only(".output r(IO=json, format=list)\n").jsonObjects());
        assertTrue(only(".output r(IO=json, format=object)\n").jsonObjects());
        assertEquals(IoKind.JSON, only(".output r(IO=json)\n").kind());
        assertNull(only(".output r(IO=json)\n").path());
    }

    @Test
    void printsizeIsAlwaysASizeOnStdout() {
        assertEquals(IoKind.STDOUT_PRINTSIZE, only(".printsize r(IO=file)\n").kind());
        assertEquals(IoKind.STDOUT_PRINTSIZE, only(".output r(IO=stdoutprintsize)\n").kind());
    }
}
