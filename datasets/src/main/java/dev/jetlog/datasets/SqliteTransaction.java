// The outputs written into an existing SQLite database, held in an open transaction until every output
// of the run is written: commit makes them visible, discard rolls them back.
package dev.jetlog.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

final class SqliteTransaction implements StagedOutput {
    private final Connection connection;
    private final Path target;

    SqliteTransaction(Connection connection, Path target) {
        this.connection = connection;
        this.target = target;
    }

    @Override
    public Path target() {
        return target;
    }

    @Override
    public void commit() throws IOException {
        try {
            connection.commit();
            connection.close();
        } catch (SQLException e) {
            rollBackAndClose(connection);
            throw new IOException(SqliteErrors.reason(e), e);
        }
    }

    @Override
    public void discard() {
        rollBackAndClose(connection);
    }

    static void rollBackAndClose(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // closing below drops the transaction anyway
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }
}
