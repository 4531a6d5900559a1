package org.insigne.issuer.badgeclass;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.insigne.issuer.image.StoredImage;

/** A badge class's image, checked on upload, served as it was sent. */
@Entity
@Table(name = "badge_class_image")
class BadgeClassImage {

    @Id
    private UUID badgeClassId;

    private String mediaType;

    private byte[] bytes;

    private Instant updatedAt;

    @Version
    private long version;

    protected BadgeClassImage() {
        // for JPA
    }

    BadgeClassImage(BadgeClassId badgeClass, StoredImage image, Instant now) {
        this.badgeClassId = badgeClass.value();
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
