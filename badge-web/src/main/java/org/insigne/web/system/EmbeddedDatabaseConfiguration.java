package org.insigne.web.system;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The database Insigne starts on when none is configured: a real PostgreSQL, run from the binaries on the
 * classpath, whose data directory survives restarts and crashes (see {@link EmbeddedPostgresServer}). Setting
 * {@code spring.datasource.url} (for instance through {@code SPRING_DATASOURCE_URL}) switches it off and Spring
 * Boot connects there instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

    /** Beyond Spring's graceful shutdown phases (30 s each by default), so work in flight ends before the database. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(90);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(InsigneProperties insigne, EmbeddedDatabaseProperties database) {
        return EmbeddedPostgresServer.start(insigne.dataDir(), database.port(), SHUTDOWN_GRACE, database.sharedBuffers());
    }

    /**
     * The pool takes the usual {@code spring.datasource.hikari.*} settings, as it would on an external database:
     * a small box sets {@code spring.datasource.hikari.maximum-pool-size} lower (docs/RELIABILITY.md).
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(server.jdbcUrl())
                .username(EmbeddedPostgresServer.USER)
                .build();
        dataSource.setPoolName("insigne-embedded");
        return dataSource;
    }
}
