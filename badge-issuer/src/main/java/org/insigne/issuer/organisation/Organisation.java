package org.insigne.issuer.organisation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** An association, school or employer that issues badges. */
@Entity
@Table(name = "organisation")
class Organisation {

    @Id
    private UUID id;

    private String name;

    private @Nullable String description;

    private @Nullable String websiteUrl;

    private @Nullable String contactEmail;

    private @Nullable String address;

    private @Nullable String region;

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

    OrganisationProfile profile() {
        return new OrganisationProfile(name, description, websiteUrl, contactEmail, address, region);
    }

    /** Replaces the public profile; the values were checked by {@link OrganisationProfile}. */
    void describe(OrganisationProfile profile) {
        this.name = profile.name();
        this.description = profile.description();
        this.websiteUrl = profile.websiteUrl();
        this.contactEmail = profile.contactEmail();
        this.address = profile.address();
        this.region = profile.region();
    }
}
