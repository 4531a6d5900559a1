package org.insigne.issuer.organisation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What an organisation says about itself on its badges. Built only from checked values: blank optional
 * fields become absent, the website is an absolute http(s) address, the contact a plausible e-mail address.
 */
public record OrganisationProfile(String name, @Nullable String description, @Nullable String websiteUrl,
                                  @Nullable String contactEmail, @Nullable String address, @Nullable String region) {

    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_URL = 500;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_ADDRESS = 500;
    public static final int MAX_REGION = 100;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public OrganisationProfile {
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > OrganisationService.MAX_NAME_LENGTH) {
            throw new InvalidOrganisationName(OrganisationService.MAX_NAME_LENGTH);
        }
        description = optional(description, MAX_DESCRIPTION, "description");
        websiteUrl = optional(websiteUrl, MAX_URL, "website");
        if (websiteUrl != null && !isWebAddress(websiteUrl)) {
            throw new InvalidOrganisationProfile("website");
        }
        contactEmail = optional(contactEmail, MAX_EMAIL, "contact-email");
        if (contactEmail != null) {
            if (!EMAIL.matcher(contactEmail).matches()) {
                throw new InvalidOrganisationProfile("contact-email");
            }
            contactEmail = contactEmail.toLowerCase(Locale.ROOT);
        }
        address = optional(address, MAX_ADDRESS, "address");
        region = optional(region, MAX_REGION, "region");
    }

    /** True for an absolute {@code http} or {@code https} URL with a host, which is all a badge may link to. */
    public static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isEmpty() && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static @Nullable String optional(@Nullable String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidOrganisationProfile(field);
        }
        return stripped;
    }
}
