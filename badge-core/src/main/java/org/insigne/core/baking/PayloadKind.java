package org.insigne.core.baking;

/**
 * Which specification a baked payload follows. The image tells them apart by the PNG keyword
 * ({@code openbadges} or {@code openbadgecredential}) or the SVG element and namespace.
 */
public enum PayloadKind {
    /** An Open Badges 2.0 assertion: JSON (hosted), a compact JWS (signed) or, in legacy images, a URL. */
    OB2_ASSERTION,
    /** An Open Badges 3.0 credential: JSON with an embedded proof, or a compact JWS (VC-JWT). */
    OB3_CREDENTIAL
}
