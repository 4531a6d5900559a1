package org.insigne.web.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the PostgreSQL server the application starts when no {@code spring.datasource.url} is set.
 *
 * @param port           TCP port on 127.0.0.1; 0 picks a free one at each start
 * @param sharedBuffers  PostgreSQL's {@code shared_buffers} (for instance {@code 32MB} on a small box); empty keeps
 *                       the server's own setting (128 MB unless {@code postgresql.conf} says otherwise)
 */
@ConfigurationProperties("insigne.embedded-database")
record EmbeddedDatabaseProperties(@DefaultValue("0") int port, @DefaultValue("") String sharedBuffers) {
}
