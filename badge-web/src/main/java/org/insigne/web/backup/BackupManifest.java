package org.insigne.web.backup;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a backup holds, written first in the archive as {@value #ENTRY}: the schema version it was made at
 * (the restore migrates an empty database to that version before loading the rows), and each table's
 * columns, row count and the SHA-256 of its rows, checked before anything is loaded.
 *
 * @param masterKeyFingerprint SHA-256 (hex) of the master key the signing keys are encrypted under: a
 *                             restore under another key is refused, since no badge could be signed after it
 */
record BackupManifest(int format, Instant createdAt, String schemaVersion, String masterKeyFingerprint,
                      boolean holdsMasterKey, List<Table> tables) {

    static final String ENTRY = "insigne-backup.json";
    static final String MASTER_KEY_ENTRY = "master.key";
    static final int FORMAT = 1;

    /** One table: its rows are the archive entry {@code tables/<name>.copy}, in PostgreSQL's COPY text format. */
    record Table(String name, List<String> columns, long rows, String sha256) {

        String entry() {
            return "tables/" + name + ".copy";
        }
    }

    @Nullable Table table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }
}
