package org.insigne.issuer.endorsement;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A person who endorses in their own name: with an account, or through a mailed link without one (then
 * {@code userId} is their own id, naming no account, and they gave a role, an organisation, a website and
 * reached us at {@code email}; their own page is at a token hashing to {@code pageHash}). Their id is the one
 * their published profile, keys and status lists go by; it is not their account's, and it stays when they
 * change the name they show.
 */
@Entity
@Table(name = "endorser_person")
class EndorserPerson {

    @Id
    private UUID id;

    private UUID userId;

    private String displayName;

    private Instant createdAt;

    private @Nullable String role;

    private @Nullable String affiliation;

    private @Nullable String websiteUrl;

    private @Nullable String email;

    private @Nullable String pageHash;

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

    /** A person without an account, as they introduced themselves through the link mailed to {@code email}. */
    static EndorserPerson withoutAccount(EndorserDetails details, String email, String pageHash, Instant now) {
        EndorserPerson p = new EndorserPerson(UUID.randomUUID(), details.name(), now);
        p.userId = p.id;
        p.role = details.role();
        p.affiliation = details.affiliation();
        p.websiteUrl = details.websiteUrl();
        p.email = email;
        p.pageHash = pageHash;
        return p;
    }

    /**
     * They erase what is kept about them: their name gives way to a mark, and nothing else stays but the id
     * their withdrawn endorsements' status lists go by.
     */
    void erase() {
        this.displayName = ERASED;
        this.role = null;
        this.affiliation = null;
        this.websiteUrl = null;
        this.email = null;
        this.pageHash = null;
    }

    /** The name an erased person's profile shows. */
    static final String ERASED = "—";

    String displayName() {
        return displayName;
    }

    @Nullable String role() {
        return role;
    }

    @Nullable String affiliation() {
        return affiliation;
    }

    @Nullable String websiteUrl() {
        return websiteUrl;
    }

    @Nullable String email() {
        return email;
    }

    Instant createdAt() {
        return createdAt;
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
