package fr.dynamiques.sante.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Backups of the embedded PostgreSQL. {@code enabled}, {@code dir} and {@code archive-timeout-seconds} are read before
 * Quarkus boots, when the server starts archiving ({@code embedded.EmbeddedSettings}); the embedded services then hand
 * {@code dir} and {@code database-dir} to the application, which takes the base backups. Against an external PostgreSQL
 * neither is set and the directory takes no backup: the database's operator does (README, "Backups").
 */
@ConfigMapping(prefix = "directory.backup")
public interface BackupConfig {

    @WithDefault("true")
    boolean enabled();

    /** The archive: WAL segments and base backups. */
    Optional<Path> dir();

    /** The embedded PostgreSQL's data directory, copied by a base backup. */
    Optional<Path> databaseDir();

    /** How often a base backup is taken. */
    @WithDefault("24h")
    Duration every();

    /** How long base backups, and the WAL they need, are kept; the newest one always is. */
    @WithDefault("14d")
    Duration keep();

    /** The longest a change waits in an unfinished WAL segment before it is archived. */
    @WithDefault("300")
    int archiveTimeoutSeconds();
}
