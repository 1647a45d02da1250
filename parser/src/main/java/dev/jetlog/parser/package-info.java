/**
 * Parsing and checking Soufflé-dialect programs: {@link dev.jetlog.parser.DatalogParser} turns source text
 * into a {@link dev.jetlog.parser.CheckedProgram} or throws a {@link dev.jetlog.parser.DatalogException}
 * whose diagnostics name file:line:col and show the offending line with a caret.
 */
package dev.jetlog.parser;
