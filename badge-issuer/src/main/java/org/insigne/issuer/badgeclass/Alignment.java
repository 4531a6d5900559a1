package org.insigne.issuer.badgeclass;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.jspecify.annotations.Nullable;

/**
 * A link from the badge to a competence framework entry (OB 2.0 AlignmentObject, OB 3.0 Alignment): ESCO skill,
 * RNCP or RS certification, ROME job. Checked when built: framework, name and an http(s) URL are required.
 */
@Embeddable
public record Alignment(
        String framework,
        @Nullable String code,
        @Column(name = "target_name") String name,
        @Column(name = "target_url") String url) {

    public static final int MAX_FRAMEWORK = 100;
    public static final int MAX_CODE = 100;
    public static final int MAX_NAME = 200;
    public static final int MAX_URL = 500;

    public Alignment {
        framework = required(framework, MAX_FRAMEWORK, "framework");
        code = code == null || code.isBlank() ? null : required(code, MAX_CODE, "code");
        name = required(name, MAX_NAME, "name");
        url = required(url, MAX_URL, "url");
        if (!OrganisationProfile.isWebAddress(url)) {
            throw new InvalidBadgeClass("alignment-url");
        }
    }

    private static String required(@Nullable String value, int max, String field) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw new InvalidBadgeClass("alignment-" + field);
        }
        return stripped;
    }
}
