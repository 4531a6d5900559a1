package org.insigne.core.signing;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * PEM text for public keys ({@code -----BEGIN PUBLIC KEY-----}, RFC 7468 §13: base64 of the X.509
 * SubjectPublicKeyInfo in 64-column lines), as OB 2.0 CryptographicKey {@code publicKeyPem} carries it.
 */
public final class PemKeys {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private PemKeys() {
    }

    public static String encode(PublicKey key) {
        String base64 = Base64.getEncoder().encodeToString(key.getEncoded());
        StringBuilder pem = new StringBuilder(BEGIN).append('\n');
        for (int i = 0; i < base64.length(); i += 64) {
            pem.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
        }
        return pem.append(END).append('\n').toString();
    }

    /** Reads an RSA or EC public key; {@link KeyRejected} when the text is not one. */
    public static PublicKey decode(String pem) throws KeyRejected {
        String text = pem.strip();
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new KeyRejected("signing.key.not-pem");
        }
        String body = text.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException notBase64) {
            throw new KeyRejected("signing.key.not-pem");
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (InvalidKeySpecException | NoSuchAlgorithmException notThisOne) {
                // try the next algorithm
            }
        }
        throw new KeyRejected("signing.key.unsupported");
    }
}
