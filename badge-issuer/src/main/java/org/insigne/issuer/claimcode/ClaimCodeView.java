package org.insigne.issuer.claimcode;

import java.time.Instant;

import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/** A code as its issuer sees it, with how many times it was used and whether it can still be. */
public record ClaimCodeView(ClaimCodeId id, String code, OrganisationId organisation, BadgeClassId badgeClass,
                            ClaimCodeSettings settings, int used, @Nullable Instant closedAt,
                            ClaimCodeState state) {

    /** The code as printed: two groups of five, easier to read aloud and to type. */
    public String display() {
        return code.length() == 10 ? code.substring(0, 5) + "-" + code.substring(5) : code;
    }

    /** The code's short public address, under the site's base: what its QR code and poster give. */
    public String path() {
        return "/c/" + code;
    }

    public boolean closable() {
        return state == ClaimCodeState.ACTIVE || state == ClaimCodeState.NOT_YET_VALID;
    }
}
