package org.insigne.issuer.publishing;

/** A badge image with a badge baked in, and the file name it is offered for download under. */
public record BakedImage(String mediaType, byte[] bytes, String filename) {

    public BakedImage {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
