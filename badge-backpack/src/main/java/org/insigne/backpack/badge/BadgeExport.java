package org.insigne.backpack.badge;

/**
 * A badge as its owner takes it away: what we show of it and the bytes exactly as received.
 *
 * @param original the uploaded file, pasted text or URL, byte for byte
 */
public record BadgeExport(StoredBadgeView badge, byte[] original) {

    /** The file name extension that fits the original bytes. */
    public String extension() {
        if (badge.hasImage()) {
            return original.length > 0 && original[0] == (byte) 0x89 ? "png" : "svg";
        }
        return switch (badge.inputKind()) {
            case URL -> "url.txt";
            case TEXT -> "txt";
            case FILE -> original.length > 0 && original[0] == '{' ? "json" : "jws";
        };
    }
}
