package org.insigne.issuer.network;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/** An organisation invited to a network, and what became of it. */
@Entity
@Table(name = "network_membership")
class NetworkMembership {

    @Id
    private UUID id;

    private UUID networkId;

    private UUID organisationId;

    @Enumerated(EnumType.STRING)
    private MembershipStatus status;

    private UUID invitedBy;

    private Instant invitedAt;

    private @Nullable UUID decidedBy;

    private @Nullable Instant decidedAt;

    private @Nullable Instant endedAt;

    @Version
    private long version;

    protected NetworkMembership() {
        // for JPA
    }

    NetworkMembership(NetworkId network, OrganisationId organisation, UUID invitedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.networkId = network.value();
        this.organisationId = organisation.value();
        this.status = MembershipStatus.INVITED;
        this.invitedBy = invitedBy;
        this.invitedAt = now;
    }

    UUID id() {
        return id;
    }

    NetworkId network() {
        return new NetworkId(networkId);
    }

    OrganisationId organisation() {
        return new OrganisationId(organisationId);
    }

    MembershipStatus status() {
        return status;
    }

    Instant invitedAt() {
        return invitedAt;
    }

    @Nullable Instant since() {
        return decidedAt;
    }

    /** The organisation's owners or administrators answer the invitation: once. */
    void answer(boolean accept, UUID userId, Instant now) {
        if (status != MembershipStatus.INVITED) {
            throw NetworkRefused.notPending();
        }
        this.status = accept ? MembershipStatus.MEMBER : MembershipStatus.DECLINED;
        this.decidedBy = userId;
        this.decidedAt = now;
    }

    /** The organisation leaves, or a coordinator removes it; an open invitation may be withdrawn the same way. */
    void end(boolean removed, Instant now) {
        if (!status.open()) {
            throw NetworkRefused.notMember();
        }
        this.status = removed ? MembershipStatus.REMOVED : MembershipStatus.LEFT;
        this.endedAt = now;
    }
}
