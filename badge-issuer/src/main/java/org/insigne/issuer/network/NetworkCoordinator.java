package org.insigne.issuer.network;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A person who may act for a network; only coordinators name others. */
@Entity
@Table(name = "network_coordinator")
class NetworkCoordinator {

    @Id
    private UUID id;

    private UUID networkId;

    private UUID userId;

    private @Nullable UUID addedBy;

    private Instant addedAt;

    protected NetworkCoordinator() {
        // for JPA
    }

    NetworkCoordinator(NetworkId network, UUID userId, @Nullable UUID addedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.networkId = network.value();
        this.userId = userId;
        this.addedBy = addedBy;
        this.addedAt = now;
    }

    NetworkId network() {
        return new NetworkId(networkId);
    }

    UUID userId() {
        return userId;
    }
}
