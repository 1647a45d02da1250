// Tests for the compile-time check of I/O directives: Soufflé 2.5's IO kinds and options are accepted,
// invalid values are errors at the directive, unknown or unused keys are warnings.
package dev.jetlog.seminaive.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.Problem;
import dev.jetlog.seminaive.api.ProgramException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectiveCheckTest {
    private static final String DECLS = """
            .decl r(x: number, y: symbol)
            .decl n()
            """;

    private static List<String> warnings(String directives) {
        return JetLog.compile("p.dl", DECLS + directives).warnings().stream().map(Problem::toString).toList();
    }

    private static List<String> errors(String directives) {
        ProgramException e = assertThrows(ProgramException.class, () -> JetLog.compile("p.dl", DECLS + directives));
        return e.errors().stream().map(Problem::toString).toList();
    }

    @Test
    void soufflesOptionsAreAccepted() {
        assertEquals(List.of(), warnings("""
                .input r(IO=file, filename="r.csv", delimiter=",", headers=true, rfc4180=true, columns="3:1")
                .output r(IO=file, filename="out.csv.gz", delimiter=";", headers=false, rfc4180=true, compress=true)
                .output r(IO=stdout, delimiter=",", headers=true, rfc4180=false)
                .output r(IO=stdoutprintsize)
                .output r(IO=sqlite, dbname="db.sqlite")
                .output r(IO=sqlite, filename="other.sqlite")
                .printsize r
                .input r(IO=jsonfile, filename="r_in.json")
                .input r(IO=json)
                .output r(IO=jsonfile, format=object)
                .output r(IO=json, format=list)
                .output n(IO=jsonfile)
                """));
    }

    @Test
    void jsonDirectivesCheckTheFormatAndRefuseAdtColumns() {
        assertEquals(List.of("p.dl:8:9: error: format='xml' of .output r must be list or object",
                        "p.dl:9:8: error: format='lists' of .input r must be list or object",
                        "p.dl:10:9: error: IO=jsonfile does not support ADT values, which column e of a holds (type E);"
                                + " use IO=file",
                        "p.dl:11:8: error: IO=json does not support ADT values, which column p of b holds (type E);"
                                + " use IO=file",
                        "p.dl:12:9: error: output file 'r.json' of r is also written by the .output of r at line 7"),
                errors("""
                        .type E = A {x: number} | B {}
                        .type P = [e: E]
                        .decl a(e: E)
                        .decl b(x: number, p: P)
                        .output r(IO=jsonfile)
                        .output r(IO=jsonfile, format=xml)
                        .input r(IO=jsonfile, format=lists)
                        .output a(IO=jsonfile)
                        .input b(IO=json)
                        .output r(IO=jsonfile, filename="./r.json")
                        """));
    }

    @Test
    void jsonDirectivesWarnAboutParametersTheyDoNotUse() {
        assertEquals(List.of("p.dl:3:8: warning: parameter 'format' of .input r is ignored (as in Soufflé, the first"
                        + " tuple of a JSON input tells its format)",
                        "p.dl:4:9: warning: parameter 'delimiter' of .output r is ignored with IO=jsonfile",
                        "p.dl:5:9: warning: parameter 'filename' of .output r is ignored with IO=json",
                        "p.dl:5:9: warning: parameter 'headers' of .output r is ignored with IO=json"),
                warnings("""
                        .input r(IO=jsonfile, format=object)
                        .output r(IO=jsonfile, delimiter=",")
                        .output r(IO=json, filename="x.json", headers=true)
                        """));
    }

    @Test
    void unsupportedIoKindsAreErrorsAtTheDirective() {
        assertEquals(List.of("p.dl:3:8: error: unsupported IO='jsonl' for .input r (use file, stdin, sqlite, jsonfile or json)",
                        "p.dl:4:8: error: unsupported IO='stdout' for .input r (use file, stdin, sqlite, jsonfile or json)",
                        "p.dl:5:9: error: unsupported IO='jsonl' for .output r (use file, stdout, stdoutprintsize, sqlite,"
                                + " jsonfile or json)",
                        "p.dl:6:9: error: unsupported IO='stdin' for .output r (use file, stdout, stdoutprintsize, sqlite,"
                                + " jsonfile or json)"),
                errors("""
                        .input r(IO=jsonl)
                        .input r(IO=stdout)
                        .output r(IO=jsonl)
                        .output r(IO=stdin)
                        """));
    }

    @Test
    void invalidValuesAreErrors() {
        assertEquals(List.of("p.dl:3:8: error: headers='maybe' of .input r must be true or false",
                        "p.dl:4:9: error: rfc4180='yes' of .output r must be true or false",
                        "p.dl:5:9: error: compress='1' of .output r must be true or false",
                        "p.dl:6:8: error: the delimiter of r must not contain '\"' under rfc4180=true",
                        "p.dl:7:8: error: the delimiter of r must not contain a line break",
                        "p.dl:8:8: error: the delimiter of r must not be empty",
                        "p.dl:9:8: error: the dbname of r must not be empty"),
                errors("""
                        .input r(headers=maybe)
                        .output r(rfc4180=yes, filename="a")
                        .output r(compress=1, filename="b")
                        .input r(rfc4180=true, delimiter="\\"")
                        .input r(delimiter="\\n")
                        .input r(delimiter="")
                        .input r(IO=sqlite, dbname="")
                        """));
    }

    @Test
    void columnsMustNameOneDistinctColumnPerAttribute() {
        assertEquals(List.of("p.dl:3:8: error: columns='0' of .input r must list 2 column numbers (one per attribute), not 1",
                        "p.dl:4:8: error: columns='0:x' of .input r must list column numbers (from 0) separated by ':'",
                        "p.dl:5:8: error: columns='1:1' of .input r names column 1 twice",
                        "p.dl:6:8: error: columns='-1:0' of .input r must list column numbers (from 0) separated by ':'"),
                errors("""
                        .input r(columns="0")
                        .input r(columns="0:x")
                        .input r(columns="1:1")
                        .input r(columns="-1:0")
                        """));
    }

    @Test
    void sqliteNeedsAFileAndAnAttribute() {
        assertEquals(List.of("p.dl:3:9: error: IO=sqlite needs at least one attribute; n has none",
                        "p.dl:4:8: error: the database of r must be a file name: SQLite URIs and in-memory databases "
                                + "(':memory:') are not supported",
                        "p.dl:5:9: error: the database of r must be a file name: SQLite URIs and in-memory databases "
                                + "('file:x.db?mode=ro') are not supported"),
                errors("""
                        .output n(IO=sqlite)
                        .input r(IO=sqlite, dbname=":memory:")
                        .output r(IO=sqlite, filename="file:x.db?mode=ro")
                        """));
    }

    @Test
    void tablesOfOneDatabaseMayShareItButNotAFile() {
        assertEquals(List.of(), warnings("""
                .decl s(a: number)
                .output r(IO=sqlite, dbname="x.db")
                .output s(IO=sqlite, dbname="x.db")
                """));
        assertEquals(List.of("p.dl:5:9: error: output database 'x.db' of r is also written by the .output of r at line 4",
                        "p.dl:6:9: error: output database 'r.csv' of r is also written by the .output of r at line 3"),
                errors("""
                        .output r
                        .output r(IO=sqlite, dbname="x.db")
                        .output r(IO=sqlite, filename="./x.db")
                        .output r(IO=sqlite, dbname="r.csv")
                        """));
        assertEquals(List.of("p.dl:4:9: error: output file 'r.csv.gz' of r is also written by the .output of r at line 3"),
                errors("""
                        .output r(compress=true)
                        .output r(filename="r.csv.gz")
                        """));
    }

    @Test
    void unknownAndUnusedKeysAreWarnings() {
        assertEquals(List.of("p.dl:3:8: warning: parameter 'colour' of .input r is ignored",
                        "p.dl:4:8: warning: parameter 'compress' of .input r is ignored (gzip input is recognised by its content)",
                        "p.dl:5:9: warning: parameter 'filename' of .output r is ignored with IO=stdout",
                        "p.dl:5:9: warning: parameter 'compress' of .output r is ignored with IO=stdout",
                        "p.dl:6:9: warning: parameter 'headers' of .output r is ignored with IO=sqlite",
                        "p.dl:7:9: warning: parameter 'delimiter' of .output r is ignored with IO=stdoutprintsize",
                        "p.dl:8:8: warning: parameter 'columns' of .input r is ignored with IO=sqlite",
                        "p.dl:9:12: warning: parameter 'IO' of .printsize r is ignored"),
                warnings("""
                        .input r(colour=blue)
                        .input r(compress=true)
                        .output r(IO=stdout, filename="x", compress=true)
                        .output r(IO=sqlite, headers=true)
                        .output r(IO=stdoutprintsize, delimiter=",")
                        .input r(IO=sqlite, columns="1:0")
                        .printsize r(IO=file)
                        """));
    }

    @Test
    void compressFalseStillCompressesAsInSouffleAndSaysSo() {
        assertEquals(List.of("p.dl:3:9: warning: compress=false of .output r still writes gzip, as in Soufflé 2.5 "
                + "(remove the parameter to write plain text)"), warnings(".output r(compress=false)\n"));
    }
}
