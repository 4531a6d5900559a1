package org.insigne.issuer.publishing;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The endorsements published about an issuer profile or a badge class, as the documents that list or embed
 * them need them: read straight from the endorsement table, so that publishing does not depend on the
 * endorsement feature, which depends on publishing to sign.
 */
@Component
public class PublishedEndorsements {

    /** The kinds of endorsed things, as the endorsement table stores them. */
    public static final String ORGANISATION = "ORGANISATION";
    public static final String BADGE_CLASS = "BADGE_CLASS";
    public static final String AWARD = "AWARD";

    private final JdbcTemplate jdbc;

    PublishedEndorsements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One accepted endorsement, not withdrawn: its id and its OB 3.0 credential as signed. */
    public record Published(UUID id, byte[] credential) {
    }

    /** The accepted, not withdrawn endorsements of {@code endorsed}, oldest first. */
    public List<Published> of(String kind, UUID endorsed) {
        return jdbc.query("""
                select id, ob3_credential from endorsement
                where endorsed_kind = ? and endorsed_id = ? and status = 'ACCEPTED'
                order by decided_at, id""", (row, n) -> new Published(row.getObject(1, UUID.class), row.getBytes(2)),
                kind, endorsed);
    }

    /** The addresses of the hosted OB 2.0 Endorsements of {@code endorsed}, oldest first. */
    public List<String> ob2Urls(String kind, UUID endorsed, HostedUrls urls) {
        return of(kind, endorsed).stream().map(p -> urls.ob2Endorsement(p.id())).toList();
    }

    public List<byte[]> credentials(String kind, UUID endorsed) {
        return of(kind, endorsed).stream().map(Published::credential).toList();
    }
}
