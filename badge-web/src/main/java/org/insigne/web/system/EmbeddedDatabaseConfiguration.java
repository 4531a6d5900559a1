package org.insigne.web.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The database Insigne starts on when none is configured: a real PostgreSQL, run in-process from the binaries
 * on the classpath, whose data directory survives restarts. Setting {@code spring.datasource.url} (for
 * instance through {@code SPRING_DATASOURCE_URL}) switches it off and Spring Boot connects there instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(InsigneProperties properties) throws IOException {
        Path dataDirectory = properties.dataDir().resolve("postgres");
        Files.createDirectories(dataDirectory);
        // An existing cluster (PG_VERSION present) is reused as is; an empty directory gets initdb.
        boolean existing = Files.exists(dataDirectory.resolve("PG_VERSION"));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
        log.info("Embedded PostgreSQL started on port {} with {} data in {}", postgres.getPort(),
                existing ? "existing" : "new", dataDirectory);
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
        dataSource.setPoolName("insigne-embedded");
        return dataSource;
    }
}
