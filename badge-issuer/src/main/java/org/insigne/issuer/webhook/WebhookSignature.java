package org.insigne.issuer.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as Standard Webhooks defines them (standardwebhooks.com, "Signature scheme"): HMAC-SHA256 with the
 * secret's bytes over {@code id.timestamp.body}, base64, prefixed {@code v1,}; several secrets give several
 * signatures separated by spaces, any of which a receiver may accept.
 */
public final class WebhookSignature {

    /** The prefix of a secret as shown to people, before the base64 of its bytes. */
    public static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /** The {@code webhook-signature} header for a message signed with each of {@code secrets}. */
    public static String header(List<byte[]> secrets, String messageId, long timestamp, byte[] body) {
        return secrets.stream().map(secret -> "v1," + sign(secret, messageId, timestamp, body))
                .collect(Collectors.joining(" "));
    }

    static String sign(byte[] secret, String messageId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    static String shown(byte[] secret) {
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(secret);
    }
}
