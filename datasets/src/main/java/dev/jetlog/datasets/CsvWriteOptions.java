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
 * @param records the text of a value of a record column, by column; null when no column holds records
 */
public record CsvWriteOptions(String delimiter, boolean rfc4180, String header, boolean compress,
                              RecordFormatter records) {
    /** Writes the text of one record column's value. */
    @FunctionalInterface
    public interface RecordFormatter {
        String format(int column, int value);
    }

    public CsvWriteOptions {
        Objects.requireNonNull(delimiter, "delimiter");
    }

    /** Options for relations without record columns. */
    public CsvWriteOptions(String delimiter, boolean rfc4180, String header, boolean compress) {
        this(delimiter, rfc4180, header, compress, null);
    }

    /** The same options, writing record columns with the formatter. */
    public CsvWriteOptions withRecords(RecordFormatter formatter) {
        return new CsvWriteOptions(delimiter, rfc4180, header, compress, formatter);
    }

    /** Plain fields separated by {@code delimiter}: no quoting, no header, no compression. */
    public static CsvWriteOptions delimitedBy(String delimiter) {
        return new CsvWriteOptions(delimiter, false, null, false);
    }
}
