// Package overview: loading and saving relations as .facts files, JSON and SQLite tables, plus the bundled example programs.
/**
 * Datasets for JetLog: everything that turns files into relations and back.
 *
 * <p>A relation of arity {@code k} is a row-major {@code int[]} of {@code n * k} values;
 * {@link dev.jetlog.datasets.IntRows} is the growable form. Every value is a 32-bit int whose
 * meaning depends on the column's {@link dev.jetlog.parser.ast.ColumnType}: a signed number,
 * the bits of an unsigned number, the raw bits of a float, or a symbol id handed out by a
 * {@link dev.jetlog.datasets.SymbolEncoder}.
 *
 * <ul>
 *   <li>{@link dev.jetlog.datasets.FactsReader} / {@link dev.jetlog.datasets.FactsWriter}:
 *       Soufflé-style {@code .facts} input and output (plain edge lists included), with Soufflé's
 *       options ({@link dev.jetlog.datasets.CsvReadOptions}, {@link dev.jetlog.datasets.CsvWriteOptions}:
 *       headers, rfc4180 quoting, columns, gzip).</li>
 *   <li>{@link dev.jetlog.datasets.JsonReader} / {@link dev.jetlog.datasets.JsonWriter}: relations as
 *       Soufflé's {@code IO=json}/{@code IO=jsonfile} JSON, in list or object format.</li>
 *   <li>{@link dev.jetlog.datasets.SqliteReader} / {@link dev.jetlog.datasets.SqliteWriter}: relations
 *       in SQLite databases, in the layout of Soufflé's {@code IO=sqlite}.</li>
 *   <li>{@link dev.jetlog.datasets.StagedOutput}: outputs written but not yet visible, so that a run
 *       replaces all of its outputs or none.</li>
 *   <li>{@link dev.jetlog.datasets.ExamplePrograms}: the bundled TC, SG and CSPA programs.</li>
 * </ul>
 *
 * <p>Test fixtures live in the module's test jar ({@code jetlog-datasets:tests}), out of the production
 * jar: {@code GraphGenerator} (deterministic synthetic graphs), {@code SharedDatasets} (finds the
 * {@code shared/} folder of benchmark graphs and conformance cases beside the checkout) and
 * {@code ExampleDataWriter} (regenerates the bundled example facts).
 */
package dev.jetlog.datasets;
