package org.insigne.issuer.claimcode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.insigne.core.error.DomainException.Kind;
import org.insigne.issuer.application.Applicant;
import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.ApplicationView;
import org.insigne.issuer.application.Submission;
import org.insigne.issuer.audit.AuditAction;
import org.insigne.issuer.audit.AuditLog;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.badgeclass.BadgeClassStatus;
import org.insigne.issuer.badgeclass.BadgeClassView;
import org.insigne.issuer.badgeclass.PublicBadgeClass;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.publishing.HostedUrls;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claim codes for events. Awarders and above create a code for a published badge class, watch how many times
 * it was used and close it early. A signed-in person with a confirmed address uses it once: the badge is
 * awarded at once, as any award made by the code's creator (both documents signed, the mail sent by the
 * caller), or an application is sent for review. Using a code locks its row, so that of two people taking
 * its last use at once one gets it and the other is told it is used up.
 */
@Service
@Transactional(readOnly = true)
public class ClaimCodeService {

    private static final Logger log = LoggerFactory.getLogger(ClaimCodeService.class);

    private final ClaimCodeRepository codes;
    private final BadgeClassService badgeClasses;
    private final OrganisationService organisations;
    private final AwardService awards;
    private final ApplicationService applications;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ClaimCodeService(ClaimCodeRepository codes, BadgeClassService badgeClasses, OrganisationService organisations,
                     AwardService awards, ApplicationService applications, AuditLog audit, JdbcTemplate jdbc,
                     Clock clock) {
        this.codes = codes;
        this.audit = audit;
        this.badgeClasses = badgeClasses;
        this.organisations = organisations;
        this.awards = awards;
        this.applications = applications;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- Issuer side ---

    /** A new code for a published badge class; awarders and above. A blank level is the class's first. */
    @Transactional
    public ClaimCodeView create(OrganisationId organisation, BadgeClassId badgeClass, UUID userId,
                                ClaimCodeSettings settings) {
        BadgeClassView view = awards.checkCanAward(organisation, badgeClass, userId);
        List<String> levels = view.content().levels();
        String level = settings.level().isEmpty() ? levels.get(0) : settings.level();
        if (!levels.contains(level)) {
            throw new ClaimCodeRefused(Kind.INVALID, "level");
        }
        String code = ClaimCodes.generate();
        while (codes.existsByCode(code)) {
            code = ClaimCodes.generate();
        }
        Instant now = clock.instant();
        ClaimCode created = codes.save(new ClaimCode(code, organisation, badgeClass, new ClaimCodeSettings(
                settings.mode(), level, settings.validFrom(), settings.validUntil(), settings.maxUses()),
                userId, now));
        log.info("Claim code {} for badge class {} created by user {}", created.id().value(), badgeClass.value(),
                userId);
        ClaimCodeView result = created.view(now);
        audit.record(organisation.value(), userId, AuditAction.CLAIM_CODE_CREATED, created.id().value(),
                detail(result, view.content().name()));
        return result;
    }

    /** The badge class's codes, newest first; awarders and above. */
    public List<ClaimCodeView> codes(OrganisationId organisation, BadgeClassId badgeClass, UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.AWARDER);
        badgeClasses.badgeClass(organisation, badgeClass, userId);
        Instant now = clock.instant();
        return codes.findByBadgeClassIdOrderByCreatedAtDesc(badgeClass.value()).stream()
                .map(c -> c.view(now)).toList();
    }

    public ClaimCodeView code(OrganisationId organisation, ClaimCodeId id, UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.AWARDER);
        return inOrganisation(organisation, id).view(clock.instant());
    }

    /** Stops a code before its end; uses already made stay. */
    @Transactional
    public ClaimCodeView close(OrganisationId organisation, ClaimCodeId id, UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.AWARDER);
        ClaimCode code = inOrganisation(organisation, id);
        Instant now = clock.instant();
        code.close(now);
        log.info("Claim code {} closed by user {}", id.value(), userId);
        ClaimCodeView result = code.view(now);
        audit.record(organisation.value(), userId, AuditAction.CLAIM_CODE_CLOSED, id.value(),
                detail(result, badgeClasses.badgeClass(organisation, result.badgeClass(), userId).content().name()));
        return result;
    }

    /**
     * What the activity log says of a code: its badge class and how many used it; not the code itself, which
     * staff who may read the log but not award could otherwise use.
     */
    private static Map<String, String> detail(ClaimCodeView code, String badgeClassName) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("badgeClassId", code.badgeClass().value().toString());
        detail.put("badgeClass", badgeClassName);
        detail.put("used", String.valueOf(code.used()));
        return detail;
    }

    // --- Participant side ---

    /** The public page of a code, as typed or scanned; empty when no such code exists. */
    public Optional<ClaimPage> page(String typed) {
        Instant now = clock.instant();
        return ClaimCodes.normalise(typed).flatMap(codes::findByCode).flatMap(code ->
                badgeClasses.publicBadgeClass(code.badgeClassId()).map(badgeClass -> new ClaimPage(code.view(now),
                        badgeClass, issuerName(code.organisationId()))));
    }

    /**
     * Uses a code for {@code who}: awards the badge or sends an application with {@code narrative}. Refused:
     * unknown, not yet valid, expired, used up or closed code, archived badge class, a second use by the same
     * person, an application already open.
     */
    @Transactional
    public ClaimOutcome claim(String typed, Applicant who, @Nullable String narrative, HostedUrls urls) {
        return claimWith(typed, who, new Submission(narrative == null ? "" : narrative, List.of(), List.of(), true,
                null), urls);
    }

    /**
     * Uses a code as {@link #claim(String, Applicant, String, HostedUrls)} does; an application gets the
     * submission's narrative, level and answers to the badge class's questions.
     */
    @Transactional
    public ClaimOutcome claimWith(String typed, Applicant who, Submission submission, HostedUrls urls) {
        ClaimCode code = ClaimCodes.normalise(typed).flatMap(codes::findByCodeForUpdate)
                .orElseThrow(() -> new ClaimCodeRefused(Kind.NOT_FOUND, "unknown"));
        Instant now = clock.instant();
        ClaimCodeState state = code.state(now);
        if (state != ClaimCodeState.ACTIVE) {
            throw new ClaimCodeRefused(Kind.CONFLICT, state.key());
        }
        PublicBadgeClass badgeClass = badgeClasses.publicBadgeClass(code.badgeClassId())
                .filter(b -> b.status() == BadgeClassStatus.PUBLISHED)
                .orElseThrow(() -> new ClaimCodeRefused(Kind.CONFLICT, "badge-class-archived"));
        Integer before = jdbc.queryForObject(
                "select count(*) from claim_code_use where claim_code_id = ? and user_id = ?", Integer.class,
                code.id().value(), who.id());
        if (before != null && before > 0) {
            throw new ClaimCodeRefused(Kind.CONFLICT, "already-used");
        }
        AwardView award = null;
        ApplicationView application = null;
        if (code.mode() == ClaimMode.AWARD) {
            // The same person and code always give the same form token: a replayed use is the same award.
            UUID formToken = UUID.nameUUIDFromBytes(("claim-code\u001f" + code.id().value() + "\u001f" + who.id())
                    .getBytes(StandardCharsets.UTF_8));
            award = awards.award(code.organisationId(), code.badgeClassId(), code.createdBy(),
                    new AwardRequest(formToken, who.email(), who.name(), code.level(), null, null, null), urls);
        } else {
            application = applications.submitByClaimCode(code.badgeClassId(), who, submission);
        }
        code.use(now);
        jdbc.update("""
                insert into claim_code_use (claim_code_id, user_id, award_id, application_id, used_at)
                values (?, ?, ?, ?, ?)""", code.id().value(), who.id(),
                award == null ? null : award.id().value(),
                application == null ? null : application.id().value(),
                java.sql.Timestamp.from(now));
        log.info("Claim code {} used by user {}", code.id().value(), who.id());
        return new ClaimOutcome(code.mode(), award, application, badgeClass.content().name(),
                issuerName(code.organisationId()));
    }

    private ClaimCode inOrganisation(OrganisationId organisation, ClaimCodeId id) {
        return codes.findById(id.value()).filter(c -> c.organisationId().equals(organisation))
                .orElseThrow(() -> new ClaimCodeRefused(Kind.NOT_FOUND, "unknown"));
    }

    private String issuerName(OrganisationId organisation) {
        return organisations.publicProfile(organisation).map(p -> p.profile().name()).orElse("");
    }
}
