// Where a directive's data comes from or goes, named by Soufflé's IO parameter.
package dev.jetlog.seminaive.io;

public enum IoKind {
    /** A delimited text file (IO=file, the default), gzip-compressed or not. */
    FILE("file"),
    /** The relation printed on stdout between Soufflé's rules (IO=stdout; outputs only). */
    STDOUT("stdout"),
    /** The relation's size printed on stdout as {@code name<TAB>count} (IO=stdoutprintsize; .printsize). */
    STDOUT_PRINTSIZE("stdoutprintsize"),
    /** A table in an SQLite database, laid out as Soufflé does (IO=sqlite). */
    SQLITE("sqlite"),
    /** Delimited text read from standard input (IO=stdin; inputs only); the first such input reads it all. */
    STDIN("stdin"),
    /** A JSON file (IO=jsonfile), as Soufflé 2.5 writes and reads it: an array of tuples, lists or objects. */
    JSONFILE("jsonfile"),
    /** JSON on standard output for an .output, from standard input for an .input (IO=json). */
    JSON("json");

    private final String value;

    IoKind(String value) {
        this.value = value;
    }

    /** The value of the IO parameter that selects this kind. */
    public String value() {
        return value;
    }

    /** The kind an IO value selects, or null if JetLog has none by that name. */
    public static IoKind named(String value) {
        for (IoKind kind : values()) {
            if (kind.value.equals(value)) {
                return kind;
            }
        }
        return null;
    }
}
