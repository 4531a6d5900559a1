package org.insigne.issuer.cobuild;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.insigne.core.error.DomainException.Kind;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * A badge being written with a person. Answers may change while it is a draft; the person's consent freezes
 * them, a refusal ends it, and the award records what was issued.
 */
@Entity
@Table(name = "cobuild")
class CoBuild {

    @Id
    private UUID id;

    private UUID organisationId;

    private UUID startedBy;

    @Enumerated(EnumType.STRING)
    private CoBuildMode mode;

    private String personName;

    private String personEmail;

    private @Nullable String linkHash;

    private @Nullable Instant linkExpiresAt;

    @Enumerated(EnumType.STRING)
    private CoBuildState state;

    private @Nullable String experience;

    private @Nullable String skills;

    private @Nullable String chosenTags;

    private @Nullable String level;

    private @Nullable String evidenceLinks;

    private @Nullable String badgeName;

    private @Nullable String badgeDescription;

    private @Nullable String imageShape;

    private @Nullable String imageColour;

    private @Nullable String imageMediaType;

    private byte @Nullable [] imageBytes;

    private @Nullable Instant consentedAt;

    private @Nullable Instant refusedAt;

    private @Nullable UUID badgeClassId;

    private @Nullable UUID awardId;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    protected CoBuild() {
        // for JPA
    }

    CoBuild(OrganisationId organisation, UUID startedBy, CoBuildMode mode, String personName, String personEmail,
            Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisation.value();
        this.startedBy = startedBy;
        this.mode = mode;
        this.personName = personName;
        this.personEmail = personEmail;
        this.state = CoBuildState.DRAFT;
        this.imageShape = BadgeTemplate.Shape.CIRCLE.name();
        this.imageColour = BadgeTemplate.Colour.BLUE.name();
        this.createdAt = now;
        this.updatedAt = now;
    }

    CoBuildId id() {
        return new CoBuildId(id);
    }

    OrganisationId organisationId() {
        return new OrganisationId(organisationId);
    }

    CoBuildState state() {
        return state;
    }

    String personName() {
        return personName;
    }

    String personEmail() {
        return personEmail;
    }

    /** A new link for the person: only its hash is kept, and it replaces any earlier one. */
    void giveLink(String hash, Instant expiresAt, Instant now) {
        requireDraft();
        this.mode = CoBuildMode.LINK;
        this.linkHash = hash;
        this.linkExpiresAt = expiresAt;
        this.updatedAt = now;
    }

    boolean linkValidAt(Instant now) {
        return linkHash != null && linkExpiresAt != null && now.isBefore(linkExpiresAt);
    }

    void writeExperience(String text, Instant now) {
        requireDraft();
        experience = text;
        updatedAt = now;
    }

    void writeSkills(String text, List<String> tags, Instant now) {
        requireDraft();
        skills = text;
        chosenTags = tags.isEmpty() ? null : String.join("\n", tags);
        updatedAt = now;
    }

    void chooseLevel(String value, Instant now) {
        requireDraft();
        level = value;
        updatedAt = now;
    }

    void giveEvidence(List<String> links, Instant now) {
        requireDraft();
        evidenceLinks = links.isEmpty() ? null : String.join("\n", links);
        updatedAt = now;
    }

    void word(String name, String description, Instant now) {
        requireDraft();
        badgeName = name;
        badgeDescription = description;
        updatedAt = now;
    }

    void chooseTemplate(BadgeTemplate.Shape shape, BadgeTemplate.Colour colour, Instant now) {
        requireDraft();
        imageShape = shape.name();
        imageColour = colour.name();
        imageMediaType = null;
        imageBytes = null;
        updatedAt = now;
    }

    void upload(StoredImage image, Instant now) {
        requireDraft();
        imageMediaType = image.mediaType();
        imageBytes = image.bytes();
        updatedAt = now;
    }

    /** The person accepts the wording; the link, if any, is spent. */
    void consent(Instant now) {
        requireDraft();
        state = CoBuildState.CONSENTED;
        consentedAt = now;
        spendLink(now);
    }

    /** The person says no: nothing will be issued, and the link is spent. */
    void refuse(Instant now) {
        if (state != CoBuildState.DRAFT && state != CoBuildState.CONSENTED) {
            throw new CoBuildRefused(Kind.CONFLICT, "not-open");
        }
        state = CoBuildState.REFUSED;
        refusedAt = now;
        spendLink(now);
    }

    void awarded(BadgeClassId badgeClass, AwardId award, Instant now) {
        if (state != CoBuildState.CONSENTED) {
            throw new CoBuildRefused(Kind.CONFLICT, "not-consented");
        }
        state = CoBuildState.AWARDED;
        badgeClassId = badgeClass.value();
        awardId = award.value();
        updatedAt = now;
    }

    private void spendLink(Instant now) {
        linkHash = null;
        linkExpiresAt = null;
        updatedAt = now;
    }

    private void requireDraft() {
        if (state != CoBuildState.DRAFT) {
            throw new CoBuildRefused(Kind.CONFLICT, "not-draft");
        }
    }

    @Nullable StoredImage uploadedImage() {
        return imageMediaType == null || imageBytes == null ? null : new StoredImage(imageMediaType, imageBytes);
    }

    CoBuildView view() {
        return new CoBuildView(id(), organisationId(), mode, personName, personEmail, state, experience, skills,
                lines(chosenTags), level, lines(evidenceLinks), badgeName, badgeDescription,
                imageShape == null ? BadgeTemplate.Shape.CIRCLE : BadgeTemplate.Shape.valueOf(imageShape),
                imageColour == null ? BadgeTemplate.Colour.BLUE : BadgeTemplate.Colour.valueOf(imageColour),
                imageMediaType != null, linkExpiresAt, badgeClassId == null ? null : new BadgeClassId(badgeClassId),
                awardId == null ? null : new AwardId(awardId), createdAt, updatedAt);
    }

    private static List<String> lines(@Nullable String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
