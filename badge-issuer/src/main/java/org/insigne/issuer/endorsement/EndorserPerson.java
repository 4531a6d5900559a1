package org.insigne.issuer.endorsement;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person with an account who endorses in their own name. Their id is the one their published profile, keys
 * and status lists go by; it is not their account's, and it stays when they change the name they show.
 */
@Entity
@Table(name = "endorser_person")
class EndorserPerson {

    @Id
    private UUID id;

    private UUID userId;

    private String displayName;

    private Instant createdAt;

    @Version
    private long version;

    protected EndorserPerson() {
        // for JPA
    }

    EndorserPerson(UUID userId, String displayName, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.displayName = displayName;
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    /** Their account is erased: the row stays for what they signed, but names no account any more. */
    void forgetAccount() {
        this.userId = id;
    }

    /** The name of their public profile now: their next endorsements and their published profile show it. */
    void rename(String name) {
        if (!name.equals(displayName)) {
            this.displayName = name;
        }
    }
}
