package org.insigne.issuer.endorsement;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How a person without an account introduces themselves when they endorse: their name, and optionally their role,
 * their organisation and a website, all public with the endorsement.
 */
public record EndorserDetails(String name, @Nullable String role, @Nullable String affiliation,
                              @Nullable String websiteUrl) {

    public static final int MAX_NAME = 100;
    public static final int MAX_ROLE = 100;
    public static final int MAX_AFFILIATION = 200;
    public static final int MAX_URL = 500;

    /** What the form sent, trimmed, blank fields as absent; refused when a field is missing or too long. */
    public static EndorserDetails checked(@Nullable String name, @Nullable String role, @Nullable String affiliation,
                                          @Nullable String websiteUrl) {
        String n = blankAsNull(name);
        if (n == null) {
            throw EndorsementRefused.nameMissing();
        }
        String url = blankAsNull(websiteUrl);
        if (url != null && !webAddress(url)) {
            throw EndorsementRefused.websiteInvalid();
        }
        return new EndorserDetails(limited(n, MAX_NAME), limited(blankAsNull(role), MAX_ROLE),
                limited(blankAsNull(affiliation), MAX_AFFILIATION), limited(url, MAX_URL));
    }

    /** The name with the role and organisation, as pages show the endorser. */
    public String described() {
        StringBuilder out = new StringBuilder(name);
        if (role != null) {
            out.append(", ").append(role);
        }
        if (affiliation != null) {
            out.append(" (").append(affiliation).append(')');
        }
        return out.toString();
    }

    private static @Nullable String blankAsNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable String limited(@Nullable String value, int max) {
        if (value != null && value.length() > max) {
            throw EndorsementRefused.fieldTooLong(max);
        }
        return value;
    }

    private static boolean webAddress(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
