// How a delimited text input is laid out, after Soufflé's IO=file parameters: the delimiter, RFC 4180
// quoting, a header line to skip, and which columns of the file feed which attributes.
package dev.jetlog.datasets;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The layout of a {@code .facts} file as {@link FactsReader} reads it.
 *
 * @param delimiter separates the fields (tab by default; Soufflé's default is {@code ,} under rfc4180)
 * @param rfc4180 a field may be enclosed in double quotes, holding delimiters and line breaks, with
 *                {@code ""} for a quote inside (Soufflé's {@code rfc4180=true})
 * @param headers the first line names the columns and is skipped (Soufflé's {@code headers=true})
 * @param columns for each attribute, in order, the 0-based column of the file that holds it; fields in
 *                no listed column are skipped (Soufflé's {@code columns="2:0"}); empty means column i
 *                holds attribute i and the line has exactly one field per attribute
 */
public record CsvReadOptions(String delimiter, boolean rfc4180, boolean headers, List<Integer> columns) {
    public CsvReadOptions {
        Objects.requireNonNull(delimiter, "delimiter");
        if (delimiter.isEmpty() || delimiter.indexOf('\n') >= 0 || delimiter.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("delimiter must be non-empty and contain no line break");
        }
        if (rfc4180 && delimiter.indexOf('"') >= 0) {
            throw new IllegalArgumentException("the delimiter cannot contain '\"' under rfc4180");
        }
        columns = List.copyOf(columns);
        Set<Integer> seen = new HashSet<>();
        for (int column : columns) {
            if (column < 0 || !seen.add(column)) {
                throw new IllegalArgumentException("columns must be distinct and not negative: " + columns);
            }
        }
    }

    /** Plain fields separated by {@code delimiter}: no quoting, no header, every column read. */
    public static CsvReadOptions delimitedBy(String delimiter) {
        return new CsvReadOptions(delimiter, false, false, List.of());
    }
}
