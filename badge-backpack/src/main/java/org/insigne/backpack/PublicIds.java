package org.insigne.backpack;

import java.security.SecureRandom;
import java.util.Base64;

/** Public addresses: 256 random bits, so that no page can be found from an id, a date or another page. */
public final class PublicIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PublicIds() {
    }

    public static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
