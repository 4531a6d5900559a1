package org.insigne.issuer.claimcode;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes and reads codes. Ten symbols from an alphabet without look-alikes (no 0/O, 1/I/L, U/V): 29^10, about
 * 4 * 10^14 codes, so that guessing one of a few hundred live codes within the rate limit is hopeless, and
 * short enough to type from a poster. Reading forgives case, spaces and dashes.
 */
public final class ClaimCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    public static final int LENGTH = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ClaimCodes() {
    }

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as stored, or empty when {@code typed} cannot be one (so it is never looked up). */
    public static Optional<String> normalise(String typed) {
        if (typed.length() > 40) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }
}
