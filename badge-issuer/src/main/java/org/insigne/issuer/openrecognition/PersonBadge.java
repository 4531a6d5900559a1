package org.insigne.issuer.openrecognition;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A badge a person issued in their own name, with its credential as signed. */
@Entity
@Table(name = "person_badge")
class PersonBadge {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    private PersonBadgeKind kind;

    @Enumerated(EnumType.STRING)
    private PersonBadgeState state;

    private UUID issuerId;

    private UUID issuerUserId;

    private String recipientEmail;

    private @Nullable UUID recipientUserId;

    private String name;

    private String description;

    private @Nullable String narrative;

    private String level;

    private @Nullable String evidenceUrls;

    private byte[] image;

    private byte[] credential;

    private int statusListIndex;

    private Instant createdAt;

    private @Nullable Instant decidedAt;

    private @Nullable Instant revokedAt;

    @Version
    private long version;

    protected PersonBadge() {
        // for JPA
    }

    PersonBadge(UUID id, PersonBadgeKind kind, UUID issuerId, UUID issuerUserId, String recipientEmail,
                @Nullable UUID recipientUserId, PersonBadgeDraft draft, byte[] image, byte[] credential,
                int statusListIndex, Instant now) {
        this.id = id;
        this.kind = kind;
        this.state = kind == PersonBadgeKind.SELF_DECLARED ? PersonBadgeState.ISSUED : PersonBadgeState.OFFERED;
        this.issuerId = issuerId;
        this.issuerUserId = issuerUserId;
        this.recipientEmail = recipientEmail;
        this.recipientUserId = recipientUserId;
        this.name = draft.name();
        this.description = draft.description();
        this.narrative = draft.narrative();
        this.level = draft.level();
        this.evidenceUrls = draft.evidence().isEmpty() ? null : String.join("\n", draft.evidence());
        this.image = image.clone();
        this.credential = credential.clone();
        this.statusListIndex = statusListIndex;
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    PersonBadgeKind kind() {
        return kind;
    }

    PersonBadgeState state() {
        return state;
    }

    UUID issuerId() {
        return issuerId;
    }

    UUID issuerUserId() {
        return issuerUserId;
    }

    String recipientEmail() {
        return recipientEmail;
    }

    @Nullable UUID recipientUserId() {
        return recipientUserId;
    }

    byte[] image() {
        return image.clone();
    }

    byte[] credential() {
        return credential.clone();
    }

    @Nullable Instant revokedAt() {
        return revokedAt;
    }

    /** The recipient took the peer badge into their backpack; claiming again changes nothing. */
    void claim(UUID userId, Instant now) {
        if (state == PersonBadgeState.OFFERED) {
            state = PersonBadgeState.CLAIMED;
            recipientUserId = userId;
            decidedAt = now;
        }
    }

    /** The recipient turned the peer badge down: revoked, so that its credential no longer verifies. */
    void decline(UUID userId, Instant now) {
        state = PersonBadgeState.DECLINED;
        recipientUserId = userId;
        decidedAt = now;
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** The issuer withdraws the badge: its status bit is set from the next list built. */
    void revoke(Instant now) {
        if (revokedAt != null) {
            throw PersonBadgeRefused.alreadyRevoked();
        }
        revokedAt = now;
    }

    PersonBadgeView view(String issuerName) {
        return new PersonBadgeView(id, kind, state, issuerName, recipientEmail, name, description, narrative, level,
                evidenceUrls == null ? List.of() : evidenceUrls.lines().toList(), createdAt, decidedAt, revokedAt);
    }
}
