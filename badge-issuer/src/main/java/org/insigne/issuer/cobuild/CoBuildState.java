package org.insigne.issuer.cobuild;

/** A draft until the person decides; consent leads to the award, a refusal ends it with nothing issued. */
public enum CoBuildState {
    DRAFT, CONSENTED, REFUSED, AWARDED;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
