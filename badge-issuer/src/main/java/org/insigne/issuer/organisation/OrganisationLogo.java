package org.insigne.issuer.organisation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.image.UploadedImage;

/** An organisation's logo, checked on upload, served as it was sent. */
@Entity
@Table(name = "organisation_logo")
class OrganisationLogo extends UploadedImage {

    @Id
    private UUID organisationId;

    protected OrganisationLogo() {
        // for JPA
    }

    OrganisationLogo(OrganisationId organisation, StoredImage image, Instant now) {
        super(image, now);
        this.organisationId = organisation.value();
    }
}
