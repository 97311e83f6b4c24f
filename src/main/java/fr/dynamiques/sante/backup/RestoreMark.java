package fr.dynamiques.sante.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The row a restore leaves ({@code embedded.Restore}, table {@code restore_mark}): the search indexes may hold what the
 * restored database no longer has, whatever their counts say, so the start rebuilds them and then clears it.
 */
@ApplicationScoped
public class RestoreMark {

    private final DataSource dataSource;

    RestoreMark(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean pending() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select exists (select 1 from restore_mark)")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read restore_mark", e);
        }
    }

    public void clear() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from restore_mark");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clear restore_mark", e);
        }
    }
}
