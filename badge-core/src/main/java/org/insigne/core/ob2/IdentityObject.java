package org.insigne.core.ob2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who a badge was awarded to (OB 2.0 IdentityObject): an email address, URL or telephone number, in clear
 * or as an IdentityHash {@code <alg>$<hex>} with {@code alg} sha256 or md5, computed over
 * UTF-8(identity + salt) with no separator (ob_v2p0 "IdentityHash").
 *
 * <p>E-mail addresses are trimmed and lower-cased before hashing when Insigne issues, and the same is done
 * to a candidate when checking. Because other platforms may have hashed an address as typed, a candidate is
 * also tried trimmed but with its case kept. Hex digests compare case-insensitively.
 */
public record IdentityObject(String type, String identity, boolean hashed, @Nullable String salt, JsonNode json) {

    /** Bytes of fresh salt for issued identities (hostile-inputs A5: at least 16). */
    public static final int SALT_BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    public IdentityObject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(json, "json");
    }

    /** A hashed email identity with a fresh random salt, for issuing. */
    public static IdentityObject hashedEmail(String email) {
        byte[] saltBytes = new byte[SALT_BYTES];
        RANDOM.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        String identity = "sha256$" + digest("SHA-256", normaliseEmail(email) + salt);
        return of("email", identity, true, salt);
    }

    /** A clear identity of the given type ({@code email}, {@code url}, {@code telephone}). */
    public static IdentityObject plain(String type, String identity) {
        String value = "email".equals(type) ? normaliseEmail(identity) : identity.strip();
        return of(type, value, false, null);
    }

    private static IdentityObject of(String type, String identity, boolean hashed, @Nullable String salt) {
        ObjectNode node = Ob2Json.MAPPER.createObjectNode();
        node.put("type", type);
        node.put("hashed", hashed);
        if (salt != null) {
            node.put("salt", salt);
        }
        node.put("identity", identity);
        return new IdentityObject(type, identity, hashed, salt, node);
    }

    /** True when {@code candidate} is this recipient. */
    public boolean matches(String candidate) {
        String trimmed = candidate.strip();
        if (trimmed.isEmpty()) {
            return false;
        }
        boolean email = "email".equalsIgnoreCase(type);
        String normalised = email ? normaliseEmail(trimmed) : trimmed;
        if (!hashed) {
            return email ? identity.strip().equalsIgnoreCase(normalised) : identity.strip().equals(normalised);
        }
        int dollar = identity.indexOf('$');
        if (dollar < 0) {
            return false;
        }
        String algorithm = switch (identity.substring(0, dollar).toLowerCase(Locale.ROOT)) {
            case "sha256" -> "SHA-256";
            case "md5" -> "MD5";
            default -> "";
        };
        if (algorithm.isEmpty()) {
            return false;
        }
        String expected = identity.substring(dollar + 1).strip();
        String suffix = salt == null ? "" : salt;
        return expected.equalsIgnoreCase(digest(algorithm, normalised + suffix))
                || !normalised.equals(trimmed) && expected.equalsIgnoreCase(digest(algorithm, trimmed + suffix));
    }

    static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String digest(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(algorithm, impossible);
        }
    }
}
