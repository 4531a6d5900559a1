package org.insigne.issuer.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the database keeps of a secret sent in a link or shown once as a token: its SHA-256, in hexadecimal.
 * The secrets carry 256 random bits, so there is nothing to guess and neither a salt nor a slow hash would add
 * anything; a plain hash lets the secret be found by an index look-up.
 */
public final class SecretHash {

    private SecretHash() {
    }

    public static String of(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
