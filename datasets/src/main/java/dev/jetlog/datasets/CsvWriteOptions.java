// How a relation is written as delimited text, after Soufflé's IO=file/stdout parameters: the delimiter,
// RFC 4180 quoting of symbols, a header line, and gzip compression.
package dev.jetlog.datasets;

import java.util.Objects;

/**
 * The layout {@link FactsWriter} writes.
 *
 * @param delimiter separates the fields
 * @param rfc4180 symbols are written in double quotes, each {@code "} inside as {@code \""}, exactly as
 *                Soufflé 2.5 writes them (its reader takes that back as {@code \"}); numbers stay bare
 * @param header the first line (without its line break), or null for none
 * @param compress the bytes are gzip-compressed (a file only)
 */
public record CsvWriteOptions(String delimiter, boolean rfc4180, String header, boolean compress) {
    public CsvWriteOptions {
        Objects.requireNonNull(delimiter, "delimiter");
    }

    /** Plain fields separated by {@code delimiter}: no quoting, no header, no compression. */
    public static CsvWriteOptions delimitedBy(String delimiter) {
        return new CsvWriteOptions(delimiter, false, null, false);
    }
}
