package org.insigne.backpack.badge;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.insigne.core.baking.ImageFormat;
import org.insigne.core.verification.BadgeView;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.Spec;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.jspecify.annotations.Nullable;

/** One badge an earner keeps: the original bytes, what they show, and what the last verification said. */
@Entity
@Table(name = "backpack_badge")
class BackpackBadge {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_TEXT = 1000;
    private static final int MAX_URL = 2000;

    @Id
    private UUID id;

    private UUID ownerId;

    /** 256 random bits: the public page's address must not be guessable from the database id or anything else. */
    private String publicId;

    private boolean shared;

    private byte[] original;

    @Enumerated(EnumType.STRING)
    private BadgeInput.Kind inputKind;

    private @Nullable String mediaType;

    @Enumerated(EnumType.STRING)
    private Spec spec;

    private String fingerprint;

    private String badgeName;

    private String issuerName;

    private @Nullable String imageUrl;

    private @Nullable String description;

    private @Nullable String criteriaNarrative;

    private @Nullable String criteriaUrl;

    private @Nullable Instant issuedOn;

    private @Nullable Instant expires;

    @Enumerated(EnumType.STRING)
    private VerificationStatus status;

    @Enumerated(EnumType.STRING)
    private RecipientStatus recipientStatus;

    private String lastChecks;

    private Instant lastCheckedAt;

    private Instant importedAt;

    // Learning territory: what a recruiter may filter on, kept from the badge at each import and re-check.
    private @Nullable String level;

    /** Tags, one a line. */
    private @Nullable String tags;

    /** Alignments ("name (framework code)"), one a line. */
    private @Nullable String alignments;

    /** Evidence and endorsers, as {@link BadgeExtras} JSON. */
    private @Nullable String extras;

    @Version
    private long version;

    protected BackpackBadge() {
        // for JPA
    }

    BackpackBadge(NewBadge badge, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = badge.ownerId();
        this.publicId = randomPublicId();
        this.shared = false;
        this.importedAt = now;
        replace(badge, now);
    }

    /** Takes the bytes and what was verified of them from {@code badge}; the owner, address and sharing stay. */
    void replace(NewBadge badge, Instant now) {
        this.original = badge.input().bytes();
        this.inputKind = badge.input().kind();
        ImageFormat format = badge.input().imageFormat();
        this.mediaType = format == null ? null : format == ImageFormat.PNG ? "image/png" : "image/svg+xml";
        this.spec = badge.badge().spec();
        this.fingerprint = badge.fingerprint();
        this.recipientStatus = badge.recipientStatus();
        describe(badge.badge());
        this.status = VerificationStatus.of(badge.verdict());
        this.lastChecks = CheckJson.write(badge.checks());
        this.lastCheckedAt = now;
    }

    private void describe(BadgeView badge) {
        this.badgeName = cut(badge.name(), MAX_TEXT);
        this.issuerName = cut(badge.issuer().name(), MAX_TEXT);
        this.imageUrl = uri(badge.image());
        this.description = badge.description();
        this.criteriaNarrative = badge.criteriaNarrative();
        this.criteriaUrl = uri(badge.criteriaUrl());
        this.issuedOn = badge.issuedOn();
        this.expires = badge.expires();
        this.level = badge.level() == null || badge.level().isBlank() ? null : cut(badge.level().strip(), 200);
        this.tags = lines(badge.tags());
        this.alignments = lines(badge.alignments().stream().map(BackpackBadge::alignment).toList());
        this.extras = BadgeExtras.of(badge).write();
    }

    private static String alignment(BadgeView.Alignment alignment) {
        String code = Stream.of(alignment.targetFramework(), alignment.targetCode())
                .filter(s -> s != null && !s.isBlank()).map(String::strip).collect(Collectors.joining(" "));
        return code.isEmpty() ? alignment.targetName() : alignment.targetName() + " (" + code + ")";
    }

    /** Non-blank values on one line each (line breaks inside a value become spaces), at most 50 of 200 chars. */
    private static @Nullable String lines(List<String> values) {
        String joined = values.stream().map(v -> v.replaceAll("\\s+", " ").strip()).filter(v -> !v.isEmpty())
                .distinct().limit(50).map(v -> cut(v, 200)).collect(Collectors.joining("\n"));
        return joined.isEmpty() ? null : joined;
    }

    /** What the badge says about the skill it stands for, for the learning-territory filter. */
    BadgeSkills skills() {
        return new BadgeSkills(level, split(tags), split(alignments));
    }

    private static List<String> split(@Nullable String lines) {
        return lines == null ? List.of() : List.of(lines.split("\n"));
    }

    /**
     * Records a new verification of the original bytes; the display data follow when the badge was readable. A
     * badge whose recipient was not confirmed becomes the owner's once a verification for one of their
     * confirmed addresses passes the recipient check; until then, a recipient check failing alone does not make
     * the badge itself invalid.
     */
    void recordCheck(VerificationReport report, Instant now) {
        if (recipientStatus == RecipientStatus.NOT_CONFIRMED && RecipientChecks.passed(report)) {
            this.recipientStatus = RecipientStatus.MATCHED;
        }
        this.status = recipientStatus == RecipientStatus.NOT_CONFIRMED && RecipientChecks.onlyTheyFailed(report)
                ? VerificationStatus.VERIFIED : VerificationStatus.of(report.verdict());
        this.lastChecks = CheckJson.write(report.checks());
        this.lastCheckedAt = now;
        BadgeView badge = report.badge();
        if (badge != null) {
            describe(badge);
        }
    }

    void share() {
        if (recipientStatus == RecipientStatus.NOT_CONFIRMED) {
            throw new BadgeNotShareable();
        }
        this.shared = true;
    }

    void unshare() {
        this.shared = false;
    }

    boolean isOwnedBy(UUID userId) {
        return ownerId.equals(userId);
    }

    boolean isShared() {
        return shared;
    }

    BadgeInput input() {
        return new BadgeInput(inputKind, original);
    }

    /**
     * Verifies the original bytes again, for the owner's address when the badge names one (NOT_CONFIRMED: to
     * find whether it is theirs now); a badge that names no address (NOT_LINKED) is checked without one, or it
     * would fail a recipient check it never passed.
     */
    VerificationRequest recheckRequest(@Nullable String recipient) {
        return input().toRequest(recipientStatus == RecipientStatus.NOT_LINKED ? null : recipient);
    }

    @Nullable BadgeImage image() {
        return mediaType == null ? null : new BadgeImage(original, mediaType);
    }

    BadgeId id() {
        return new BadgeId(id);
    }

    UUID ownerId() {
        return ownerId;
    }

    StoredBadgeView view() {
        return new StoredBadgeView(id(), publicId, shared, spec, inputKind, badgeName, issuerName, description,
                criteriaNarrative, toUri(criteriaUrl), toUri(imageUrl), issuedOn, expires, mediaType != null, status,
                recipientStatus, checks(), lastCheckedAt, importedAt, level, shownExtras());
    }

    PublicBadgeView publicView() {
        return new PublicBadgeView(publicId, badgeName, issuerName, description, criteriaNarrative,
                toUri(criteriaUrl), issuedOn, expires, mediaType != null, status, lastCheckedAt,
                checks().stream().filter(c -> !c.id().contains("recipient")).toList(), level, shownExtras());
    }

    /** What the pages show besides the facts (alignments of a badge imported before they were kept: at its next check). */
    private BadgeExtras shownExtras() {
        return BadgeExtras.read(extras).withTags(split(tags));
    }

    private List<Check> checks() {
        return CheckJson.read(lastChecks);
    }

    private static String randomPublicId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static @Nullable String uri(@Nullable URI uri) {
        if (uri == null) {
            return null;
        }
        String text = uri.toString();
        // data: URIs (images embedded in the badge) can be megabytes; we never show remote images anyway.
        return text.length() > MAX_URL ? null : text;
    }

    private static @Nullable URI toUri(@Nullable String text) {
        return text == null ? null : URI.create(text);
    }
}
