package org.insigne.web.issuer;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.insigne.issuer.audit.AuditAction;
import org.insigne.issuer.audit.AuditEntryView;
import org.insigne.issuer.audit.AuditLog;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns audit entries into sentences in the reader's language ("Marie Dupont a décerné « Bénévole » à
 * j***@example.org"). People are named by their current display name, looked up for the whole list at once;
 * someone whose account is gone is shown by the masked address they had when they acted.
 */
@Component
class ActivitySentences {

    /** One entry as read in the console. {@code actorEmail} is the address the actor had when they acted. */
    record Line(Instant at, AuditAction action, String actor, @Nullable String actorEmail, String sentence) {
    }

    private final AccountService accounts;
    private final MessageSource messages;

    ActivitySentences(AccountService accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    List<Line> lines(List<AuditEntryView> entries, Map<UUID, String> badgeClassNames, Locale locale) {
        Set<UUID> people = new HashSet<>();
        for (AuditEntryView entry : entries) {
            if (entry.actorId() != null) {
                people.add(entry.actorId());
            }
            if (entry.subjectType() == AuditAction.Subject.MEMBER) {
                people.add(entry.subjectId());
            }
        }
        Map<UUID, AccountSummary> names = people.isEmpty() ? Map.of() : accounts.summaries(people);
        return entries.stream().map(entry -> line(entry, names, badgeClassNames, locale)).toList();
    }

    private Line line(AuditEntryView entry, Map<UUID, AccountSummary> names, Map<UUID, String> badgeClassNames,
                      Locale locale) {
        String actor = entry.actorId() == null
                ? messages.getMessage("audit.actor.system", null, locale)
                : nameOf(entry.actorId(), entry.actorEmail(), names, locale);
        String badgeClass = entry.detail("badgeClass");
        if (badgeClass.isEmpty()) {
            badgeClass = badgeClassName(entry.detail("badgeClassId"), badgeClassNames);
        }
        Object[] args = switch (entry.action()) {
            case ORGANISATION_CREATED, BADGE_CLASS_CREATED, BADGE_CLASS_EDITED, BADGE_CLASS_IMAGE_CHANGED,
                 BADGE_CLASS_PUBLISHED, BADGE_CLASS_ARCHIVED -> new Object[] {actor, entry.detail("name")};
            case ORGANISATION_PROFILE_CHANGED, SIGNING_KEYS_ROTATED -> new Object[] {actor};
            case STAFF_INVITED -> new Object[] {actor, entry.detail("email"), role(entry, locale)};
            case STAFF_INVITATION_ACCEPTED -> new Object[] {actor, role(entry, locale)};
            case STAFF_ROLE_CHANGED -> new Object[] {actor, nameOf(entry.subjectId(), null, names, locale),
                    role(entry, locale)};
            case STAFF_MEMBER_REMOVED -> new Object[] {actor, nameOf(entry.subjectId(), null, names, locale)};
            case AWARD_CREATED, AWARD_CLAIMED -> new Object[] {actor, badgeClass, entry.detail("recipient")};
            case AWARD_REVOKED -> new Object[] {actor, badgeClass, entry.detail("recipient"), entry.detail("reason")};
            case SIGNING_KEY_GENERATED -> new Object[] {actor, entry.detail("algorithm")};
            case API_TOKEN_CREATED, API_TOKEN_REVOKED -> new Object[] {actor, entry.detail("name")};
            case APPLICATIONS_OPENED -> new Object[] {actor, entry.detail("name")};
            case APPLICATION_SUBMITTED, APPLICATION_CHANGES_REQUESTED, APPLICATION_AWARDED, APPLICATION_REFUSED,
                 APPLICATION_WITHDRAWN, APPLICATION_APPROVED ->
                    new Object[] {actor, badgeClass, entry.detail("applicant")};
            case ENDORSEMENT_REQUESTED -> new Object[] {actor, entry.detail("endorsed"), entry.detail("endorser")};
            case ENDORSEMENT_ACCEPTED, ENDORSEMENT_DECLINED, ENDORSEMENT_WITHDRAWN ->
                    new Object[] {actor, entry.detail("endorsed")};
            case CLAIM_CODE_CREATED, CLAIM_CODE_CLOSED -> new Object[] {actor, badgeClass, entry.detail("used")};
        };
        return new Line(entry.at(), entry.action(), actor, entry.actorEmail(),
                messages.getMessage("audit.sentence." + entry.action().name(), args, locale));
    }

    private String nameOf(UUID userId, @Nullable String emailThen, Map<UUID, AccountSummary> names, Locale locale) {
        AccountSummary who = names.get(userId);
        if (who != null) {
            return who.displayName();
        }
        return emailThen == null ? messages.getMessage("audit.actor.unknown", null, locale) : AuditLog.masked(emailThen);
    }

    private String role(AuditEntryView entry, Locale locale) {
        String role = entry.detail("role");
        return role.isEmpty() ? "" : messages.getMessage("issuer.role." + role, null, role, locale);
    }

    private static String badgeClassName(String id, Map<UUID, String> names) {
        try {
            return names.getOrDefault(UUID.fromString(id), "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
