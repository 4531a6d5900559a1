package org.insigne.issuer.endorsement;

/** A hosted endorsement document: its bytes, and whether it was withdrawn (served with 410 Gone). */
public record HostedEndorsement(byte[] document, boolean withdrawn) {
}
