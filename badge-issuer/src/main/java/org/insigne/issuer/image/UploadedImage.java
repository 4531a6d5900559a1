package org.insigne.issuer.image;

import java.time.Instant;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * A row of a table of uploaded images (organisation logos, badge class images), less its owner's id, which each
 * table names after its owner: the image as it was accepted, when it last changed, and a version so that two
 * concurrent replacements do not both win.
 */
@MappedSuperclass
public abstract class UploadedImage {

    private String mediaType;

    private byte[] bytes;

    private Instant updatedAt;

    @Version
    private long version;

    protected UploadedImage() {
        // for JPA
    }

    protected UploadedImage(StoredImage image, Instant now) {
        replace(image, now);
    }

    public void replace(StoredImage image, Instant now) {
        this.mediaType = image.mediaType();
        this.bytes = image.bytes();
        this.updatedAt = now;
    }

    public StoredImage image() {
        return new StoredImage(mediaType, bytes);
    }
}
