package fr.dynamiques.sante.search;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * One rebuild of the scheme index at a time across every process of the directory: a PostgreSQL session lock, held on a
 * connection of its own for as long as the rebuild runs. PostgreSQL releases it with the connection if the process dies,
 * so a process that gets it knows that no rebuild is under way anywhere, and that a rollover still open was left by one
 * that died.
 */
final class RebuildLock implements AutoCloseable {

    private static final String KEY = "hashtext('scheme_index_rebuild')";

    private final Connection connection;

    private RebuildLock(Connection connection) {
        this.connection = connection;
    }

    /** The lock, or nothing when another rebuild holds it. */
    static Optional<RebuildLock> tryTake(DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement();
                    ResultSet taken = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
                taken.next();
                if (taken.getBoolean(1)) {
                    return Optional.of(new RebuildLock(connection));
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("The rebuild lock could not be asked for", e);
        }
    }

    @Override
    public void close() {
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            // Closing the connection releases the lock anyway.
        }
    }
}
