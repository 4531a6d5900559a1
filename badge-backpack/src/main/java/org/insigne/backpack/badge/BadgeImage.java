package org.insigne.backpack.badge;

/** The original bytes of an uploaded baked badge, with the media type they were sniffed as. */
public record BadgeImage(byte[] bytes, String mediaType) {

    public BadgeImage {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean isSvg() {
        return mediaType.startsWith("image/svg");
    }
}
