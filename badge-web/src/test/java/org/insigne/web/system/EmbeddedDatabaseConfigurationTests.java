package org.insigne.web.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The default database keeps what it was given when the application stops and starts again. */
class EmbeddedDatabaseConfigurationTests {

    @TempDir
    Path home;

    @Test
    void keepsDataAcrossRestarts() throws Exception {
        InsigneProperties properties = new InsigneProperties(null, home, "Insigne <no-reply@insigne.local>");
        EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

        try (EmbeddedPostgres first = configuration.embeddedPostgres(properties);
             Connection c = first.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("create table survivor(name text)");
            st.execute("insert into survivor values ('Camille')");
        }
        assertThat(Files.exists(home.resolve("postgres/PG_VERSION"))).isTrue();

        try (EmbeddedPostgres second = configuration.embeddedPostgres(properties);
             Connection c = second.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select name from survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Camille");
        }
    }
}
