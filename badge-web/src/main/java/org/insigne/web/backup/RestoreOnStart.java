package org.insigne.web.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates the database at start, as Spring Boot would, except when {@code insigne.backup.restore-from} names
 * a backup: then the database must be empty; it is migrated to the backup's schema version, the backup's rows
 * are loaded, and the migrations added since the backup run last. A refusal stops the start with one line
 * saying why (see {@link RestoreRefused}).
 */
@Configuration(proxyBeanMethods = false)
class RestoreOnStart {

    private static final Logger log = LoggerFactory.getLogger(RestoreOnStart.class);

    @Bean
    FlywayMigrationStrategy restoringMigrationStrategy(BackupProperties settings, DatabaseBackup backup) {
        return flyway -> {
            Path source = settings.restoreFrom();
            if (source != null && !source.toString().isEmpty()) {
                restore(flyway, source, backup);
            }
            flyway.migrate();
        };
    }

    private static void restore(Flyway flyway, Path source, DatabaseBackup backup) {
        try (ZipFile zip = new ZipFile(source.toFile())) {
            BackupManifest manifest = DatabaseBackup.manifest(zip);
            if (!backup.databaseEmpty()) {
                throw new RestoreRefused("the database already holds tables; restore into an empty database, "
                        + "and remove insigne.backup.restore-from once restored");
            }
            Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                    .target(MigrationVersion.fromVersion(manifest.schemaVersion())).load().migrate();
            backup.load(zip, manifest);
            log.info("Restored {} tables ({} rows) from {}, a backup of {}", manifest.tables().size(),
                    manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum(), source, manifest.createdAt());
        } catch (IOException e) {
            throw new RestoreRefused(source + " cannot be read as a backup (" + e.getMessage() + ")");
        }
    }
}
