/**
 * The program's I/O directives, with Soufflé 2.5's parameters: checking them ({@code DirectiveCheck}),
 * reading them with their defaults ({@code IoParameters}, {@code IoKind}), reading .input relations from
 * a facts directory (text files, gzip-compressed or not, JSON files and SQLite databases) or standard input,
 * and writing .output relations (text and JSON files, SQLite databases, stdout) and .printsize counts.
 */
package dev.jetlog.seminaive.io;
