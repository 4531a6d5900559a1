package org.insigne.backpack.sharing;

/** The owner's public profile settings: where it lives and the name it shows. */
public record ProfileView(String publicId, String displayName) {
}
