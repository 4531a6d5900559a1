package org.insigne.web.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

/**
 * Runs an embedded server in a JVM of its own, as the application does, for tests that kill that JVM: writes a
 * row, prints {@code READY}, then waits to be killed. Closing on exit stands for what Spring does.
 */
final class EmbeddedPostgresServerChild {

    private EmbeddedPostgresServerChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0, Duration.ofSeconds(30));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
             Statement st = c.createStatement()) {
            st.execute("create table if not exists survivor(name text)");
            st.execute("insert into survivor values ('" + args[1] + "')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
