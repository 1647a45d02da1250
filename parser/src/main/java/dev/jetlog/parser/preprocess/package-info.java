/**
 * The C preprocessor as Soufflé runs it before parsing (mcpp there): {@code #include}, {@code #define}
 * (object-like and function-like, with {@code #} and {@code ##}), {@code #undef}, conditionals and
 * {@code #error}. {@link dev.jetlog.parser.preprocess.Preprocessor#run} turns a source into one text whose
 * line map leads every position back to the original file, line and column.
 */
package dev.jetlog.parser.preprocess;
