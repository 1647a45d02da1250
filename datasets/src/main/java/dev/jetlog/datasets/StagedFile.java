// A file written to a temporary beside its target and not yet renamed over it. Outputs are staged first
// and committed only when all of them are written, so a failure replaces nothing. Every temporary is
// registered until committed or discarded, and a shutdown hook deletes those left (an interrupt, a
// signal), so no hidden .tmp file outlives the process.
package dev.jetlog.datasets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

public final class StagedFile implements StagedOutput {
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static final int MAX_LINKS = 40;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(StagedFile::deleteAllPending, "jetlog-staged-files"));
    }

    private final Path temporary;
    private final Path target;

    private StagedFile(Path temporary, Path target) {
        this.temporary = temporary;
        this.target = target;
    }

    static StagedFile created(Path temporary, Path target) {
        PENDING.add(temporary);
        return new StagedFile(temporary, target);
    }

    /**
     * Creates an empty temporary file, with a hidden name no other writer holds, beside the file that
     * {@code file} names (beside the file a symbolic link points to, so the link stays and the data goes
     * through it, as Soufflé does), creating missing parent directories.
     */
    public static StagedFile beside(Path file) throws IOException {
        Path target = throughLinks(file.toAbsolutePath());
        if (Files.isDirectory(target)) {
            throw new IOException(file + " is a directory");
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        while (true) {
            Path temporary = dir.resolve("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.createFile(temporary);
                return created(temporary, target);
            } catch (FileAlreadyExistsException e) {
                // another writer picked the same name; try again
            }
        }
    }

    /** Writes a file's bytes to a stream (which it need not close). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Stages {@code file} ({@link #beside}) with the content written to its temporary and forced to disk; a
     * failure deletes the temporary and is rethrown.
     */
    public static StagedFile write(Path file, Content content) throws IOException {
        StagedFile staged = beside(file);
        boolean done = false;
        try (FileChannel channel = FileChannel.open(staged.temporary(), StandardOpenOption.WRITE)) {
            content.writeTo(Channels.newOutputStream(channel));
            channel.force(true);
            done = true;
        } finally {
            if (!done) {
                staged.discard();
            }
        }
        return staged;
    }

    /** The temporary file that holds the output until commit. */
    public Path temporary() {
        return temporary;
    }

    /** The file that commit replaces (symbolic links followed). */
    @Override
    public Path target() {
        return target;
    }

    /** Renames the temporary over the target (atomically where the file system can). */
    @Override
    public void commit() throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        PENDING.remove(temporary);
    }

    /** Deletes the temporary; the target stays as it was. */
    @Override
    public void discard() {
        delete(temporary);
    }

    static void delete(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // nothing more to do for a temporary that cannot be deleted
        }
        PENDING.remove(temporary);
    }

    /** Deletes every temporary not yet committed or discarded; returns how many there were. */
    public static int deleteAllPending() {
        int count = 0;
        for (Path temporary : PENDING.toArray(Path[]::new)) {
            delete(temporary);
            count++;
        }
        return count;
    }

    /** The file a path names once symbolic links are followed (the path itself if it is no link). */
    static Path throughLinks(Path path) throws IOException {
        Path current = path;
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(current); i++) {
            Path link = Files.readSymbolicLink(current);
            current = current.resolveSibling(link).normalize();
        }
        if (Files.isSymbolicLink(current)) {
            throw new IOException(path + ": too many levels of symbolic links");
        }
        return current;
    }
}
