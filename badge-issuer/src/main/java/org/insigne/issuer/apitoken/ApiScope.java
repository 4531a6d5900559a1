package org.insigne.issuer.apitoken;

import java.util.Locale;
import java.util.Optional;

/**
 * What a token may do. Scopes do not include one another: a token that awards and reads has both. The lower-case
 * name is what the API and the stored token use; never rename one.
 */
public enum ApiScope {
    /** Read badge classes, awards, bulk jobs and the activity log. */
    READ,
    /** Award badges, one at a time or in bulk. */
    AWARD,
    /** Revoke awards. */
    REVOKE,
    /** Create, edit, publish and archive badge classes. */
    MANAGE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ApiScope> of(String code) {
        for (ApiScope scope : values()) {
            if (scope.code().equals(code)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
