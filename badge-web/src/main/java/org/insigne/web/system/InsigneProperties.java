package org.insigne.web.system;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Application-wide settings.
 *
 * @param baseUrl   public address used in e-mailed links and badge ids; when empty, the address of the
 *                  request being served
 * @param dataDir   where the embedded PostgreSQL keeps its data when no external database is configured
 * @param mailFrom  sender of the platform's e-mails
 */
@ConfigurationProperties("insigne")
public record InsigneProperties(
        @Nullable String baseUrl,
        @DefaultValue("${user.home}/.insigne") Path dataDir,
        @DefaultValue("Insigne <no-reply@insigne.local>") String mailFrom) {
}
