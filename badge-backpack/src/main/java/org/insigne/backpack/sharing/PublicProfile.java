package org.insigne.backpack.sharing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.insigne.backpack.PublicIds;

/** An earner's public profile page, which exists only while they want it. */
@Entity
@Table(name = "public_profile")
class PublicProfile {

    @Id
    private UUID ownerId;

    private String publicId;

    private String displayName;

    private Instant createdAt;

    @Version
    private long version;

    protected PublicProfile() {
        // for JPA
    }

    PublicProfile(UUID ownerId, String displayName, Instant now) {
        this.ownerId = ownerId;
        this.publicId = PublicIds.next();
        this.displayName = displayName;
        this.createdAt = now;
    }

    UUID ownerId() {
        return ownerId;
    }

    void rename(String displayName) {
        this.displayName = displayName;
    }

    ProfileView view() {
        return new ProfileView(publicId, displayName);
    }
}
