package org.insigne.issuer.award;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.ob2.Ob2DocumentWriter;
import org.insigne.issuer.audit.AuditAction;
import org.insigne.issuer.audit.AuditLog;
import org.insigne.core.ob2.Ob2ParseFailed;
import org.insigne.core.ob2.Ob2Reader;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassNotFound;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.badgeclass.BadgeClassStatus;
import org.insigne.issuer.badgeclass.BadgeClassView;
import org.insigne.issuer.badgeclass.PublicBadgeClass;
import org.insigne.issuer.key.SigningKeyService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationNotFound;
import org.insigne.issuer.organisation.OrganisationProfileView;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.publishing.ApplyLinks;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.publishing.IssuerProfiles;
import org.insigne.issuer.publishing.PublishedEndorsements;
import org.insigne.issuer.publishing.StatusLists;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Awards badges and revokes them. Owners, administrators and awarders award from published badge classes;
 * only owners and administrators revoke. Awards are looked up within the organisation named in the request.
 */
@Service
@Transactional(readOnly = true)
public class AwardService {

    private static final Logger log = LoggerFactory.getLogger(AwardService.class);

    private final AwardRepository awards;
    private final BadgeClassService badgeClasses;
    private final OrganisationService organisations;
    private final SigningKeyService keys;
    private final StatusLists statusLists;
    private final PublishedEndorsements endorsements;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final ApplyLinks applyLinks;
    private final IssuerProfiles issuers;

    AwardService(AwardRepository awards, BadgeClassService badgeClasses, OrganisationService organisations,
                 SigningKeyService keys, StatusLists statusLists, PublishedEndorsements endorsements, AuditLog audit,
                 Clock clock, JdbcTemplate jdbc, ApplicationEventPublisher events, ApplyLinks applyLinks,
                 IssuerProfiles issuers) {
        this.issuers = issuers;
        this.applyLinks = applyLinks;
        this.endorsements = endorsements;
        this.events = events;
        this.audit = audit;
        this.awards = awards;
        this.statusLists = statusLists;
        this.jdbc = jdbc;
        this.badgeClasses = badgeClasses;
        this.organisations = organisations;
        this.keys = keys;
        this.clock = clock;
    }

    /** Checks that {@code userId} may award from this badge class, before showing the form. */
    public BadgeClassView checkCanAward(OrganisationId organisation, BadgeClassId badgeClass, UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.AWARDER);
        BadgeClassView view = badgeClasses.badgeClass(organisation, badgeClass, userId);
        if (view.status() != BadgeClassStatus.PUBLISHED) {
            throw new BadgeClassNotAwardable();
        }
        return view;
    }

    /**
     * Awards the badge class to one person: builds and signs both documents and keeps their bytes. The same form
     * submitted twice returns the first award, with {@code created} false.
     */
    @Transactional
    public AwardView award(OrganisationId organisation, BadgeClassId badgeClassId, UUID userId, AwardRequest request,
                           HostedUrls urls) {
        BadgeClassView badgeClass = checkCanAward(organisation, badgeClassId, userId);
        return award(organisation, badgeClass, userId, request, List.of(), urls);
    }

    /**
     * Awards the badge class to a person who applied for it, on a reviewer's decision: reviewers and above,
     * within the caller's transaction so that the application closes with the award or not at all. The
     * application's narrative comes as the request's evidence narrative, its public links and files as
     * {@code moreEvidence}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AwardView awardOnReview(OrganisationId organisation, BadgeClassId badgeClassId, UUID reviewerId,
                                   AwardRequest request, List<EvidenceLink> moreEvidence, HostedUrls urls) {
        organisations.requireRole(organisation, reviewerId, StaffRole.REVIEWER);
        BadgeClassView badgeClass = badgeClasses.badgeClass(organisation, badgeClassId, reviewerId);
        if (badgeClass.status() != BadgeClassStatus.PUBLISHED) {
            throw new BadgeClassNotAwardable();
        }
        return award(organisation, badgeClass, reviewerId, request, moreEvidence, null, urls);
    }

    /**
     * Awards a badge class written with the earner, within the caller's transaction, so that the co-construction
     * closes with the award or not at all: awarders and above. The documents carry the earner's own account,
     * {@code narrative}, as the OB 2.0 assertion's and the OB 3.0 subject's narrative.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AwardView awardWithNarrative(OrganisationId organisation, BadgeClassId badgeClassId, UUID userId,
                                        AwardRequest request, List<EvidenceLink> moreEvidence, String narrative,
                                        HostedUrls urls) {
        BadgeClassView badgeClass = checkCanAward(organisation, badgeClassId, userId);
        return award(organisation, badgeClass, userId, request, moreEvidence, narrative, urls);
    }

    private AwardView award(OrganisationId organisation, BadgeClassView badgeClass, UUID userId, AwardRequest request,
                            List<EvidenceLink> moreEvidence, HostedUrls urls) {
        return award(organisation, badgeClass, userId, request, moreEvidence, null, urls);
    }

    private AwardView award(OrganisationId organisation, BadgeClassView badgeClass, UUID userId, AwardRequest request,
                            List<EvidenceLink> moreEvidence, @Nullable String narrative, HostedUrls urls) {
        BadgeClassId badgeClassId = badgeClass.id();
        Optional<Award> repeated = awards.findByFormToken(request.formToken());
        if (repeated.isPresent()) {
            Award earlier = repeated.get();
            if (!earlier.organisationId().equals(organisation) || !earlier.badgeClassId().equals(badgeClassId)) {
                throw new InvalidAward("form-token");
            }
            return earlier.view(false);
        }
        Instant now = clock.instant();
        AwardDates dates = AwardDates.checked(badgeClass, request, now);
        AwardSigning signing = signing(organisation, badgeClass, urls);
        AwardId id = new AwardId(UUID.randomUUID());
        int statusIndex = statusLists.allocate(organisation, signing.keys().ed25519Id());
        Award award = awards.save(new Award(id, organisation, badgeClassId, request, dates.issuedOn(), dates.expires(),
                signing.documents(id, request, moreEvidence, narrative, dates, statusIndex, now), statusIndex, userId, now));
        log.info("Award {} of badge class {} made by user {}", id.value(), badgeClassId.value(), userId);
        audit.record(organisation.value(), userId, AuditAction.AWARD_CREATED, id.value(), AwardAudit.detail(award.view(true), badgeClass.content().name()));
        return award.view(true);
    }

    /**
     * Loads and checks, once, what signing many awards of one badge class needs: the same checks as
     * {@link #checkCanAward}, the published documents and the organisation's keys.
     */
    @Transactional
    public AwardBatch batch(OrganisationId organisation, BadgeClassId badgeClassId, UUID userId, HostedUrls urls) {
        BadgeClassView badgeClass = checkCanAward(organisation, badgeClassId, userId);
        return new AwardBatch(signing(organisation, badgeClass, urls), userId, statusLists, clock);
    }

    private AwardSigning signing(OrganisationId organisation, BadgeClassView badgeClass, HostedUrls urls) {
        PublicBadgeClass hosted = badgeClasses.publicBadgeClass(badgeClass.id())
                .orElseThrow(() -> new BadgeClassNotFound(badgeClass.id()));
        OrganisationProfileView issuer = organisations.publicProfile(organisation)
                .orElseThrow(() -> new OrganisationNotFound(organisation));
        return new AwardSigning(badgeClass, hosted, issuer, keys.signingKeys(organisation), urls,
                endorsements.credentials(PublishedEndorsements.BADGE_CLASS, badgeClass.id().value()),
                applyLinks.url(badgeClass.id(), urls));
    }

    /**
     * Stores prepared awards in one batch of statements, within the caller's transaction. An award whose
     * idempotency key is already taken is not stored: the answer says, for each one in order, whether it was.
     */
    @Transactional
    public List<Boolean> store(List<PreparedAward> prepared) {
        if (prepared.isEmpty()) {
            return List.of();
        }
        // ON CONFLICT answers 0 for a key already taken (by an earlier upload, or a job running twice), where
        // saving entity by entity would fail the whole transaction.
        int[][] counts = jdbc.batchUpdate("""
                insert into award (id, organisation_id, badge_class_id, form_token, recipient_email, recipient_name,
                    level, evidence_url, evidence_narrative, issued_on, expires_at, ob2_assertion, ob3_credential,
                    awarded_by, created_at, version, idempotency_key, status_list_index)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                on conflict (idempotency_key) do nothing""", prepared, prepared.size(), (ps, p) -> {
            ps.setObject(1, p.id.value());
            ps.setObject(2, p.organisation.value());
            ps.setObject(3, p.badgeClass.value());
            ps.setObject(4, p.request.formToken());
            ps.setString(5, p.request.recipientEmail());
            ps.setString(6, p.request.recipientName());
            ps.setString(7, p.request.level());
            ps.setString(8, p.request.evidenceUrl());
            ps.setString(9, p.request.evidenceNarrative());
            ps.setObject(10, OffsetDateTime.ofInstant(p.issuedOn, ZoneOffset.UTC));
            ps.setObject(11, p.expiresAt == null ? null : OffsetDateTime.ofInstant(p.expiresAt, ZoneOffset.UTC),
                    Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setBytes(12, p.documents.ob2Assertion());
            ps.setBytes(13, p.documents.ob3Credential());
            ps.setObject(14, p.awardedBy);
            ps.setObject(15, OffsetDateTime.ofInstant(p.createdAt, ZoneOffset.UTC));
            ps.setString(16, p.key.value());
            ps.setInt(17, p.statusListIndex);
        });
        List<Boolean> stored = new ArrayList<>(prepared.size());
        for (int[] batch : counts) {
            for (int count : batch) {
                // The driver may answer SUCCESS_NO_INFO (-2) when it cannot count; only 0 means "not inserted".
                stored.add(count != 0);
            }
        }
        // One audit entry per stored award, written as one batch per actor: a bulk job stores thousands.
        record Actor(OrganisationId organisation, UUID user) {
        }
        Map<BadgeClassId, String> names = new HashMap<>();
        Map<Actor, List<AuditLog.Subject>> entries = new LinkedHashMap<>();
        for (int i = 0; i < prepared.size(); i++) {
            if (stored.get(i)) {
                PreparedAward p = prepared.get(i);
                String name = names.computeIfAbsent(p.badgeClass, id -> badgeClasses.publicBadgeClass(id)
                        .map(c -> c.content().name()).orElse(""));
                entries.computeIfAbsent(new Actor(p.organisation, p.awardedBy), a -> new ArrayList<>())
                        .add(new AuditLog.Subject(p.id.value(), AwardAudit.detail(p, name)));
            }
        }
        entries.forEach((actor, subjects) -> audit.recordAll(actor.organisation().value(), actor.user(),
                AuditAction.AWARD_CREATED, subjects));
        log.info("{} awards stored in a batch, {} already made", stored.stream().filter(b -> b).count(),
                stored.stream().filter(b -> !b).count());
        return stored;
    }

    /** Which of these idempotency keys already name an award. */
    public Set<String> existingKeys(Collection<IdempotencyKey> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        List<String> values = keys.stream().map(IdempotencyKey::value).distinct().toList();
        for (int from = 0; from < values.size(); from += 1000) {
            List<String> slice = values.subList(from, Math.min(values.size(), from + 1000));
            found.addAll(jdbc.queryForList("select idempotency_key from award where idempotency_key = any (?)",
                    String.class, (Object) slice.toArray(String[]::new)));
        }
        return found;
    }

    /**
     * Awards by id, whatever the organisation, for background work that already holds ids it was given (the
     * earners' mails of a bulk award); never for a request.
     */
    public List<AwardView> views(Collection<AwardId> ids) {
        return awards.findAllById(ids.stream().map(AwardId::value).toList()).stream().map(a -> a.view(true)).toList();
    }

    /** The awards of one badge class, newest first, for any member of the staff. */
    public List<AwardView> awards(OrganisationId organisation, BadgeClassId badgeClass, UUID userId) {
        badgeClasses.badgeClass(organisation, badgeClass, userId);
        return awards.findByOrganisationIdAndBadgeClassIdOrderByCreatedAtDesc(organisation.value(), badgeClass.value())
                .stream().map(a -> a.view(false)).toList();
    }

    /** One award, for any member of the staff. */
    public AwardView award(OrganisationId organisation, AwardId id, UUID userId) {
        organisations.organisation(organisation, userId);
        return load(organisation, id).view(false);
    }

    /** Revokes an award with a reason that will be published; owners and administrators only. */
    @Transactional
    public AwardView revoke(OrganisationId organisation, AwardId id, UUID userId, String reason) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        Award award = load(organisation, id);
        String stripped = reason == null ? "" : reason.strip();
        if (stripped.isEmpty() || stripped.length() > AwardRequest.MAX_REASON) {
            throw new InvalidAward("reason");
        }
        award.revoke(stripped, clock.instant());
        log.info("Award {} revoked by user {}", id.value(), userId);
        audit.record(organisation.value(), userId, AuditAction.AWARD_REVOKED, id.value(), AwardAudit.detail(award.view(false)));
        events.publishEvent(new AwardRevoked(id));
        return award.view(false);
    }

    /**
     * Records that the earner took the badge into a backpack; the first time only, so calling again changes
     * nothing. No role check: this is the system recording a fact, not a member acting.
     */
    @Transactional
    public void markClaimed(AwardId id) {
        Award award = awards.findById(id.value()).orElseThrow(() -> new AwardNotFound(id));
        if (award.markClaimed(clock.instant())) {
            log.info("Award {} claimed", id.value());
            audit.record(award.organisationId().value(), null, AuditAction.AWARD_CLAIMED, id.value(), AwardAudit.detail(award.view(false)));
        }
    }

    /** The hosted OB 2.0 assertion, for anyone. */
    public Optional<HostedAssertion> hostedAssertion(AwardId id, HostedUrls urls) {
        return awards.findById(id.value()).flatMap(award -> badgeClasses.publicBadgeClass(award.badgeClassId())
                .flatMap(badgeClass -> organisations.publicProfile(award.organisationId()).map(issuer -> {
                    AwardView view = award.view(false);
                    // Endorsements of this award, accepted by its earner, are listed as the badge class's are: a
                    // hosted assertion is checked by fetching it, and one nobody endorsed keeps its bytes.
                    byte[] json = award.isRevoked() ? AwardDocuments.ob2RevokedAssertion(award, urls)
                            : Ob2DocumentWriter.withEndorsements(award.ob2Assertion(),
                            endorsements.ob2Urls(PublishedEndorsements.AWARD, id.value(), urls));
                    return new HostedAssertion(id, json, award.isRevoked(), award.revocationReason(),
                            badgeClass.content().name(), issuer.profile().name(), view.level(), view.issuedOn(),
                            view.expiresAt(), badgeClass.id().value());
                })));
    }

    /**
     * Whether {@code email} is the recipient of the award, checked against the salted hash published in the
     * OB 2.0 assertion (ob_v2p0 IdentityHash), exactly as any verifier holding the badge could check it; empty
     * when there is no such award. The stored address is not compared: the answer must follow from what is
     * published, and never tells more than yes or no.
     */
    public Optional<Boolean> isRecipient(AwardId id, String email) {
        return awards.findOb2Assertion(id.value()).map(bytes -> {
            try {
                JsonNode recipient = BoundedJson.read(bytes).get("recipient");
                return recipient != null && Ob2Reader.readIdentity(recipient, "recipient").matches(email);
            } catch (BoundedJson.JsonUnreadable | Ob2ParseFailed e) {
                // Our own stored assertion: unreadable would be a bug, not bad input.
                throw new IllegalStateException("stored assertion of award " + id.value() + " is unreadable", e);
            }
        });
    }

    /** The OB 3.0 credential as signed, for anyone holding its URL. */
    public Optional<byte[]> credential(AwardId id) {
        return awards.findById(id.value()).map(Award::ob3Credential);
    }

    /**
     * The OB 2.0 revocation list of an organisation, for anyone; a person who endorses in their own name has one
     * too, which their profile names, and it stays empty: a person awards nothing.
     */
    public Optional<byte[]> revocationList(OrganisationId organisation, HostedUrls urls) {
        return issuers.of(organisation).map(o -> AwardDocuments.ob2Revocations(organisation.value(),
                awards.findByOrganisationIdAndRevokedAtIsNotNullOrderByRevokedAtAsc(organisation.value()), urls));
    }

    /**
     * The OB 3.0 revocation list (1EdTech Revocation List) of an organisation, for anyone. Credentials issued
     * before status lists name it, so it stays published; new credentials carry a BitstringStatusListEntry.
     */
    public Optional<byte[]> credentialRevocationList(OrganisationId organisation, HostedUrls urls) {
        return issuers.of(organisation).map(o -> AwardDocuments.ob3Revocations(organisation.value(),
                awards.findByOrganisationIdAndRevokedAtIsNotNullOrderByRevokedAtAsc(organisation.value()), urls));
    }

    /**
     * The awards made to {@code email} (compared as stored: lower case), oldest first, so that an earner who
     * confirms that address finds them in their backpack. Only ids: the badge itself goes through the public
     * documents, as any platform's would.
     */
    public List<AwardId> awardsTo(String email) {
        return awards.findByRecipientEmailOrderByCreatedAtAsc(email.strip().toLowerCase(java.util.Locale.ROOT))
                .stream().map(Award::id).toList();
    }

    /**
     * Awards once per client key: {@code key} is what the client sent (an API's idempotency key), unique within
     * the organisation. The first request with a key awards; a replay of the same request answers that award
     * with {@code created} false; a replay with another request is refused with {@link AwardRequestKeyReused}.
     * The key is taken in the award's own transaction, so a refused award leaves it free.
     */
    @Transactional
    public AwardView award(OrganisationId organisation, BadgeClassId badgeClassId, UUID userId, String key,
                           AwardRequest request, HostedUrls urls) {
        String fingerprint = fingerprint(badgeClassId, request);
        // A concurrent first use of the same key waits here on the primary key until the other commits.
        jdbc.update("""
                insert into award_request_key (organisation_id, request_key, fingerprint, created_at)
                values (?, ?, ?, ?) on conflict do nothing""", organisation.value(), key, fingerprint,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        String taken = jdbc.queryForObject(
                "select fingerprint from award_request_key where organisation_id = ? and request_key = ?",
                String.class, organisation.value(), key);
        if (!fingerprint.equals(taken)) {
            throw new AwardRequestKeyReused();
        }
        UUID formToken = UUID.nameUUIDFromBytes((organisation.value() + "\u001f" + key).getBytes(StandardCharsets.UTF_8));
        return award(organisation, badgeClassId, userId, new AwardRequest(formToken, request.recipientEmail(),
                request.recipientName(), request.level(), request.evidenceUrl(), request.evidenceNarrative(),
                request.issuedOn()), urls);
    }

    /** What a request asks: the bulk award key (badge class, address, level, evidence, date) and the name. */
    private static String fingerprint(BadgeClassId badgeClass, AwardRequest request) {
        String joined = IdempotencyKey.of(badgeClass, request).value() + "\u001f" + request.recipientName();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * One page (from 0) of the organisation's awards, newest first, as {@code filter} narrows them; for any member
     * of the staff. A badge class of another organisation is not found, as elsewhere.
     */
    public AwardPage page(OrganisationId organisation, UUID userId, AwardFilter filter, int number, int size) {
        organisations.organisation(organisation, userId);
        if (filter.badgeClass() != null) {
            badgeClasses.badgeClass(organisation, filter.badgeClass(), userId);
        }
        Instant now = clock.instant();
        org.springframework.data.jpa.domain.Specification<Award> where = (root, query, cb) -> {
            List<jakarta.persistence.criteria.Predicate> all = new ArrayList<>();
            all.add(cb.equal(root.get("organisationId"), organisation.value()));
            if (filter.badgeClass() != null) {
                all.add(cb.equal(root.get("badgeClassId"), filter.badgeClass().value()));
            }
            if (filter.since() != null) {
                all.add(cb.greaterThanOrEqualTo(root.<Instant>get("createdAt"), filter.since()));
            }
            if (filter.state() != null) {
                jakarta.persistence.criteria.Path<Instant> expires = root.get("expiresAt");
                all.add(switch (filter.state()) {
                    case REVOKED -> cb.isNotNull(root.get("revokedAt"));
                    case EXPIRED -> cb.and(cb.isNull(root.get("revokedAt")), cb.lessThanOrEqualTo(expires, now));
                    case ACTIVE -> cb.and(cb.isNull(root.get("revokedAt")),
                            cb.or(cb.isNull(expires), cb.greaterThan(expires, now)));
                });
            }
            return cb.and(all.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
        org.springframework.data.domain.Page<Award> page = awards.findAll(where,
                org.springframework.data.domain.PageRequest.of(number, size, org.springframework.data.domain.Sort.by(
                        org.springframework.data.domain.Sort.Order.desc("createdAt"),
                        org.springframework.data.domain.Sort.Order.desc("id"))));
        return new AwardPage(page.map(a -> a.view(false)).getContent(), number, size, page.getTotalElements());
    }

    private Award load(OrganisationId organisation, AwardId id) {
        return awards.findByIdAndOrganisationId(id.value(), organisation.value())
                .orElseThrow(() -> new AwardNotFound(id));
    }
}
