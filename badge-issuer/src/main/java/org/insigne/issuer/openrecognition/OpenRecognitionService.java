package org.insigne.issuer.openrecognition;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.insigne.core.ob2.IdentityObject;
import org.insigne.core.ob3.CredentialWriter;
import org.insigne.core.ob3.OpenBadgeCredential;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.cobuild.BadgeTemplate;
import org.insigne.issuer.key.OrganisationKeys;
import org.insigne.issuer.key.SigningKeyService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationProfileView;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.publishing.IssuerProfiles;
import org.insigne.issuer.publishing.PublishedDocuments;
import org.insigne.issuer.publishing.StatusLists;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Badges persons issue in their own name (open recognition): a badge a person declares for themselves, or one
 * they award to another person by e-mail. Either is an OB 3.0 OpenBadgeCredential signed (eddsa-rdfc-2022) with
 * the keys the platform keeps for the person's issuer profile, with a bit of that profile's status lists, and
 * tagged so that every reader of the document can tell: {@link #SELF_DECLARED_TAG} or {@link #PEER_TAG}.
 */
@Service
@Transactional(readOnly = true)
public class OpenRecognitionService {

    /** The achievement tag of a self-declared badge, in the platform's language as other tags are. */
    public static final String SELF_DECLARED_TAG = "auto-déclaré";

    /** The achievement tag of a badge a person awarded to another. */
    public static final String PEER_TAG = "de pair à pair";

    private static final Logger log = LoggerFactory.getLogger(OpenRecognitionService.class);

    private final PersonBadgeRepository badges;
    private final JdbcTemplate jdbc;
    private final IssuerProfiles profiles;
    private final SigningKeyService keys;
    private final StatusLists statusLists;
    private final Clock clock;

    OpenRecognitionService(PersonBadgeRepository badges, JdbcTemplate jdbc, IssuerProfiles profiles,
                           SigningKeyService keys, StatusLists statusLists, Clock clock) {
        this.badges = badges;
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.keys = keys;
        this.statusLists = statusLists;
        this.clock = clock;
    }

    /** A badge just issued: what its pages show, its signed credential and its drawn image (SVG). */
    public record Issued(PersonBadgeView badge, byte[] credential, byte[] image) {
    }

    /**
     * The person {@code userId}, under the name {@code issuerName}, declares a badge for themselves, received at
     * their confirmed address {@code address}.
     */
    @Transactional
    public Issued declare(UUID userId, String issuerName, @Nullable String address, PersonBadgeDraft draft,
                          HostedUrls urls) {
        if (address == null || !AwardRequest.isPlausibleEmail(address)) {
            throw PersonBadgeRefused.noConfirmedAddress();
        }
        return issue(PersonBadgeKind.SELF_DECLARED, userId, issuerName, address.strip().toLowerCase(Locale.ROOT),
                userId, draft, urls);
    }

    /**
     * The person {@code userId} awards a badge to the person at {@code recipient}, who is none of their own
     * addresses ({@code ownAddresses}); it waits for them to claim it. The same badge (by name) to the same
     * address is refused while the first one stands.
     */
    @Transactional
    public Issued award(UUID userId, String issuerName, Collection<String> ownAddresses, @Nullable String recipient,
                        PersonBadgeDraft draft, HostedUrls urls) {
        String to = recipient == null ? "" : recipient.strip().toLowerCase(Locale.ROOT);
        if (!AwardRequest.isPlausibleEmail(to)) {
            throw PersonBadgeRefused.recipientInvalid();
        }
        if (ownAddresses.stream().anyMatch(own -> own.equalsIgnoreCase(to))) {
            throw PersonBadgeRefused.recipientSelf();
        }
        if (badges.standing(userId, to, draft.name())) {
            throw PersonBadgeRefused.twice();
        }
        return issue(PersonBadgeKind.PEER, userId, issuerName, to, null, draft, urls);
    }

    /**
     * The peer badge made to one of {@code addresses} (the reader's confirmed ones), with its signed credential
     * and image for them to claim; anyone else's reads as unknown.
     */
    public Issued offeredTo(UUID id, Collection<String> addresses) {
        return badges.findById(id).filter(b -> b.kind() == PersonBadgeKind.PEER && isFor(b, addresses))
                .map(b -> new Issued(view(b), b.credential(), b.image()))
                .orElseThrow(() -> new PersonBadgeNotFound(id));
    }

    private static boolean isFor(PersonBadge badge, Collection<String> addresses) {
        return addresses.stream().anyMatch(a -> a.equalsIgnoreCase(badge.recipientEmail()));
    }

    /** The recipient {@code userId} took the peer badge into their backpack. */
    @Transactional
    public void markClaimed(UUID id, UUID userId) {
        PersonBadge badge = badges.findById(id).orElseThrow(() -> new PersonBadgeNotFound(id));
        badge.claim(userId, clock.instant());
        log.info("Peer badge {} claimed by user {}", id, userId);
    }

    /**
     * The recipient, reading at one of their confirmed {@code addresses}, declines the peer badge: it is revoked
     * and never shown. Someone else's badge reads as unknown.
     */
    @Transactional
    public PersonBadgeView decline(UUID id, UUID userId, Collection<String> addresses) {
        PersonBadge badge = badges.findById(id)
                .filter(b -> b.kind() == PersonBadgeKind.PEER && isFor(b, addresses))
                .orElseThrow(() -> new PersonBadgeNotFound(id));
        if (badge.state() != PersonBadgeState.OFFERED) {
            throw PersonBadgeRefused.alreadyDecided();
        }
        badge.decline(userId, clock.instant());
        log.info("Peer badge {} declined by user {}", id, userId);
        return view(badge);
    }

    /** The issuer withdraws one of their badges: revoked in their status list from now on. */
    @Transactional
    public PersonBadgeView revoke(UUID id, UUID userId) {
        PersonBadge badge = badges.findById(id).filter(b -> b.issuerUserId().equals(userId))
                .orElseThrow(() -> new PersonBadgeNotFound(id));
        badge.revoke(clock.instant());
        log.info("Person badge {} revoked by its issuer", id);
        return view(badge);
    }

    /** The badges the person issued, newest first. */
    public List<PersonBadgeView> issuedBy(UUID userId) {
        return badges.findByIssuerUserIdOrderByCreatedAtDesc(userId).stream().map(this::view).toList();
    }

    private Issued issue(PersonBadgeKind kind, UUID userId, String issuerName, String recipient,
                         @Nullable UUID recipientUser, PersonBadgeDraft draft, HostedUrls urls) {
        UUID personId = personIssuer(userId, issuerName);
        OrganisationId owner = new OrganisationId(personId);
        OrganisationProfileView issuer = profiles.person(personId)
                .orElseThrow(() -> new IllegalStateException("issuer profile " + personId + " unreadable"));
        OrganisationKeys signing = keys.personKeys(personId);
        int index = statusLists.allocate(owner, signing.ed25519Id());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        byte[] image = BadgeTemplate.svg(BadgeTemplate.layout(draft.name(), draft.level(), draft.shape(),
                draft.colour()));
        byte[] credential = credential(id, kind, issuer, recipient, draft, image,
                new PublishedDocuments.Signer(signing.ed25519Id(), signing.ed25519()),
                StatusLists.entry(owner, index, urls), now, urls);
        PersonBadge badge = badges.save(new PersonBadge(id, kind, personId, userId, recipient, recipientUser,
                draft, image, credential, index, now));
        log.info("Person badge {} ({}) issued by person issuer {}", id, kind, personId);
        return new Issued(view(badge), credential, image);
    }

    /**
     * The id of the person's issuer profile, made on first need under the name they show now. It is the row
     * persons who endorse already have (decision 0036): one profile, one key and one set of status lists per
     * person, whatever they sign. Written by one upsert, so that two first badges at once make one profile.
     */
    private UUID personIssuer(UUID userId, String name) {
        UUID id = jdbc.queryForObject("""
                insert into endorser_person (id, user_id, display_name, created_at, version) values (?, ?, ?, ?, 0)
                on conflict (user_id) do update set display_name = excluded.display_name,
                    version = endorser_person.version + case when endorser_person.display_name = excluded.display_name
                        then 0 else 1 end
                returning id""", UUID.class, UUID.randomUUID(), userId, name, Timestamp.from(clock.instant()));
        return Objects.requireNonNull(id, "endorser_person id");
    }

    private static byte[] credential(UUID id, PersonBadgeKind kind, OrganisationProfileView issuer, String recipient,
                                     PersonBadgeDraft draft, byte[] image, PublishedDocuments.Signer signer,
                                     CredentialWriter.StatusEntry status, Instant now, HostedUrls urls) {
        UUID personId = issuer.id().value();
        OpenBadgeCredential.Profile profile = new OpenBadgeCredential.Profile(
                urls.ob3IssuerId(personId, signer.pair().publicKeyMultibase()), List.of("Profile"),
                issuer.profile().name(), urls.ob2Issuer(personId), null, null, null);
        // The achievement exists only inside this credential: it has no address of its own to resolve.
        String achievementId = "urn:uuid:" + UUID.nameUUIDFromBytes(("achievement:" + id).getBytes(StandardCharsets.UTF_8));
        List<OpenBadgeCredential.RubricCriterionLevel> levels = new ArrayList<>();
        String achieved = null;
        for (int i = 0; i < PersonBadgeDraft.LEVELS.size(); i++) {
            String level = PersonBadgeDraft.LEVELS.get(i);
            levels.add(new OpenBadgeCredential.RubricCriterionLevel(PublishedDocuments.levelId(achievementId, i), level,
                    null, null));
            if (level.equals(draft.level())) {
                achieved = PublishedDocuments.levelId(achievementId, i);
            }
        }
        OpenBadgeCredential.Achievement achievement = new OpenBadgeCredential.Achievement(achievementId,
                List.of("Achievement"), draft.name(), draft.description(),
                new OpenBadgeCredential.Criteria(null, draft.description()),
                new OpenBadgeCredential.Image("data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(image),
                        null),
                "Badge", List.of(), List.of(kind == PersonBadgeKind.SELF_DECLARED ? SELF_DECLARED_TAG : PEER_TAG),
                List.of(new OpenBadgeCredential.ResultDescription(achievementId + "#levels", "Niveau",
                        "RubricCriterionLevel", levels)), null);
        List<OpenBadgeCredential.Evidence> evidence = draft.evidence().stream()
                .map(url -> new OpenBadgeCredential.Evidence(url, null, null, null)).toList();
        CredentialWriter.Draft unsigned = new CredentialWriter.Draft("urn:uuid:" + id, profile, now, null, achievement,
                new CredentialWriter.Recipient(null, recipient, IdentityObject.hashedEmail(recipient).salt()),
                achieved, evidence, status);
        return PublishedDocuments.sign(CredentialWriter.withSubjectNarrative(CredentialWriter.write(unsigned),
                draft.narrative()), signer, issuer, now, urls, "person badge " + id);
    }

    private PersonBadgeView view(PersonBadge badge) {
        return badge.view(profiles.person(badge.issuerId()).map(p -> p.profile().name()).orElse("?"));
    }
}
