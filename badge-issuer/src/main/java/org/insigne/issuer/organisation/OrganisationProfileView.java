package org.insigne.issuer.organisation;

import org.jspecify.annotations.Nullable;

/** An organisation's public profile, with its logo's media type when it has one. */
public record OrganisationProfileView(OrganisationId id, OrganisationProfile profile, @Nullable String logoMediaType) {

    public boolean hasLogo() {
        return logoMediaType != null;
    }
}
