// A file the preprocessor reads: the name diagnostics give it, the directory its quoted #includes start
// from, an identity (the same file reached by two paths is one file) and its text.
package dev.jetlog.parser.preprocess;

import java.nio.file.Path;

record SourceFile(String name, Path directory, Object identity, String text) {
}
