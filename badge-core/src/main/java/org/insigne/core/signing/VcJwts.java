package org.insigne.core.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.insigne.core.jsonld.BoundedJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Open Badges 3.0 VC-JWT proofs (OB 3.0 "Proof formats: JSON Web Token", RFC 7515 compact serialisation).
 * Signing writes the VCDM 2.0 form: the credential itself is the payload, plus {@code iss}, {@code jti},
 * {@code sub}, {@code nbf}, {@code exp}. Reading also accepts the VCDM 1.1 form with the credential under
 * {@code vc}. Only EdDSA (Ed25519), ES256 and RS256 are accepted; EdDSA is checked with BouncyCastle over the
 * JWS signing input, which is faster than the JCA path.
 */
public final class VcJwts {

    public static final int MAX_TOKEN_LENGTH = 2 * 1024 * 1024;
    private static final Set<String> ALGORITHMS = Set.of("EdDSA", "ES256", "RS256");

    private VcJwts() {
    }

    /** A token split and parsed, not yet verified. {@code credential} is the payload or its {@code vc} claim. */
    public record DecodedJwt(ObjectNode header, ObjectNode payload, ObjectNode credential, boolean vcClaim,
                             String algorithm, @Nullable String kid, @Nullable JWK jwk, String signingInput,
                             Base64URL signature) {
    }

    public static DecodedJwt decode(String compact) throws VcJwtRejected {
        String token = compact.strip();
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new VcJwtRejected(VcJwtRejected.Reason.TOO_LARGE, String.valueOf(token.length()));
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length == 5) {
            throw new VcJwtRejected(VcJwtRejected.Reason.ENCRYPTED, "JWE");
        }
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new VcJwtRejected(VcJwtRejected.Reason.MALFORMED, parts.length + " parts");
        }
        ObjectNode header = object(parts[0], "header");
        String algorithm = header.path("alg").isString() ? header.get("alg").asString() : "";
        if (!ALGORITHMS.contains(algorithm)) {
            throw new VcJwtRejected(VcJwtRejected.Reason.ALGORITHM_REFUSED, algorithm);
        }
        if (header.has("crit") || header.has("enc") || header.has("zip")) {
            throw new VcJwtRejected(VcJwtRejected.Reason.HEADER_REFUSED, "crit/enc/zip");
        }
        if (parts[2].isEmpty()) {
            throw new VcJwtRejected(VcJwtRejected.Reason.MALFORMED, "empty signature");
        }
        JWK jwk = null;
        JsonNode jwkNode = header.get("jwk");
        if (jwkNode != null) {
            try {
                jwk = JWK.parse(BoundedJson.MAPPER.writeValueAsString(jwkNode));
            } catch (java.text.ParseException e) {
                throw new VcJwtRejected(VcJwtRejected.Reason.MALFORMED, "jwk");
            }
            if (jwk.isPrivate()) {
                throw new VcJwtRejected(VcJwtRejected.Reason.HEADER_REFUSED, "private jwk");
            }
        }
        ObjectNode payload = object(parts[1], "payload");
        boolean vcClaim = payload.get("vc") instanceof ObjectNode;
        ObjectNode credential = vcClaim ? (ObjectNode) payload.get("vc") : payload;
        if (!credential.has("@context") && !credential.has("type")) {
            throw new VcJwtRejected(VcJwtRejected.Reason.MALFORMED, "no credential in payload");
        }
        String kid = header.path("kid").isString() ? header.get("kid").asString() : null;
        return new DecodedJwt(header, payload, credential, vcClaim, algorithm, kid, jwk,
                parts[0] + "." + parts[1], new Base64URL(parts[2]));
    }

    /**
     * True when the signature verifies for the token's algorithm with the issuer's key, given as raw Ed25519
     * bytes or as a public JWK.
     */
    public static boolean verifySignature(DecodedJwt jwt, byte @Nullable [] ed25519, @Nullable JWK jwk) {
        byte[] input = jwt.signingInput().getBytes(StandardCharsets.US_ASCII);
        try {
            switch (jwt.algorithm()) {
                case "EdDSA" -> {
                    byte[] raw = ed25519;
                    if (raw == null && jwk instanceof OctetKeyPair okp && "Ed25519".equals(okp.getCurve().getName())) {
                        raw = okp.getDecodedX();
                    }
                    return raw != null && Ed25519Keys.verify(raw, input, jwt.signature().decode());
                }
                case "ES256" -> {
                    if (jwk instanceof ECKey ec) {
                        return new ECDSAVerifier(ec).verify(new JWSHeader(JWSAlgorithm.ES256), input, jwt.signature());
                    }
                    return false;
                }
                case "RS256" -> {
                    if (jwk instanceof RSAKey rsa) {
                        return new RSASSAVerifier(rsa).verify(new JWSHeader(JWSAlgorithm.RS256), input, jwt.signature());
                    }
                    return false;
                }
                default -> {
                    return false;
                }
            }
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Names of the registered claims that disagree with the credential (OB 3.0 "Verifying", HOSTILE S5):
     * {@code iss}/issuer id, {@code jti}/id, {@code sub}/credentialSubject.id, {@code nbf}/validFrom (or
     * issuanceDate), {@code exp}/validUntil (or expirationDate). A claim present with the wrong JSON type
     * disagrees too.
     */
    public static List<String> claimDisagreements(DecodedJwt jwt) {
        ObjectNode payload = jwt.payload();
        ObjectNode credential = jwt.credential();
        List<String> wrong = new ArrayList<>();
        compareText(payload, "iss", issuerId(credential), wrong);
        compareText(payload, "jti", text(credential.get("id")), wrong);
        compareText(payload, "sub", text(credential.path("credentialSubject").get("id")), wrong);
        compareTime(payload, "nbf", firstText(credential, "validFrom", "issuanceDate"), wrong);
        compareTime(payload, "exp", firstText(credential, "validUntil", "expirationDate"), wrong);
        return wrong;
    }

    /** {@code exp} as an instant, when present and numeric. */
    public static @Nullable Instant expiry(DecodedJwt jwt) {
        JsonNode exp = jwt.payload().get("exp");
        return exp != null && exp.isNumber() ? Instant.ofEpochSecond(exp.longValue()) : null;
    }

    /** {@code nbf} as an instant, when present and numeric. */
    public static @Nullable Instant notBefore(DecodedJwt jwt) {
        JsonNode nbf = jwt.payload().get("nbf");
        return nbf != null && nbf.isNumber() ? Instant.ofEpochSecond(nbf.longValue()) : null;
    }

    /** Signs with Ed25519 ({@code alg: EdDSA}); the payload is {@link #payloadOf(ObjectNode)}. */
    public static String signEdDsa(ObjectNode credential, Ed25519Keys.KeyPair keys, String kid) {
        ObjectNode header = BoundedJson.MAPPER.createObjectNode();
        header.put("alg", "EdDSA");
        header.put("kid", kid);
        header.put("typ", "JWT");
        String input = base64url(BoundedJson.MAPPER.writeValueAsBytes(header)) + "."
                + base64url(BoundedJson.MAPPER.writeValueAsBytes(payloadOf(credential)));
        byte[] signature = Ed25519Keys.sign(keys, input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + base64url(signature);
    }

    /** Signs with an EC P-256 ({@code ES256}) or RSA ({@code RS256}) private JWK. */
    public static String sign(ObjectNode credential, JWK privateKey, String kid) throws JOSEException {
        JWSAlgorithm algorithm = privateKey instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
        JWSHeader header = new JWSHeader.Builder(algorithm).keyID(kid)
                .type(com.nimbusds.jose.JOSEObjectType.JWT).build();
        JWSObject jws = new JWSObject(header, new Payload(BoundedJson.MAPPER.writeValueAsString(payloadOf(credential))));
        jws.sign(privateKey instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) privateKey));
        return jws.serialize();
    }

    /** The credential plus the registered claims derived from it (VCDM 2.0 form). */
    public static ObjectNode payloadOf(ObjectNode credential) {
        ObjectNode payload = credential.deepCopy();
        String issuer = issuerId(credential);
        if (issuer != null) {
            payload.put("iss", issuer);
        }
        String id = text(credential.get("id"));
        if (id != null) {
            payload.put("jti", id);
        }
        String subject = text(credential.path("credentialSubject").get("id"));
        if (subject != null) {
            payload.put("sub", subject);
        }
        String from = firstText(credential, "validFrom", "issuanceDate");
        if (from != null) {
            payload.put("nbf", java.time.OffsetDateTime.parse(from).toEpochSecond());
        }
        String until = firstText(credential, "validUntil", "expirationDate");
        if (until != null) {
            payload.put("exp", java.time.OffsetDateTime.parse(until).toEpochSecond());
        }
        return payload;
    }

    public static @Nullable String issuerId(JsonNode credential) {
        JsonNode issuer = credential.get("issuer");
        if (issuer == null) {
            return null;
        }
        return issuer.isString() ? issuer.asString() : text(issuer.get("id"));
    }

    private static void compareText(ObjectNode payload, String claim, @Nullable String expected, List<String> wrong) {
        JsonNode value = payload.get(claim);
        if (value != null && (!value.isString() || !Objects.equals(value.asString(), expected))) {
            wrong.add(claim);
        }
    }

    private static void compareTime(ObjectNode payload, String claim, @Nullable String expected, List<String> wrong) {
        JsonNode value = payload.get(claim);
        if (value == null) {
            return;
        }
        if (!value.isIntegralNumber()) {
            wrong.add(claim);
            return;
        }
        if (expected == null) {
            // exp without validUntil sets the expiry (OB 3.0 "Verifying" step 7); nbf always needs validFrom.
            if ("nbf".equals(claim)) {
                wrong.add(claim);
            }
            return;
        }
        try {
            if (java.time.OffsetDateTime.parse(expected).toEpochSecond() != value.longValue()) {
                wrong.add(claim);
            }
        } catch (java.time.format.DateTimeParseException e) {
            wrong.add(claim);
        }
    }

    private static @Nullable String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node.get(field));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }

    private static ObjectNode object(String part, String what) throws VcJwtRejected {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new VcJwtRejected(VcJwtRejected.Reason.MALFORMED, what);
        }
        try {
            return BoundedJson.readObject(bytes);
        } catch (BoundedJson.JsonUnreadable e) {
            throw new VcJwtRejected(VcJwtRejected.Reason.MALFORMED, what + ": " + e.getMessage());
        }
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
