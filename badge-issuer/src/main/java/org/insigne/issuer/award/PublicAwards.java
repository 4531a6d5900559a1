package org.insigne.issuer.award;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.insigne.issuer.badgeclass.Alignment;
import org.insigne.issuer.badgeclass.CriteriaHtml;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The awards as their public page shows them, for anyone: one query by primary keys, no verification work.
 * Insigne issued the badge and keeps the signed bytes, so its own records (revoked or not, expiry date) are
 * the verdict; re-verifying our own signature on each view would prove nothing more and cost a lot.
 *
 * <p>The busiest read of the application, so it is kept apart from {@link AwardService}: one plain SQL
 * statement in autocommit, outside any transaction (a single select needs none, and even a {@code SUPPORTS}
 * one made the JPA transaction manager open a persistence context on every view), no JPQL, and the criteria's
 * HTML from {@link CriteriaHtml}'s cache.
 */
@Service
public class PublicAwards {

    /**
     * Award, badge class and issuer joined by primary keys, without the signed documents' bytes. Draft badge
     * classes are never public (an award cannot be made from one anyway). The badge class's tags and alignments
     * come in the same statement, as arrays, so that a page view still borrows one connection per statement.
     */
    private static final String PUBLIC_AWARD = """
            select a.id, a.badge_class_id, b.name, b.description, b.criteria_markdown, a.level, a.evidence_url,
                a.evidence_narrative, a.organisation_id, o.name, o.website_url, a.issued_on, a.expires_at,
                a.revoked_at, a.revocation_reason,
                (select i.media_type from badge_class_image i where i.badge_class_id = a.badge_class_id),
                array(select t.tag from badge_class_tag t where t.badge_class_id = a.badge_class_id order by t.position),
                array(select l.framework from badge_class_alignment l where l.badge_class_id = a.badge_class_id
                    order by l.position),
                array(select l.code from badge_class_alignment l where l.badge_class_id = a.badge_class_id
                    order by l.position),
                array(select l.target_name from badge_class_alignment l where l.badge_class_id = a.badge_class_id
                    order by l.position),
                array(select l.target_url from badge_class_alignment l where l.badge_class_id = a.badge_class_id
                    order by l.position)
            from award a join badge_class b on b.id = a.badge_class_id join organisation o on o.id = a.organisation_id
            where a.id = ? and b.status <> 'DRAFT'
            """;

    private final JdbcTemplate jdbc;

    PublicAwards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The endorsements in force of a badge class and of its issuer, then those of the award itself its earner
     * accepted, oldest first: what the platform's records say today (one withdrawn since the award is no longer shown, though the credential still carries it, revoked).
     */
    private static final String ENDORSEMENTS = """
            select o.name, o.website_url, e.comment, e.decided_at from endorsement e
            join organisation o on o.id = e.endorser_id
            where e.status = 'ACCEPTED' and ((e.endorsed_kind = 'BADGE_CLASS' and e.endorsed_id = ?)
                or (e.endorsed_kind = 'ORGANISATION' and e.endorsed_id = ?))
            union all
            select p.display_name || coalesce(', ' || p.role, '') || coalesce(' (' || p.affiliation || ')', ''),
                p.website_url, e.comment, e.decided_at from endorsement e
            join endorser_person p on p.id = e.endorser_id
            where e.status = 'ACCEPTED' and e.endorsed_kind = 'AWARD' and e.endorsed_id = ?
            order by 4, 1""";

    /**
     * The award's public facts; empty when there is no such award. The endorsements are read after the award's
     * row, never from inside its row mapper: outside a transaction each statement borrows its own connection, and
     * a nested one would hold two per page view, so that as many concurrent views as the pool has connections
     * would each wait for a second one that never comes.
     */
    public Optional<PublicAward> find(AwardId id) {
        return jdbc.query(PUBLIC_AWARD, (rs, n) -> new PublicAward(new AwardId(rs.getObject(1, UUID.class)),
                rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), CriteriaHtml.cached(rs.getString(5)),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, UUID.class), rs.getString(10),
                rs.getString(11), instant(rs, 12), instant(rs, 13), instant(rs, 14), rs.getString(15),
                rs.getString(16), List.of(), List.of(strings(rs, 17)), alignments(rs)), id.value()).stream().findFirst()
                .map(award -> award.withEndorsements(endorsements(award.id().value(), award.badgeClassId(),
                        award.organisationId())));
    }

    private List<PublicAward.Endorsement> endorsements(UUID award, UUID badgeClass, UUID organisation) {
        return jdbc.query(ENDORSEMENTS, (rs, n) -> new PublicAward.Endorsement(rs.getString(1), rs.getString(2),
                rs.getString(3), instant(rs, 4)), badgeClass, organisation, award);
    }

    /** The alignments from their four columns' arrays, which the statement orders alike. */
    private static List<Alignment> alignments(ResultSet rs) throws SQLException {
        String[] frameworks = strings(rs, 18);
        String[] codes = strings(rs, 19);
        String[] names = strings(rs, 20);
        String[] urls = strings(rs, 21);
        List<Alignment> alignments = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            alignments.add(new Alignment(frameworks[i], codes[i], names[i], urls[i]));
        }
        return alignments;
    }

    private static String[] strings(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
