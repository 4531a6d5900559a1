package org.insigne.issuer.organisation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A user's place on an organisation's staff. Users live in the web module: they are referred to by id. */
@Entity
@Table(name = "membership")
class Membership {

    @Id
    private UUID id;

    private UUID organisationId;

    private UUID userId;

    @Enumerated(EnumType.STRING)
    private StaffRole role;

    private Instant createdAt;

    @Version
    private long version;

    protected Membership() {
        // for JPA
    }

    Membership(OrganisationId organisation, UUID userId, StaffRole role, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisation.value();
        this.userId = userId;
        this.role = role;
        this.createdAt = now;
    }

    OrganisationId organisationId() {
        return new OrganisationId(organisationId);
    }

    UUID userId() {
        return userId;
    }

    StaffRole role() {
        return role;
    }

    Instant createdAt() {
        return createdAt;
    }

    void changeRole(StaffRole newRole) {
        this.role = newRole;
    }
}
