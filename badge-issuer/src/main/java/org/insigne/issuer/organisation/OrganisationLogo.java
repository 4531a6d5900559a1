package org.insigne.issuer.organisation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.insigne.issuer.image.StoredImage;

/** An organisation's logo, checked on upload, served as it was sent. */
@Entity
@Table(name = "organisation_logo")
class OrganisationLogo {

    @Id
    private UUID organisationId;

    private String mediaType;

    private byte[] bytes;

    private Instant updatedAt;

    @Version
    private long version;

    protected OrganisationLogo() {
        // for JPA
    }

    OrganisationLogo(OrganisationId organisation, StoredImage image, Instant now) {
        this.organisationId = organisation.value();
        replace(image, now);
    }

    void replace(StoredImage image, Instant now) {
        this.mediaType = image.mediaType();
        this.bytes = image.bytes();
        this.updatedAt = now;
    }

    StoredImage image() {
        return new StoredImage(mediaType, bytes);
    }
}
