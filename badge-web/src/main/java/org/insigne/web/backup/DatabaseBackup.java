package org.insigne.web.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.insigne.issuer.key.KeyVault;
import org.insigne.web.system.InsigneProperties;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes and restores backups: a zip holding {@link BackupManifest}, every table of the schema in PostgreSQL's
 * COPY text format, read in one repeatable-read transaction (one consistent moment, without stopping
 * anyone), and the development master key when there is one in {@code insigne.data-dir}. Plain JDBC, so it
 * works with the embedded server (whose binaries have no {@code pg_dump}) and with any external PostgreSQL
 * the application can use, whatever its major version. See docs/decisions/0025-backups.md.
 */
@Component
public class DatabaseBackup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    static final String PREFIX = "insigne-";
    static final String SUFFIX = ".zip";

    private final DataSource dataSource;
    private final KeyVault keys;
    private final InsigneProperties insigne;
    private final BackupProperties settings;
    private final Clock clock;
    private final String configuredMasterKey;

    DatabaseBackup(DataSource dataSource, KeyVault keys, InsigneProperties insigne, BackupProperties settings,
                   Clock clock, @Value("${insigne.keys.master-key:}") String configuredMasterKey) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.insigne = insigne;
        this.settings = settings;
        this.clock = clock;
        this.configuredMasterKey = configuredMasterKey;
    }

    /** Where backups go. */
    public Path directory() {
        Path configured = settings.directory();
        return configured != null && !configured.toString().isEmpty() ? configured : insigne.dataDir().resolve("backups");
    }

    /**
     * Writes a new backup into {@link #directory()} (under a temporary name, synced, then renamed, so that a
     * crash never leaves a half-written backup under a backup's name), then deletes all but the newest
     * {@code insigne.backup.keep}.
     */
    public Path backupNow() {
        Path directory = directory();
        Instant now = clock.instant();
        Path target = directory.resolve(PREFIX + NAME.format(now) + SUFFIX);
        Path partial = directory.resolve(target.getFileName() + ".part");
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(partial)) {
                write(out, now);
            }
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            prune(directory);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("Could not write the backup " + target, e);
        }
        log.info("Backup written: {} ({} bytes)", target, size(target));
        return target;
    }

    /** The backups in {@link #directory()}, newest first. */
    public List<Path> backups() {
        Path directory = directory();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return newestFirst(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one backup of the database as it is now to {@code out}. */
    void write(OutputStream out, Instant now) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (Statement st = connection.createStatement()) {
                    st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                }
                writeSnapshot(connection, out, now);
                connection.commit();
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IOException("Could not read the database for a backup: " + e.getMessage(), e);
        }
    }

    private void writeSnapshot(Connection connection, OutputStream out, Instant now) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        String version = schemaVersion(connection);
        List<BackupManifest.Table> tables = new ArrayList<>();
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, List<String>> table : tables(connection).entrySet()) {
            String name = table.getKey();
            BackupManifest.Table placeholder = new BackupManifest.Table(name, table.getValue(), 0, "");
            zip.putNextEntry(new ZipEntry(placeholder.entry()));
            MessageDigest sha = sha256();
            long rows = copy.copyOut("COPY " + quoted(name) + " (" + columnList(table.getValue()) + ") TO STDOUT",
                    new DigestOutputStream(new Unclosed(zip), sha));
            zip.closeEntry();
            tables.add(new BackupManifest.Table(name, table.getValue(), rows, HexFormat.of().formatHex(sha.digest())));
        }
        byte @Nullable [] masterKey = developmentMasterKey();
        if (masterKey != null) {
            zip.putNextEntry(new ZipEntry(BackupManifest.MASTER_KEY_ENTRY));
            zip.write(masterKey);
            zip.closeEntry();
        }
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, now, version, keys.fingerprint(),
                masterKey != null, tables);
        zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.finish();
    }

    /** Reads and checks a backup's manifest. */
    static BackupManifest manifest(ZipFile zip) {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) {
            throw new RestoreRefused("it is not an Insigne backup (no " + BackupManifest.ENTRY + ")");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            BackupManifest manifest = JSON.readValue(in, BackupManifest.class);
            if (manifest.format() != BackupManifest.FORMAT) {
                throw new RestoreRefused("its format " + manifest.format() + " is not " + BackupManifest.FORMAT);
            }
            return manifest;
        } catch (RestoreRefused refused) {
            throw refused;
        } catch (IOException | RuntimeException e) {
            throw new RestoreRefused("its manifest cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Loads the rows of {@code zip} into the tables of an empty database already migrated to the backup's
     * schema version, in one transaction: every table file is checked against its SHA-256 first, tables are
     * loaded parents first, and each table's row count is checked after. Nothing is kept when anything fails.
     */
    void load(ZipFile zip, BackupManifest manifest) {
        if (!manifest.masterKeyFingerprint().equals(keys.fingerprint())) {
            throw new RestoreRefused("it was made under another master key: set that key (or put the backup's "
                    + "master.key in insigne.data-dir) before restoring, or no badge could be signed");
        }
        for (BackupManifest.Table table : manifest.tables()) {
            String actual = digest(zip, table);
            if (!actual.equals(table.sha256())) {
                throw new RestoreRefused("the rows of table " + table.name() + " do not match their checksum");
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                Map<String, List<String>> present = tables(connection);
                for (String name : parentsFirst(connection, manifest)) {
                    BackupManifest.Table table = manifest.table(name);
                    if (table == null || !present.containsKey(name)) {
                        throw new RestoreRefused("table " + name + " is missing from the backup or the database");
                    }
                    long rows;
                    try (InputStream in = zip.getInputStream(zip.getEntry(table.entry()))) {
                        rows = copy.copyIn("COPY " + quoted(name) + " (" + columnList(table.columns()) + ") FROM STDIN", in);
                    }
                    if (rows != table.rows()) {
                        throw new RestoreRefused("table " + name + " took " + rows + " rows, not " + table.rows());
                    }
                }
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e instanceof RestoreRefused refused ? refused
                        : new RestoreRefused("loading the rows failed: " + e.getMessage());
            }
        } catch (SQLException e) {
            throw new RestoreRefused("the database cannot be reached: " + e.getMessage());
        }
    }

    /** True when the schema holds no table at all, which is what a restore starts from. */
    boolean databaseEmpty() {
        try (Connection connection = dataSource.getConnection()) {
            return tables(connection).isEmpty();
        } catch (SQLException e) {
            throw new RestoreRefused("the database cannot be reached: " + e.getMessage());
        }
    }

    /**
     * The tables of the current schema and their columns, except Flyway's history and what only describes the
     * running nodes (web sessions, work leases, rate-limit counters): restored, a dead node's lease would hold
     * its work back until it expired.
     */
    private static Map<String, List<String>> tables(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT c.table_name, c.column_name FROM information_schema.columns c
                     JOIN information_schema.tables t
                       ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                       AND c.table_name NOT IN ('flyway_schema_history', 'work_lease', 'rate_limit')
                       AND c.table_name NOT LIKE 'spring\\_session%'
                     ORDER BY c.table_name, c.ordinal_position""")) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return tables;
    }

    /** The newest applied migration's version. */
    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                     + "ORDER BY installed_rank DESC LIMIT 1")) {
            if (!rs.next()) {
                throw new SQLException("no migration has been applied");
            }
            return rs.getString(1);
        }
    }

    /** The backup's tables ordered so that every table comes after the tables its foreign keys point to. */
    private static List<String> parentsFirst(Connection connection, BackupManifest manifest) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        manifest.tables().forEach(t -> parents.put(t.name(), new LinkedHashSet<>()));
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT child.relname, parent.relname FROM pg_constraint k
                     JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
                     WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace""")) {
            while (rs.next()) {
                if (parents.containsKey(rs.getString(1)) && !rs.getString(1).equals(rs.getString(2))) {
                    parents.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < parents.size()) {
            int before = ordered.size();
            for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
                if (!ordered.contains(table.getKey()) && ordered.containsAll(table.getValue().stream()
                        .filter(parents::containsKey).toList())) {
                    ordered.add(table.getKey());
                }
            }
            if (ordered.size() == before) {
                throw new RestoreRefused("the tables' foreign keys form a cycle");
            }
        }
        return ordered;
    }

    /** The master key file the application generated for itself, when no key is configured. */
    private byte @Nullable [] developmentMasterKey() throws IOException {
        Path file = insigne.dataDir().resolve(BackupManifest.MASTER_KEY_ENTRY);
        return configuredMasterKey.isBlank() && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    /** The backups among {@code files}, newest first (their names hold the time they were taken). */
    private static List<Path> newestFirst(Stream<Path> files) {
        return files.filter(DatabaseBackup::isBackup)
                .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
    }

    private void prune(Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.toList();
        } catch (IOException e) {
            log.warn("Could not list {}: {}", directory, e.getMessage());
            return;
        }
        List<Path> kept = newestFirst(files.stream());
        for (Path old : kept.subList(Math.min(Math.max(settings.keep(), 1), kept.size()), kept.size())) {
            deleteQuietly(old);
            log.info("Old backup deleted: {}", old);
        }
        // A .part left by a crash during a backup is never a backup: clear it once a new one is safely written.
        files.stream().filter(p -> p.getFileName().toString().endsWith(SUFFIX + ".part"))
                .forEach(DatabaseBackup::deleteQuietly);
    }

    private static String digest(ZipFile zip, BackupManifest.Table table) {
        ZipEntry entry = zip.getEntry(table.entry());
        if (entry == null) {
            throw new RestoreRefused("the rows of table " + table.name() + " are missing");
        }
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new RestoreRefused("the rows of table " + table.name() + " cannot be read");
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static boolean isBackup(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    private static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(DatabaseBackup::quoted).toList());
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    /** Lets the COPY stream write into the current zip entry without closing the archive. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
