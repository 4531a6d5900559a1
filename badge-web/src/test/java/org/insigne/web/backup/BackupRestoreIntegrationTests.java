package org.insigne.web.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.key.KeyVault;
import org.insigne.issuer.key.SigningKeyService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.testing.TestDatabase;
import org.insigne.web.InsigneApplication;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.system.InsigneProperties;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A backup of a database holding real badges restores into an empty database, through the application's own
 * start with {@code insigne.backup.restore-from}: the same rows, the same signed documents served, and signing
 * keys that still open; and a backup that would restore wrongly is refused before anything is written.
 */
@InsigneIntegrationTest
class BackupRestoreIntegrationTests {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired DatabaseBackup backup;
    @Autowired DataSource dataSource;
    @Autowired KeyVault vault;
    @Autowired InsigneProperties insigne;
    @Autowired Flyway flyway;
    @Autowired FlywayMigrationStrategy migrationStrategy;
    @Value("${insigne.keys.master-key}") String masterKey;
    @LocalServerPort int port;

    @Test
    void restoresABackupIntoAnEmptyDatabaseWithTheSameRowsDocumentsAndKeys() throws Exception {
        Badge badge = awardedBadge();
        Path archive = backup.backupNow();
        assertThat(archive.getFileName().toString()).startsWith("insigne-").endsWith(".zip");
        String credential = get(port, "/ob3/credentials/" + badge.award().id().value());
        Map<String, Long> counts = counts(jdbc);
        assertThat(counts.get("award")).isPositive();

        TestDatabase.Coordinates empty = TestDatabase.forSuite("web_restored");
        try (ConfigurableApplicationContext restored = start(empty, archive)) {
            JdbcTemplate restoredJdbc = new JdbcTemplate(restored.getBean(DataSource.class));
            assertThat(counts(restoredJdbc)).isEqualTo(counts);
            int restoredPort = Integer.parseInt(restored.getEnvironment().getProperty("local.server.port", "0"));
            assertThat(get(restoredPort, "/ob3/credentials/" + badge.award().id().value())).isEqualTo(credential);
            // The restored private keys open under the master key: the organisation can sign again.
            assertThat(restored.getBean(SigningKeyService.class).signingKeys(badge.organisation())).isNotNull();
            assertThat(restoredJdbc.queryForObject("select count(*) from flyway_schema_history where success",
                    Integer.class)).isEqualTo(jdbc.queryForObject(
                    "select count(*) from flyway_schema_history where success", Integer.class));
        }
    }

    @Test
    void refusesABackupWhoseRowsWereChangedOrThatNeedsAnotherMasterKeyBeforeWritingAnything() throws Exception {
        awardedBadge();
        Path archive = backup.backupNow();
        Map<String, Long> before = counts(jdbc);

        Path tampered = rewrite(archive, "tables/award.copy", bytes -> {
            byte[] changed = bytes.clone();
            changed[changed.length / 2] ^= 1;
            return changed;
        });
        try (ZipFile zip = new ZipFile(tampered.toFile())) {
            assertThatThrownBy(() -> backup.load(zip, DatabaseBackup.manifest(zip)))
                    .isInstanceOf(RestoreRefused.class).hasMessage(
                            "Restore refused: the rows of table award do not match their checksum");
        }
        Path otherKey = rewrite(archive, BackupManifest.ENTRY, bytes -> new String(bytes)
                .replace(vault.fingerprint(), "0".repeat(64)).getBytes());
        try (ZipFile zip = new ZipFile(otherKey.toFile())) {
            assertThatThrownBy(() -> backup.load(zip, DatabaseBackup.manifest(zip)))
                    .isInstanceOf(RestoreRefused.class).hasMessageContaining("made under another master key");
        }
        assertThat(counts(jdbc)).isEqualTo(before);
    }

    @Test
    void refusesToRestoreIntoADatabaseThatHoldsTables() throws Exception {
        Path archive = backup.backupNow();
        Map<String, Long> before = counts(jdbc);
        BackupProperties restoring = new BackupProperties("-", 7, null, archive);
        FlywayMigrationStrategy strategy = new RestoreOnStart().restoringMigrationStrategy(restoring, backup);

        assertThatThrownBy(() -> strategy.migrate(flyway)).isInstanceOf(RestoreRefused.class)
                .hasMessageStartingWith("Restore refused: the database already holds tables");
        assertThat(counts(jdbc)).isEqualTo(before);
    }

    @Test
    void keepsTheNewestBackupsOnlyAndNeverLeavesAPartialOne() throws Exception {
        Path directory = Files.createTempDirectory("insigne-backups");
        Files.writeString(directory.resolve("insigne-20000101-000000.zip.part"), "crashed");
        DatabaseBackup keepingTwo = new DatabaseBackup(dataSource, vault, insigne,
                new BackupProperties("-", 2, directory, null), Clock.systemUTC(), masterKey);
        Path first = keepingTwo.backupNow();
        Thread.sleep(1100);
        Path second = keepingTwo.backupNow();
        Thread.sleep(1100);
        Path third = keepingTwo.backupNow();

        assertThat(keepingTwo.backups()).containsExactly(third, second);
        assertThat(first).doesNotExist();
        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void placesTheBackupsDevelopmentKeyButNeverReplacesAnotherOne() throws Exception {
        Path directory = Files.createTempDirectory("insigne-key");
        Path file = directory.resolve("master.key");
        MasterKeyRestore.place(file, "clé A".getBytes());
        assertThat(Files.readString(file)).isEqualTo("clé A");
        MasterKeyRestore.place(file, "clé A".getBytes());

        assertThatThrownBy(() -> MasterKeyRestore.place(file, "clé B".getBytes()))
                .isInstanceOf(RestoreRefused.class).hasMessageContaining("holds another master key");
        assertThat(Files.readString(file)).isEqualTo("clé A");
    }

    private record Badge(OrganisationId organisation, AwardView award) {
    }

    private Badge awardedBadge() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "owner." + suffix + "@example.org";
        mvc.perform(post("/signup").with(csrf()).param("email", email).param("displayName", "Dominique")
                .param("password", "une phrase de passe solide"));
        jdbc.update("update user_account set email_confirmed_at = now() where email = ?", email);
        AccountUser owner = accounts.loadUserByUsername(email).withoutPassword();
        OrganisationId organisation = organisations.create(owner.id(), "Ligue " + suffix).id();
        BadgeClassId badgeClass = badgeClasses.create(organisation, owner.id(), new BadgeClassContent(
                "Animer une réunion", "Savoir animer une réunion.", "Avoir animé **trois** réunions.", List.of(),
                List.of("animation"), BadgeClassContent.DEFAULT_LEVELS, null, false), ImageUploads.accept(PNG)).id();
        badgeClasses.publish(organisation, badgeClass, owner.id());
        String recipient = "camille." + suffix + "@example.org";
        mvc.perform(post("/console/organisations/{org}/badge-classes/{id}/awards", organisation.value(),
                        badgeClass.value())
                        .with(request -> {
                            request.setServerName("127.0.0.1");
                            request.setServerPort(port);
                            return request;
                        })
                        .with(user(owner)).with(csrf()).param("formToken", UUID.randomUUID().toString())
                        .param("recipientEmail", recipient).param("recipientName", "Camille Martin")
                        .param("level", "Je fais"))
                .andExpect(status().isFound());
        AwardView award = awards.awards(organisation, badgeClass, owner.id()).stream()
                .filter(a -> a.recipientEmail().equals(recipient)).findFirst().orElseThrow();
        return new Badge(organisation, award);
    }

    /** The whole application, started on an empty database as an operator restoring a backup would. */
    private ConfigurableApplicationContext start(TestDatabase.Coordinates database, Path archive) throws IOException {
        // As command-line arguments: they come before application.properties, as an operator's would.
        return new SpringApplicationBuilder(InsigneApplication.class).run(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--server.port=0",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + MailServer.port(),
                "--insigne.data-dir=" + Files.createTempDirectory("insigne-restored"),
                "--insigne.keys.master-key=" + masterKey,
                "--insigne.backpack.recheck-interval=-",
                "--insigne.backup.schedule=-",
                "--insigne.backup.restore-from=" + archive);
    }

    private static Map<String, Long> counts(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.tables where table_schema = current_schema()
                  and table_type = 'BASE TABLE'
                  and table_name not in ('flyway_schema_history', 'work_lease', 'rate_limit')
                  and table_name not like 'spring\\_session%' order by table_name""", String.class);
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : tables) {
            counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
        }
        return counts;
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept", "application/ld+json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    /** A copy of {@code archive} with one entry's bytes changed by {@code change}. */
    private static Path rewrite(Path archive, String name, java.util.function.UnaryOperator<byte[]> change)
            throws IOException {
        Path copy = Files.createTempFile("insigne-backup-", ".zip");
        try (ZipFile zip = new ZipFile(archive.toFile());
             OutputStream out = Files.newOutputStream(copy);
             ZipOutputStream target = new ZipOutputStream(out)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                target.putNextEntry(new ZipEntry(entry.getName()));
                target.write(entry.getName().equals(name) ? change.apply(bytes) : bytes);
                target.closeEntry();
            }
        }
        return copy;
    }
}
