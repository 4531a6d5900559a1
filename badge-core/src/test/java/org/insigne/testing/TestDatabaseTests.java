package org.insigne.testing;

import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabaseTests {

    @Test
    void givesEachSuiteAnEmptyPostgresDatabase() throws Exception {
        TestDatabase.Coordinates db = TestDatabase.forSuite("harness");
        try (var c = DriverManager.getConnection(db.url(), db.username(), db.password());
             var st = c.createStatement()) {
            st.execute("create table probe(id int)");
            try (ResultSet rs = st.executeQuery("select current_database(), version()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("insigne_test_harness");
                assertThat(rs.getString(2)).startsWith("PostgreSQL");
            }
        }
    }
}
