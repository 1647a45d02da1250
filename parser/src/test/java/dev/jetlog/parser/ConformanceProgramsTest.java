// Every program of the shared conformance cases and benchmark programs parses and type-checks.
package dev.jetlog.parser;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.Term;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConformanceProgramsTest {
    private static Path shared() {
        String property = System.getProperty("jetlog.shared");
        return property == null ? null : Path.of(property);
    }

    @Test
    void sharedProgramsParseWithATypeForEveryTerm() throws IOException {
        Path shared = shared();
        assumeTrue(shared != null && Files.isDirectory(shared.resolve("conformance")), "no ../shared checkout");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(shared.resolve("conformance"))) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".dl")).sorted().toList();
        }
        try (Stream<Path> walk = Files.list(shared.resolve("programs"))) {
            files = Stream.concat(files.stream(), walk.filter(p -> p.toString().endsWith(".dl")).sorted()).toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            CheckedProgram program = assertDoesNotThrow(() -> DatalogParser.parseFile(file), file::toString);
            for (Rule rule : program.program().rules()) {
                for (Term term : TypeRecordingTest.allTerms(rule)) {
                    assertDoesNotThrow(() -> program.typeOf(term), () -> file + ": " + term + " at " + term.pos());
                }
            }
        }
    }
}
