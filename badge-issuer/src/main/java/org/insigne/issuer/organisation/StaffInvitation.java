package org.insigne.issuer.organisation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** An e-mailed offer to join an organisation's staff with a role: single use, expiring; only the token's hash is kept. */
@Entity
@Table(name = "staff_invitation")
class StaffInvitation {

    @Id
    private UUID id;

    private UUID organisationId;

    private String email;

    @Enumerated(EnumType.STRING)
    private StaffRole role;

    private String tokenHash;

    private UUID invitedBy;

    private Instant expiresAt;

    private @Nullable Instant acceptedAt;

    private @Nullable UUID acceptedBy;

    private Instant createdAt;

    @Version
    private long version;

    protected StaffInvitation() {
        // for JPA
    }

    StaffInvitation(OrganisationId organisation, String email, StaffRole role, String tokenHash, UUID invitedBy,
                    Instant expiresAt, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisation.value();
        this.email = email;
        this.role = role;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    OrganisationId organisationId() {
        return new OrganisationId(organisationId);
    }

    String email() {
        return email;
    }

    StaffRole role() {
        return role;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** Refuses an invitation already accepted or past its date, without spending it. */
    void checkOpen(Instant now) {
        if (acceptedAt != null) {
            throw new InvalidInvitation(InvalidInvitation.Why.USED);
        }
        if (!now.isBefore(expiresAt)) {
            throw new InvalidInvitation(InvalidInvitation.Why.EXPIRED);
        }
    }

    /** Spends the invitation for {@code userId}; refuses a second time or once expired. */
    void accept(UUID userId, Instant now) {
        checkOpen(now);
        this.acceptedAt = now;
        this.acceptedBy = userId;
    }
}
