// An output written but not yet made visible: a file beside its target, or an open database transaction.
// Outputs are staged first and committed only when all of them are written, so a failure replaces nothing.
package dev.jetlog.datasets;

import java.io.IOException;
import java.nio.file.Path;

public interface StagedOutput {
    /** The file that commit replaces or changes (symbolic links followed). */
    Path target();

    /** Makes the output visible: renames a file over its target, or commits a transaction. */
    void commit() throws IOException;

    /** Drops the output; the target stays as it was. */
    void discard();
}
