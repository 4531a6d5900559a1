package org.insigne.web.backup;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backup settings.
 *
 * @param schedule    when to make a backup, as a Spring cron expression ({@code -} turns scheduled backups off)
 * @param keep        how many backups to keep in {@code directory}; older ones are deleted after a new one
 * @param directory   where backups go; {@code ${insigne.data-dir}/backups} when empty
 * @param restoreFrom a backup to restore into the (empty) database at start, before the migrations newer
 *                    than the backup run
 */
@ConfigurationProperties("insigne.backup")
public record BackupProperties(
        @DefaultValue("0 30 3 * * *") String schedule,
        @DefaultValue("7") int keep,
        @Nullable Path directory,
        @Nullable Path restoreFrom) {
}
