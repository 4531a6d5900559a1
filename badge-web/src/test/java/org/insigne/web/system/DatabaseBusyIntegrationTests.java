package org.insigne.web.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * When every database connection is taken (a burst of readers, PostgreSQL restarting), pages and the API say
 * "busy, try again" with a 503 and {@code Retry-After}, never a server error. The pool is drained for real: the
 * test holds every connection of the application's own pool.
 */
@InsigneIntegrationTest
@TestPropertySource(properties = "spring.datasource.hikari.connection-timeout=250")
class DatabaseBusyIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @Test
    void answersServiceUnavailableWhenNoConnectionIsFree() throws Exception {
        String page = "/ob2/assertions/" + UUID.randomUUID();
        List<Connection> held = drainPool();
        try {
            // the anonymous page, answered by its filter before Spring MVC
            mvc.perform(get(page).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "10"));
            // the same page through a controller (a query string skips the filter)
            mvc.perform(get(page + "?lang=en").accept(MediaType.TEXT_HTML))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "10"))
                    .andExpect(content().string(containsString("Service temporarily unavailable")))
                    .andExpect(content().string(not(containsString("Exception"))));
            // the API, whose token check needs the database
            mvc.perform(get("/api/v1/badge-classes").header("Authorization", "Bearer insigne_pas-un-jeton")
                            .header("Accept-Language", "fr"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "10"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(content().string(containsString("api.problem.unavailable")));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
    }

    private List<Connection> drainPool() throws SQLException {
        HikariDataSource pool = (HikariDataSource) dataSource;
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
            held.add(pool.getConnection());
        }
        return held;
    }
}
