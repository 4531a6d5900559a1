package org.insigne.issuer.award;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.organisation.OrganisationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Which earners should hear that their badge expires soon, and the record that each was told once. An award
 * is due when it is not revoked, expires after {@code now} and no later than the horizon, and has no reminder
 * row yet. {@link #claim} inserts that row, committed before the mail is sent: the primary key lets one node
 * only win an award, whichever nodes sweep at once, and a claim without an outcome (its node died sending)
 * is never sent again (docs/decisions/0028). No role check: the reminder job is the only caller.
 */
@Service
public class ExpiryReminderService {

    /** What became of a claimed reminder. */
    public enum Outcome {
        /** The mail left (or, without SMTP, is in the development outbox). */
        SENT,
        /** The earner turned reminders off: nothing was sent. */
        TURNED_OFF,
        /** The connection broke while it was being sent: the earner may have it; never sent again. */
        UNCERTAIN
    }

    private final JdbcTemplate jdbc;

    ExpiryReminderService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} awards due for a reminder, soonest expiry first. */
    public List<DueReminder> due(Instant now, Instant horizon, int limit) {
        return jdbc.query("""
                select a.id, a.organisation_id, a.badge_class_id, a.recipient_email, a.recipient_name, a.expires_at,
                       b.name as badge_name, o.name as issuer_name, o.contact_email, o.website_url,
                       convert_from(a.ob2_assertion, 'UTF8')::jsonb ->> 'id' as assertion_url
                from award a
                join badge_class b on b.id = a.badge_class_id
                join organisation o on o.id = a.organisation_id
                where a.revoked_at is null and a.expires_at > ? and a.expires_at <= ?
                  and not exists (select 1 from expiry_reminder r where r.award_id = a.id)
                order by a.expires_at, a.id
                limit ?""",
                (rs, row) -> new DueReminder(new AwardId(rs.getObject("id", UUID.class)),
                        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                        new BadgeClassId(rs.getObject("badge_class_id", UUID.class)),
                        rs.getString("recipient_email"), rs.getString("recipient_name"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getString("badge_name"),
                        rs.getString("issuer_name"), rs.getString("contact_email"),
                        rs.getString("website_url"), rs.getString("assertion_url"), UUID.randomUUID()),
                Timestamp.from(now), Timestamp.from(horizon), limit);
    }

    /**
     * Claims the reminder of {@code reminder}'s award for {@code node}, in its own commit: true for the one
     * caller that may send it, false when it was claimed already (by this node or another).
     */
    public boolean claim(DueReminder reminder, String node) {
        return jdbc.update("""
                insert into expiry_reminder (award_id, claimed_by, claimed_at, mail_key)
                values (?, ?, now(), ?) on conflict (award_id) do nothing""",
                reminder.award().value(), node, reminder.mailKey()) == 1;
    }

    /** Notes what became of a claimed reminder. */
    public void record(AwardId award, Outcome outcome) {
        jdbc.update("update expiry_reminder set outcome = ?, decided_at = now() where award_id = ?",
                outcome.name(), award.value());
    }

    /**
     * Gives a claim back, when the mail server refused the mail (so it surely did not leave): the next sweep
     * tries again.
     */
    public void release(AwardId award) {
        jdbc.update("delete from expiry_reminder where award_id = ? and outcome is null", award.value());
    }

    /** The outcome of the award's reminder; empty when none was claimed, or while one is being sent. */
    public Optional<Outcome> outcome(AwardId award) {
        return jdbc.queryForList("select outcome from expiry_reminder where award_id = ? and outcome is not null",
                String.class, award.value()).stream().findFirst().map(Outcome::valueOf);
    }
}
