package org.insigne.issuer.network;

import org.insigne.issuer.organisation.OrganisationProfile;

/** A network's public profile, with whether it has a logo. */
public record NetworkView(NetworkId id, OrganisationProfile profile, boolean hasLogo) {
}
