package org.insigne.web.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The default database, run as real processes: durable settings, data kept across restarts, and the start
 * after a JVM killed with its server still running. One data directory under target/ serves all tests, so the
 * binaries are unpacked once; each test starts from a new cluster.
 */
class EmbeddedPostgresServerIntegrationTests {

    private static final Duration GRACE = Duration.ofSeconds(5);
    private static Path home;

    private final List<Process> children = new ArrayList<>();

    @BeforeAll
    static void createHome() throws IOException {
        home = Files.createDirectories(Path.of("target", "embedded-database-tests")).toAbsolutePath();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Process child : children) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        // A test that killed its JVM leaves the server running: stop it through a new start, as the app would.
        if (Files.exists(home.resolve("postgres/postmaster.pid"))) {
            EmbeddedPostgresServer.start(home, 0, GRACE).close();
        }
        PostgresBinaries.deleteTree(home.resolve("postgres"));
    }

    @Test
    void runsDurablyWithBinariesAndDataUnderTheDataDirectory() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home, 0, GRACE)) {
            assertThat(show(server, "fsync")).isEqualTo("on");
            assertThat(show(server, "synchronous_commit")).isEqualTo("on");
            assertThat(show(server, "full_page_writes")).isEqualTo("on");
            assertThat(show(server, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(Path.of(show(server, "data_directory"))).isEqualTo(home.resolve("postgres"));
            assertThat(show(server, "unix_socket_directories")).isEqualTo(home.resolve("postgres").toString());
            assertThat(server.binaries()).startsWith(home.resolve("binaries"));
            ProcessHandle postmaster = postmaster().orElseThrow();
            assertThat(postmaster.info().command()).hasValueSatisfying(
                    command -> assertThat(Path.of(command)).startsWith(server.binaries()));
        }
        assertThat(postmaster()).isEmpty();
    }

    @Test
    void servesTheApplicationOnTheConfiguredPortAndStopsWithIt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedDatabaseConfiguration.class, Settings.class)
                .withPropertyValues("insigne.data-dir=" + home, "insigne.embedded-database.port=" + port,
                        "spring.datasource.hikari.maximum-pool-size=3",
                        "insigne.embedded-database.shared-buffers=32MB")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    // the pool takes Spring's usual settings, as a small box needs
                    assertThat(context.getBean(DataSource.class)).isInstanceOfSatisfying(HikariDataSource.class,
                            pool -> assertThat(pool.getMaximumPoolSize()).isEqualTo(3));
                    try (Connection c = context.getBean(DataSource.class).getConnection();
                         Statement st = c.createStatement(); ResultSet rs = st.executeQuery("show port")) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(port);
                    }
                    // and the server's memory can be made smaller
                    try (Connection c = context.getBean(DataSource.class).getConnection();
                         Statement st = c.createStatement(); ResultSet rs = st.executeQuery("show shared_buffers")) {
                        rs.next();
                        assertThat(rs.getString(1)).isEqualTo("32MB");
                    }
                    assertThat(postmaster()).isPresent();
                });
        assertThat(postmaster()).as("closing the application stops its server").isEmpty();
    }

    @EnableConfigurationProperties({InsigneProperties.class, EmbeddedDatabaseProperties.class})
    static class Settings {
    }

    @Test
    void keepsDataAcrossRestarts() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(home, 0, GRACE);
             Connection c = connect(first); Statement st = c.createStatement()) {
            st.execute("create table survivor(name text)");
            st.execute("insert into survivor values ('Camille')");
        }
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(home, 0, GRACE)) {
            assertThat(survivors(second)).containsExactly("Camille");
        }
    }

    @Test
    void startsOnDataMadeByTheFormerLibrary() throws Exception {
        // How earlier versions started the embedded database, on the same directory.
        try (EmbeddedPostgres former = EmbeddedPostgres.builder().setDataDirectory(home.resolve("postgres"))
                .setCleanDataDirectory(false).start();
             Connection c = former.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("create table survivor(name text)");
            st.execute("insert into survivor values ('Camille')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home, 0, GRACE)) {
            assertThat(survivors(server)).containsExactly("Camille");
            assertThat(show(server, "fsync")).isEqualTo("on");
        }
    }

    @Test
    void comesUpOnTheFirstTryAfterItsJvmWasKilled() throws Exception {
        Process child = startChild("Dominique");
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        ProcessHandle orphan = postmaster().orElseThrow();
        assertThat(orphan.isAlive()).as("the server outlived its JVM").isTrue();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home, 0, GRACE)) {
            assertThat(survivors(server)).containsExactly("Dominique");
            // It removes postmaster.pid (what pg_ctl waits for) just before it exits.
            assertThat(orphan.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("the orphan was stopped").isFalse();
            assertThat(postmaster()).hasValueSatisfying(p -> assertThat(p.pid()).isNotEqualTo(orphan.pid()));
        }
    }

    @Test
    void startsOverALockFileWhoseProcessNumberWasReused() throws Exception {
        EmbeddedPostgresServer.start(home, 0, GRACE).close();
        // After a reboot, the number in a postmaster.pid left by a power cut may be any live process's: here ours.
        Files.writeString(home.resolve("postgres/postmaster.pid"),
                ProcessHandle.current().pid() + "\n" + home.resolve("postgres") + "\n1700000000\n5432\n\n\n0 0\nready\n");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home, 0, GRACE)) {
            assertThat(show(server, "fsync")).isEqualTo("on");
        }
    }

    @Test
    void refusesTheDataDirectoryOfAnotherRunningInsigneInOneLine() throws Exception {
        Process child = startChild("Eden");
        ProcessHandle postmaster = postmaster().orElseThrow();

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(home, 0, GRACE))
                .isInstanceOf(EmbeddedDatabaseUnavailable.class)
                .hasMessage("The embedded PostgreSQL data in " + home.resolve("postgres")
                        + " is in use by another running Insigne (process " + child.pid()
                        + "): stop it, or give this one another insigne.data-dir");
        assertThat(postmaster.isAlive()).as("the other one's server was left alone").isTrue();

        // SIGTERM, as systemd stops a service: its server stops with it.
        child.destroy();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(postmaster.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    private Process startChild(String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresServerChild.class.getName(), home.toString(), name)
                .redirectErrorStream(true).start();
        children.add(child);
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
            seen.add(line);
        }
        assertThat(line).as("child output: %s", seen).isEqualTo("READY");
        // Keeps reading so that the child never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(Writer.nullWriter());
            } catch (IOException ignored) {
                // The child is gone.
            }
        });
        drain.setDaemon(true);
        drain.start();
        return child;
    }

    private static Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = home.resolve("postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
    }

    private static String show(EmbeddedPostgresServer server, String setting) throws SQLException {
        try (Connection c = connect(server); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> survivors(EmbeddedPostgresServer server) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = connect(server); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select name from survivor")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
