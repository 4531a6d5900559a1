package org.insigne.issuer.claimcode;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.insigne.core.error.DomainException.Kind;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/** A code for one badge class, counting its uses; closing it early is final. */
@Entity
@Table(name = "claim_code")
class ClaimCode {

    @Id
    private UUID id;

    private String code;

    private UUID organisationId;

    private UUID badgeClassId;

    @Enumerated(EnumType.STRING)
    private ClaimMode mode;

    private String level;

    private Instant validFrom;

    private Instant validUntil;

    private int maxUses;

    private int used;

    private @Nullable Instant closedAt;

    private UUID createdBy;

    private Instant createdAt;

    @Version
    private long version;

    protected ClaimCode() {
        // for JPA
    }

    ClaimCode(String code, OrganisationId organisation, BadgeClassId badgeClass, ClaimCodeSettings settings,
              UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.organisationId = organisation.value();
        this.badgeClassId = badgeClass.value();
        this.mode = settings.mode();
        this.level = settings.level();
        this.validFrom = settings.validFrom();
        this.validUntil = settings.validUntil();
        this.maxUses = settings.maxUses();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    ClaimCodeState state(Instant now) {
        if (closedAt != null) {
            return ClaimCodeState.CLOSED;
        }
        if (used >= maxUses) {
            return ClaimCodeState.USED_UP;
        }
        if (!now.isBefore(validUntil)) {
            return ClaimCodeState.EXPIRED;
        }
        if (now.isBefore(validFrom)) {
            return ClaimCodeState.NOT_YET_VALID;
        }
        return ClaimCodeState.ACTIVE;
    }

    /** Counts one use; the caller holds the row's lock, so two uses of the last one take turns here. */
    void use(Instant now) {
        ClaimCodeState state = state(now);
        if (state != ClaimCodeState.ACTIVE) {
            throw new ClaimCodeRefused(Kind.CONFLICT, state.key());
        }
        used++;
    }

    void close(Instant now) {
        if (closedAt == null) {
            closedAt = now;
        }
    }

    ClaimCodeId id() {
        return new ClaimCodeId(id);
    }

    OrganisationId organisationId() {
        return new OrganisationId(organisationId);
    }

    BadgeClassId badgeClassId() {
        return new BadgeClassId(badgeClassId);
    }

    ClaimMode mode() {
        return mode;
    }

    String level() {
        return level;
    }

    UUID createdBy() {
        return createdBy;
    }

    ClaimCodeView view(Instant now) {
        return new ClaimCodeView(id(), code, organisationId(), badgeClassId(),
                new ClaimCodeSettings(mode, level, validFrom, validUntil, maxUses), used, closedAt, state(now));
    }
}
