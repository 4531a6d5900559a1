package org.insigne.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server tests run against, resolved once per JVM in this order: the server the environment
 * names ({@code INSIGNE_TEST_DB_URL}, else {@code SPRING_DATASOURCE_URL}), a Testcontainers PostgreSQL when a
 * Docker engine answers, else an embedded PostgreSQL. Each test suite gets a database of its own, created
 * empty, so that modules with different sets of migrations never share a Flyway history; test JVMs running
 * side by side ({@code insigne.test.fork}) each get their own.
 */
public final class TestDatabase {

    /** Where to connect, as Spring's {@code spring.datasource.*} properties want it. */
    public record Coordinates(String url, String username, String password) {

        public Map<String, String> asSpringProperties() {
            return Map.of("spring.datasource.url", url, "spring.datasource.username", username,
                    "spring.datasource.password", password);
        }
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private static Server server;
    private static final Map<String, Coordinates> databases = new HashMap<>();

    private TestDatabase() {
    }

    /** An empty database named after {@code suite}, created on first use in this JVM. */
    public static synchronized Coordinates forSuite(String suite) {
        if (!NAME.matcher(suite).matches()) {
            throw new IllegalArgumentException("suite must match " + NAME + ": " + suite);
        }
        return databases.computeIfAbsent(suite, TestDatabase::create);
    }

    /** Which kind of server the tests run against, for the test log. */
    public static synchronized String describe() {
        return server().kind;
    }

    private static Coordinates create(String suite) {
        Server s = server();
        // test JVMs of one module that run side by side (surefire's forkCount) each get their own databases
        String fork = System.getProperty("insigne.test.fork", "");
        String database = "insigne_test_" + suite + (fork.matches("[0-9]{1,3}") ? "_" + fork : "");
        try (Connection c = DriverManager.getConnection(s.adminUrl, s.username, s.password);
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + database + " on " + s.kind, e);
        }
        return new Coordinates(s.urlFor(database), s.username, s.password);
    }

    private static Server server() {
        if (server == null) {
            server = fromEnvironment().or(TestDatabase::fromDocker).orElseGet(TestDatabase::embedded);
            System.out.println("[insigne] tests use PostgreSQL from: " + server.kind);
        }
        return server;
    }

    private static Optional<Server> fromEnvironment() {
        String url = env("INSIGNE_TEST_DB_URL", "SPRING_DATASOURCE_URL");
        if (url == null) {
            return Optional.empty();
        }
        String user = Optional.ofNullable(env("INSIGNE_TEST_DB_USER", "SPRING_DATASOURCE_USERNAME")).orElse("postgres");
        String password = Optional.ofNullable(env("INSIGNE_TEST_DB_PASSWORD", "SPRING_DATASOURCE_PASSWORD")).orElse("");
        return Optional.of(new Server("environment (" + url + ")", url, user, password));
    }

    private static Optional<Server> fromDocker() {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return Optional.of(new Server("Testcontainers", container.getJdbcUrl(), container.getUsername(),
                container.getPassword()));
    }

    private static Server embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (java.io.IOException ignored) {
                    // the JVM is going away; the temporary data directory goes with it
                }
            }));
            return new Server("embedded PostgreSQL", pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot start embedded PostgreSQL", e);
        }
    }

    private static String env(String... names) {
        for (String name : names) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private record Server(String kind, String adminUrl, String username, String password) {

        String urlFor(String database) {
            // jdbc:postgresql://host:port/dbname?params -> same server, other database
            int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
            int query = adminUrl.indexOf('?', Math.max(slash, 0));
            String base = slash < 0 ? adminUrl : adminUrl.substring(0, slash);
            String params = query < 0 ? "" : adminUrl.substring(query);
            return base + "/" + database + params;
        }
    }
}
