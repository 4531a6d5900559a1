package org.insigne.issuer.endorsement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.insigne.core.ob2.Ob2DocumentWriter;
import org.insigne.issuer.audit.AuditAction;
import org.insigne.issuer.audit.AuditLog;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.badgeclass.BadgeClassStatus;
import org.insigne.issuer.badgeclass.CriteriaHtml;
import org.insigne.issuer.key.OrganisationKeys;
import org.insigne.issuer.key.SigningKeyService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationName;
import org.insigne.issuer.organisation.OrganisationProfileView;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.publishing.IssuerProfiles;
import org.insigne.issuer.publishing.PublishedDocuments;
import org.insigne.issuer.publishing.StatusLists;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Endorsements between organisations: an issuer asks another organisation to endorse its issuer profile or a
 * badge class, or an organisation offers one unasked; the endorser's owners and administrators accept with a
 * comment, decline, or later withdraw. Accepting signs the OB 3.0 EndorsementCredential with the endorser's key
 * and gives it a bit of the endorser's status lists; withdrawing sets that bit. A person with an account may also
 * endorse an issuer profile or a badge class in their own name, signed with keys the platform keeps for them.
 */
@Service
@Transactional(readOnly = true)
public class EndorsementService {

    /** How long a request waits for the endorser. */
    public static final Duration REQUEST_VALIDITY = Duration.ofDays(30);

    /** The longest comment, in characters: a few paragraphs, not a document. */
    public static final int MAX_COMMENT_LENGTH = 2000;

    private static final Logger log = LoggerFactory.getLogger(EndorsementService.class);

    private final EndorsementRepository endorsements;
    private final OrganisationService organisations;
    private final BadgeClassService badgeClasses;
    private final SigningKeyService keys;
    private final StatusLists statusLists;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final EndorserPersonRepository persons;
    private final IssuerProfiles issuers;
    private final AwardService awards;

    EndorsementService(EndorsementRepository endorsements, OrganisationService organisations,
                       BadgeClassService badgeClasses, SigningKeyService keys, StatusLists statusLists, AuditLog audit,
                       Clock clock, ApplicationEventPublisher events, EndorserPersonRepository persons,
                       IssuerProfiles issuers, AwardService awards) {
        this.awards = awards;
        this.events = events;
        this.persons = persons;
        this.issuers = issuers;
        this.endorsements = endorsements;
        this.organisations = organisations;
        this.badgeClasses = badgeClasses;
        this.keys = keys;
        this.statusLists = statusLists;
        this.audit = audit;
        this.clock = clock;
    }

    /** The organisations {@code organisation} may ask, by name. */
    public List<OrganisationName> candidates(OrganisationId organisation, UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        return organisations.directory(organisation);
    }

    /**
     * {@code endorsed} (its administrator {@code userId}) asks {@code endorser} to endorse its issuer profile
     * ({@code target} is the organisation itself) or one of its published badge classes.
     */
    @Transactional
    public RequestSent request(OrganisationId endorsed, UUID userId, EndorsedKind kind, UUID target,
                               OrganisationId endorser) {
        organisations.requireRole(endorsed, userId, StaffRole.ADMIN);
        Target what = unasked(kind, target);
        if (!what.organisation().equals(endorsed.value())) {
            throw EndorsementRefused.targetUnavailable();
        }
        OrganisationProfileView by = organisations.publicProfile(endorser)
                .orElseThrow(EndorsementRefused::endorserUnknown);
        refuseSelfOrTwice(by.id().value(), kind, what);
        Instant now = clock.instant();
        Endorsement e = endorsements.save(Endorsement.requested(by.id().value(), kind, target, what.organisation(),
                userId, now, now.plus(REQUEST_VALIDITY)));
        log.info("Endorsement {} of {} {} requested from organisation {}", e.id().value(), kind, target,
                endorser.value());
        audit.record(endorsed.value(), userId, AuditAction.ENDORSEMENT_REQUESTED, e.id().value(),
                Map.of("endorser", by.profile().name(), "endorsed", what.name()));
        return new RequestSent(view(e, by.profile().name(), what.name(), now),
                organisations.administrators(endorser));
    }

    /** {@code endorser} endorses, unasked, an organisation's issuer profile or a badge class: published at once. */
    @Transactional
    public EndorsementView offer(OrganisationId endorser, UUID userId, EndorsedKind kind, UUID target, String comment,
                                 HostedUrls urls) {
        organisations.requireRole(endorser, userId, StaffRole.ADMIN);
        String text = checkedComment(comment);
        Target what = unasked(kind, target);
        refuseSelfOrTwice(endorser.value(), kind, what);
        Endorsement e = endorsements.save(Endorsement.offered(endorser.value(), kind, target, what.organisation(),
                clock.instant()));
        return publish(e, userId, text, what, urls);
    }

    /**
     * The person {@code userId} endorses, unasked and in their own name ({@code displayName}, the name of their
     * public profile), an organisation's issuer profile or a badge class: published at once. Staff of the
     * organisation endorsed cannot: that would be endorsing themselves.
     */
    @Transactional
    public EndorsementView offerAsPerson(UUID userId, String displayName, EndorsedKind kind, UUID target,
                                         String comment, HostedUrls urls) {
        String text = checkedComment(comment);
        Target what = unasked(kind, target);
        if (staffOf(userId, what.organisation())) {
            throw EndorsementRefused.selfAsStaff();
        }
        EndorserPerson person = persons.findByUserId(userId)
                .orElseGet(() -> persons.save(new EndorserPerson(userId, displayName, clock.instant())));
        person.rename(displayName);
        // Signing reads the person's profile through publishing's own query: the row must be written first.
        persons.flush();
        if (!endorsements.findByEndorserIdAndEndorsedKindAndEndorsedIdAndStatusIn(person.id(), kind, what.id(),
                List.of(EndorsementStatus.ACCEPTED)).isEmpty()) {
            throw EndorsementRefused.twiceByPerson();
        }
        Endorsement e = endorsements.save(Endorsement.offeredByPerson(person.id(), kind, target, what.organisation(),
                clock.instant()));
        return publish(e, userId, text, what, urls);
    }

    /** The person takes back an endorsement they gave: revoked in their status list, 410 at its OB 2.0 address. */
    @Transactional
    public EndorsementView withdrawAsPerson(UUID userId, EndorsementId id) {
        Endorsement e = persons.findByUserId(userId).flatMap(p -> endorsements.findById(id.value())
                        .filter(found -> found.endorserKind() == EndorserKind.PERSON
                                && found.endorserId().equals(p.id())))
                .orElseThrow(() -> new EndorsementNotFound(id));
        e.withdraw(clock.instant());
        log.info("Endorsement {} withdrawn by endorsing person {}", id.value(), e.endorserId());
        events.publishEvent(new EndorsementsChanged(new OrganisationId(e.endorsedOrganisationId())));
        return view(e, endorserName(e), nameOf(e), clock.instant());
    }

    /**
     * The person's account is being erased: what they endorsed is withdrawn (it reads as revoked from now on) and
     * their endorser profile no longer names their account. The profile, keys and status lists stay published,
     * so that what they signed still verifies, as revoked.
     */
    @Transactional
    public void forgetPerson(UUID userId) {
        persons.findByUserId(userId).ifPresent(person -> {
            Instant now = clock.instant();
            for (Endorsement e : endorsements.findByEndorserIdOrderByCreatedAtDesc(person.id())) {
                if (e.status() == EndorsementStatus.ACCEPTED) {
                    e.withdraw(now);
                    events.publishEvent(new EndorsementsChanged(new OrganisationId(e.endorsedOrganisationId())));
                }
            }
            person.forgetAccount();
            log.info("Endorsing person {} forgotten with their account", person.id());
        });
    }

    /** What the person endorsed in their own name, newest first. */
    public List<EndorsementView> givenByPerson(UUID userId) {
        return persons.findByUserId(userId)
                .map(p -> views(endorsements.findByEndorserIdOrderByCreatedAtDesc(p.id()))).orElse(List.of());
    }

    /** The endorser accepts a request with its comment; the endorsement is signed and published. */
    @Transactional
    public EndorsementView accept(OrganisationId endorser, EndorsementId id, UUID userId, String comment,
                                  HostedUrls urls) {
        organisations.requireRole(endorser, userId, StaffRole.ADMIN);
        Endorsement e = loadFor(endorser, id);
        String text = checkedComment(comment);
        if (!e.pending(clock.instant())) {
            throw e.expired(clock.instant()) ? EndorsementRefused.expired() : EndorsementRefused.notPending();
        }
        return publish(e, userId, text, target(e.endorsedKind(), e.endorsedId()), urls);
    }

    @Transactional
    public void decline(OrganisationId endorser, EndorsementId id, UUID userId) {
        organisations.requireRole(endorser, userId, StaffRole.ADMIN);
        Endorsement e = loadFor(endorser, id);
        e.decline(userId, clock.instant());
        log.info("Endorsement {} declined by organisation {}", id.value(), endorser.value());
        audit.record(endorser.value(), userId, AuditAction.ENDORSEMENT_DECLINED, id.value(),
                Map.of("endorsed", nameOf(e)));
    }

    /** The endorser takes back a published endorsement: revoked in its status list, 410 at its OB 2.0 address. */
    @Transactional
    public EndorsementView withdraw(OrganisationId endorser, EndorsementId id, UUID userId) {
        organisations.requireRole(endorser, userId, StaffRole.ADMIN);
        Endorsement e = loadFor(endorser, id);
        e.withdraw(clock.instant());
        log.info("Endorsement {} withdrawn by organisation {}", id.value(), endorser.value());
        String endorsed = nameOf(e);
        audit.record(endorser.value(), userId, AuditAction.ENDORSEMENT_WITHDRAWN, id.value(),
                Map.of("endorsed", endorsed));
        events.publishEvent(new EndorsementsChanged(new OrganisationId(e.endorsedOrganisationId())));
        return view(e, endorserName(e), endorsed, clock.instant());
    }

    /** What the organisation was asked for and what it gave, newest first, for any member of its staff. */
    public List<EndorsementView> given(OrganisationId endorser, UUID userId) {
        organisations.organisation(endorser, userId);
        return views(endorsements.findByEndorserIdOrderByCreatedAtDesc(endorser.value()));
    }

    /**
     * The requests the organisation sent and the endorsements it received, newest first; not those of its awards,
     * which are their earners' own business.
     */
    public List<EndorsementView> received(OrganisationId endorsed, UUID userId) {
        organisations.organisation(endorsed, userId);
        return views(endorsements.findByEndorsedOrganisationIdOrderByCreatedAtDesc(endorsed.value()).stream()
                .filter(e -> e.endorsedKind() != EndorsedKind.AWARD).toList());
    }

    /** Refused unless {@code userId} administers {@code organisation}. */
    void requireAdministrator(OrganisationId organisation, UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
    }

    /** Whether {@code userId} is staff of {@code organisation}: endorsing it would be endorsing themselves. */
    boolean staffOf(UUID userId, UUID organisation) {
        return organisations.organisationsOf(userId).stream().anyMatch(o -> o.id().value().equals(organisation));
    }

    /** The published endorsements of an issuer profile or badge class, oldest first, for anyone. */
    public List<PublicEndorsement> published(EndorsedKind kind, UUID endorsed, HostedUrls urls) {
        List<PublicEndorsement> out = new ArrayList<>();
        for (Endorsement e : endorsements.findByEndorsedKindAndEndorsedIdAndStatusOrderByDecidedAtAscIdAsc(kind,
                endorsed, EndorsementStatus.ACCEPTED)) {
            issuers.of(new OrganisationId(e.endorserId())).ifPresent(by -> out.add(
                    new PublicEndorsement(e.id(), by.profile().name(), by.profile().websiteUrl(),
                            CriteriaHtml.cached(String.valueOf(e.comment())), Objects.requireNonNull(e.decidedAt()),
                            urls.ob2Endorsement(e.id().value()), urls.ob3Endorsement(e.id().value()))));
        }
        return out;
    }

    /**
     * The hosted OB 2.0 Endorsement, built from current data; a withdrawn one answers only that it is revoked.
     * Empty for a request not accepted.
     */
    public Optional<HostedEndorsement> ob2(EndorsementId id, HostedUrls urls) {
        return endorsements.findById(id.value()).flatMap(e -> switch (e.status()) {
            case ACCEPTED -> Optional.of(new HostedEndorsement(PublishedDocuments.ob2Endorsement(e.id().value(),
                    e.endorserId(), ob2Claim(e.endorsedKind(), e.endorsedId(), urls), String.valueOf(e.comment()),
                    Objects.requireNonNull(e.decidedAt()), urls), false));
            case WITHDRAWN -> Optional.of(new HostedEndorsement(Ob2DocumentWriter.withdrawnEndorsement(urls.ob2Endorsement(e.id().value())), true));
            default -> Optional.empty();
        });
    }

    /** The OB 3.0 EndorsementCredential as signed, withdrawn or not (its status list says which). */
    public Optional<byte[]> ob3(EndorsementId id) {
        return endorsements.findById(id.value()).map(Endorsement::ob3Credential);
    }

    /**
     * Signs and publishes {@code e}: with the endorser's key, at a bit of its status lists. {@code userId} is who
     * decided: the endorser's member, the person, or the earner accepting an endorsement of their badge.
     */
    EndorsementView publish(Endorsement e, UUID userId, String comment, Target what, HostedUrls urls) {
        OrganisationId endorser = new OrganisationId(e.endorserId());
        boolean person = e.endorserKind() == EndorserKind.PERSON;
        OrganisationProfileView by = (person ? issuers.person(e.endorserId()) : organisations.publicProfile(endorser))
                .orElseThrow(EndorsementRefused::endorserUnknown);
        OrganisationKeys signing = person ? keys.personKeys(e.endorserId()) : keys.signingKeys(endorser);
        Instant now = clock.instant();
        int index = statusLists.allocate(endorser, signing.ed25519Id());
        byte[] credential = PublishedDocuments.ob3Endorsement(e.id().value(), by, what.name(),
                ob3Subject(e.endorsedKind(), e.endorsedId(), urls), comment,
                new PublishedDocuments.Signer(signing.ed25519Id(), signing.ed25519()), now,
                StatusLists.entry(endorser, index, urls), urls);
        e.accept(userId, comment, now, index, credential);
        endorsements.flush();
        log.info("Endorsement {} of {} {} published by {} {}", e.id().value(), e.endorsedKind(),
                e.endorsedId(), person ? "endorsing person" : "organisation", endorser.value());
        if (!person) {
            audit.record(endorser.value(), userId, AuditAction.ENDORSEMENT_ACCEPTED, e.id().value(),
                    Map.of("endorsed", what.name()));
        } else {
            // A person has no log of their own: the endorsed organisation's says it (and sends its webhook).
            audit.record(e.endorsedOrganisationId(), null, AuditAction.ENDORSEMENT_ACCEPTED, e.id().value(),
                    Map.of("endorsed", what.name(), "endorser", by.profile().name()));
        }
        events.publishEvent(new EndorsementsChanged(new OrganisationId(e.endorsedOrganisationId())));
        return view(e, by.profile().name(), what.name(), now);
    }

    private static String ob3Subject(EndorsedKind kind, UUID id, HostedUrls urls) {
        return switch (kind) {
            case ORGANISATION -> urls.ob3Issuer(id);
            case BADGE_CLASS -> urls.ob3Achievement(id);
            case AWARD -> urls.ob3Credential(id);
        };
    }

    private static String ob2Claim(EndorsedKind kind, UUID id, HostedUrls urls) {
        return switch (kind) {
            case ORGANISATION -> urls.ob2Issuer(id);
            case BADGE_CLASS -> urls.ob2BadgeClass(id);
            case AWARD -> urls.ob2Assertion(id);
        };
    }

    /**
     * What is endorsed, checked to exist and be endorsable: an organisation, a published badge class, or an award
     * not revoked ({@code name}, its badge class's).
     */
    record Target(UUID id, UUID organisation, String name) {
    }

    /** An awarded badge is endorsed only at its earner's request, never unasked nor at an organisation's. */
    Target unasked(EndorsedKind kind, UUID id) {
        if (kind == EndorsedKind.AWARD) {
            throw EndorsementRefused.targetUnavailable();
        }
        return target(kind, id);
    }

    /** The award not revoked, and its badge class's name. */
    Optional<AwardView> awardInForce(UUID id) {
        return awards.views(List.of(new AwardId(id))).stream().filter(a -> !a.revoked()).findFirst();
    }

    Target target(EndorsedKind kind, UUID id) {
        return switch (kind) {
            case ORGANISATION -> organisations.publicProfile(new OrganisationId(id))
                    .map(p -> new Target(id, id, p.profile().name()))
                    .orElseThrow(EndorsementRefused::targetUnavailable);
            case BADGE_CLASS -> badgeClasses.publicBadgeClass(new BadgeClassId(id))
                    .filter(b -> b.status() == BadgeClassStatus.PUBLISHED)
                    .map(b -> new Target(id, b.organisation().value(), b.content().name()))
                    .orElseThrow(EndorsementRefused::targetUnavailable);
            case AWARD -> awardInForce(id).flatMap(a -> badgeClasses.publicBadgeClass(a.badgeClass())
                            .map(b -> new Target(id, a.organisation().value(), b.content().name())))
                    .orElseThrow(EndorsementRefused::targetUnavailable);
        };
    }

    private void refuseSelfOrTwice(UUID endorser, EndorsedKind kind, Target what) {
        if (endorser.equals(what.organisation())) {
            throw EndorsementRefused.self();
        }
        Instant now = clock.instant();
        boolean already = endorsements.findByEndorserIdAndEndorsedKindAndEndorsedIdAndStatusIn(endorser, kind,
                        what.id(), List.of(EndorsementStatus.REQUESTED, EndorsementStatus.ACCEPTED)).stream()
                .anyMatch(e -> e.status() == EndorsementStatus.ACCEPTED || e.pending(now));
        if (already) {
            throw EndorsementRefused.twice();
        }
    }

    private Endorsement loadFor(OrganisationId endorser, EndorsementId id) {
        return endorsements.findById(id.value()).filter(e -> e.endorserId().equals(endorser.value()))
                .orElseThrow(() -> new EndorsementNotFound(id));
    }

    static String checkedComment(@Nullable String comment) {
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty()) {
            throw EndorsementRefused.commentMissing();
        }
        if (text.length() > MAX_COMMENT_LENGTH) {
            throw EndorsementRefused.commentTooLong(MAX_COMMENT_LENGTH);
        }
        return text;
    }

    String nameOf(Endorsement e) {
        return switch (e.endorsedKind()) {
            case ORGANISATION -> organisations.publicProfile(new OrganisationId(e.endorsedId()))
                    .map(p -> p.profile().name()).orElse("?");
            case BADGE_CLASS -> badgeClasses.publicBadgeClass(new BadgeClassId(e.endorsedId()))
                    .map(b -> b.content().name()).orElse("?");
            case AWARD -> awards.views(List.of(new AwardId(e.endorsedId()))).stream().findFirst()
                    .flatMap(a -> badgeClasses.publicBadgeClass(a.badgeClass())).map(b -> b.content().name())
                    .orElse("?");
        };
    }

    List<EndorsementView> views(List<Endorsement> list) {
        Instant now = clock.instant();
        return list.stream().map(e -> view(e, endorserName(e), nameOf(e), now)).toList();
    }

    /** The endorser's name; for a person asked by e-mail who has not answered, the address asked. */
    String endorserName(Endorsement e) {
        String asked = e.inviteeEmail();
        if (asked != null && (e.status() == EndorsementStatus.REQUESTED
                || e.status() == EndorsementStatus.DECLINED && e.comment() == null)) {
            return asked;
        }
        return profileName(e.endorserId());
    }

    /** The name at an issuer address: an organisation's or an endorsing person's. */
    String profileName(UUID id) {
        return issuers.of(new OrganisationId(id)).map(p -> p.profile().name()).orElse("?");
    }

    static EndorsementView view(Endorsement e, String endorserName, String endorsedName, Instant now) {
        String state = e.expired(now) ? "EXPIRED" : e.status().name();
        String comment = e.comment();
        return new EndorsementView(e.id(), e.endorserId(), endorserName, e.endorsedKind(), e.endorsedId(),
                e.endorsedOrganisationId(), endorsedName, state, comment,
                comment == null ? null : CriteriaHtml.cached(comment), e.createdAt(), e.expiresAt(), e.decidedAt(),
                e.withdrawnAt());
    }
}
