package org.insigne.issuer.organisation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An association, school or employer that issues badges. */
@Entity
@Table(name = "organisation")
class Organisation {

    @Id
    private UUID id;

    private String name;

    private Instant createdAt;

    @Version
    private long version;

    protected Organisation() {
        // for JPA
    }

    Organisation(String name, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.createdAt = now;
    }

    OrganisationId id() {
        return new OrganisationId(id);
    }

    String name() {
        return name;
    }

    Instant createdAt() {
        return createdAt;
    }
}
