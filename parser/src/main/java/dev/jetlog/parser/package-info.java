/**
 * Parsing and checking Soufflé-dialect programs: {@link dev.jetlog.parser.DatalogParser} runs the C
 * preprocessor ({@link dev.jetlog.parser.preprocess}), then turns the text into a
 * {@link dev.jetlog.parser.CheckedProgram} or throws a {@link dev.jetlog.parser.DatalogException} whose
 * diagnostics name the original file:line:col and show the offending line with a caret.
 */
package dev.jetlog.parser;
