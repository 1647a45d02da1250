// Staged outputs: nothing replaces the target before commit; discard and the shutdown clean-up leave no
// temporary behind; an interrupt while writing deletes the temporary and keeps the target.
package dev.jetlog.datasets;

import dev.jetlog.parser.ast.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StagedFileTest {
    @TempDir
    Path dir;

    private long files() throws IOException {
        try (var list = Files.list(dir)) {
            return list.count();
        }
    }

    @Test
    void theTargetChangesOnlyOnCommit() throws IOException {
        Path target = Files.writeString(dir.resolve("r.csv"), "old\n");
        StagedFile staged = FactsWriter.stage(target, new int[] {1, 2}, 2, List.of(ColumnType.NUMBER), "\t", null);
        assertEquals("old\n", Files.readString(target));
        assertEquals(2, files(), "target and temporary");
        staged.commit();
        assertEquals("1\n2\n", Files.readString(target));
        assertEquals(1, files());
    }

    @Test
    void discardAndShutdownCleanUpLeaveNoTemporary() throws IOException {
        Path target = Files.writeString(dir.resolve("r.csv"), "old\n");
        FactsWriter.stage(target, new int[] {1}, 1, List.of(ColumnType.NUMBER), "\t", null).discard();
        FactsWriter.stage(target, new int[] {1}, 1, List.of(ColumnType.NUMBER), "\t", null);
        assertEquals(2, files());
        assertEquals(1, StagedFile.deleteAllPending(), "the shutdown hook's clean-up");
        assertEquals(1, files());
        assertEquals("old\n", Files.readString(target));
    }

    @Test
    void anInterruptWhileWritingKeepsTheTarget() throws IOException {
        Path target = Files.writeString(dir.resolve("r.csv"), "old\n");
        int[] rows = new int[100_000];
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class,
                    () -> FactsWriter.stage(target, rows, rows.length, List.of(ColumnType.NUMBER), "\t", null));
        } finally {
            Thread.interrupted();
        }
        assertEquals("old\n", Files.readString(target));
        assertEquals(1, files());
    }
}
