package org.insigne.issuer.network;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.jspecify.annotations.Nullable;

/** A network of issuers, run by its coordinators; its id is also its issuer address. */
@Entity
@Table(name = "network")
class Network {

    @Id
    private UUID id;

    private String name;

    private @Nullable String description;

    private @Nullable String websiteUrl;

    private @Nullable String region;

    private String baseUrl;

    private Instant createdAt;

    @Version
    private long version;

    protected Network() {
        // for JPA
    }

    Network(OrganisationProfile profile, String baseUrl, Instant now) {
        this.id = UUID.randomUUID();
        this.baseUrl = baseUrl;
        this.createdAt = now;
        describe(profile);
    }

    NetworkId id() {
        return new NetworkId(id);
    }

    /** The public base its documents are signed under. */
    String baseUrl() {
        return baseUrl;
    }

    /** A network publishes what an organisation does, less how to reach it: no contact address, no postal one. */
    OrganisationProfile profile() {
        return new OrganisationProfile(name, description, websiteUrl, null, null, region);
    }

    void describe(OrganisationProfile profile) {
        this.name = profile.name();
        this.description = profile.description();
        this.websiteUrl = profile.websiteUrl();
        this.region = profile.region();
    }
}
