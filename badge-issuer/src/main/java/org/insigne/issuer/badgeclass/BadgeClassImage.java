package org.insigne.issuer.badgeclass;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.image.UploadedImage;

/** A badge class's image, checked on upload, served as it was sent. */
@Entity
@Table(name = "badge_class_image")
class BadgeClassImage extends UploadedImage {

    @Id
    private UUID badgeClassId;

    protected BadgeClassImage() {
        // for JPA
    }

    BadgeClassImage(BadgeClassId badgeClass, StoredImage image, Instant now) {
        super(image, now);
        this.badgeClassId = badgeClass.value();
    }
}
