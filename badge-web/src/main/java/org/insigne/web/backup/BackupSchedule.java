package org.insigne.web.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes the scheduled backup ({@code insigne.backup.schedule}, daily at 03:30 by default). With several nodes
 * on one database, the node that takes a PostgreSQL advisory lock makes it and the others skip their turn.
 */
@Component
class BackupSchedule {

    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

    /** Advisory lock id of the scheduled backup: any number no other feature uses. */
    static final long LOCK = 0x1A51_6E_0001L;

    private final DatabaseBackup backup;
    private final DataSource dataSource;

    BackupSchedule(DatabaseBackup backup, DataSource dataSource) {
        this.backup = backup;
        this.dataSource = dataSource;
    }

    @Scheduled(cron = "${insigne.backup.schedule:0 30 3 * * *}")
    void run() {
        try (Connection connection = dataSource.getConnection()) {
            if (!advisory(connection, "pg_try_advisory_lock")) {
                log.info("Scheduled backup skipped: another node is making it");
                return;
            }
            try {
                backup.backupNow();
            } finally {
                advisory(connection, "pg_advisory_unlock");
            }
        } catch (SQLException | RuntimeException e) {
            // The next turn tries again; the operator sees why this one failed.
            log.error("Scheduled backup failed: {}", e.getMessage());
        }
    }

    private static boolean advisory(Connection connection, String function) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT " + function + "(?)")) {
            st.setLong(1, LOCK);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
