package org.insigne.core.signing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64URL;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A compact JWS split and screened before any cryptography: size, shape, algorithm and header rules of
 * hostile-inputs S1–S4 are enforced here, so that a token that reaches {@link Ob2JwsVerifier} can only be
 * checked against a key the verifier chose. The payload is kept exactly as signed.
 */
public final class CompactJws {

    /** Largest accepted token (2 MB), like any JSON document. */
    public static final int MAX_CHARS = 2 * 1024 * 1024;

    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private static final Set<String> KEY_HEADERS = Set.of("jwk", "jku", "x5u", "x5c");

    private static final JsonMapper HEADER_MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(16).maxDocumentLength(64 * 1024).build())
                    .build())
            .build();

    private final JWSObject jws;
    private final JWSAlgorithm algorithm;
    private final byte[] payload;

    private CompactJws(JWSObject jws, JWSAlgorithm algorithm, byte[] payload) {
        this.jws = jws;
        this.algorithm = algorithm;
        this.payload = payload;
    }

    /** True when the text has the shape of a compact JWS or JWE (base64url parts separated by dots). */
    public static boolean looksCompact(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_CHARS) {
            return trimmed.length() > MAX_CHARS && trimmed.startsWith("ey");
        }
        int dots = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
                    || c == '_')) {
                return false;
            }
        }
        return dots == 2 || dots == 4;
    }

    public static CompactJws parse(String compact) throws JwsRejected {
        String text = compact.strip();
        if (text.length() > MAX_CHARS) {
            throw new JwsRejected(JwsRejected.Reason.TOO_LARGE, MAX_CHARS / 1024 / 1024);
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length == 5) {
            throw new JwsRejected(JwsRejected.Reason.ENCRYPTED);
        }
        if (parts.length != 3 || parts[0].isEmpty()) {
            throw new JwsRejected(JwsRejected.Reason.MALFORMED);
        }
        JsonNode header;
        try {
            header = HEADER_MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
        } catch (IllegalArgumentException | JacksonException bad) {
            throw new JwsRejected(JwsRejected.Reason.MALFORMED);
        }
        if (header == null || !header.isObject()) {
            throw new JwsRejected(JwsRejected.Reason.MALFORMED);
        }
        if (header.has("enc")) {
            throw new JwsRejected(JwsRejected.Reason.ENCRYPTED);
        }
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isString()) {
            throw new JwsRejected(JwsRejected.Reason.MALFORMED);
        }
        String algName = alg.stringValue();
        if (algName.isBlank() || "none".equals(algName.strip().toLowerCase(Locale.ROOT))) {
            throw new JwsRejected(JwsRejected.Reason.UNSIGNED);
        }
        if (algName.toUpperCase(Locale.ROOT).startsWith("HS")) {
            throw new JwsRejected(JwsRejected.Reason.SYMMETRIC_ALGORITHM, algName);
        }
        JWSAlgorithm algorithm = JWSAlgorithm.parse(algName);
        if (!ASYMMETRIC.contains(algorithm)) {
            throw new JwsRejected(JwsRejected.Reason.UNSUPPORTED_ALGORITHM, algName);
        }
        for (String name : KEY_HEADERS) {
            if (header.has(name)) {
                throw new JwsRejected(JwsRejected.Reason.EMBEDDED_KEY, name);
            }
        }
        JsonNode cty = header.get("cty");
        if (header.has("crit") || header.has("b64")
                || cty != null && cty.isString() && "JWT".equalsIgnoreCase(cty.stringValue())) {
            throw new JwsRejected(JwsRejected.Reason.UNSUPPORTED_HEADER);
        }
        if (parts[2].isEmpty()) {
            throw new JwsRejected(JwsRejected.Reason.UNSIGNED);
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(parts[1]);
            Base64.getUrlDecoder().decode(parts[2]);
            JWSObject jws = new JWSObject(new Base64URL(parts[0]), new Base64URL(parts[1]), new Base64URL(parts[2]));
            return new CompactJws(jws, algorithm, payload);
        } catch (IllegalArgumentException | java.text.ParseException bad) {
            throw new JwsRejected(JwsRejected.Reason.MALFORMED);
        }
    }

    public JWSAlgorithm algorithm() {
        return algorithm;
    }

    /** The signed bytes, exactly as the issuer signed them. */
    public byte[] payload() {
        return payload.clone();
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The {@code kid} header, if any: a hint only, the key always comes from the issuer profile. */
    public java.util.Optional<String> keyId() {
        return java.util.Optional.ofNullable(jws.getHeader().getKeyID());
    }

    public String serialize() {
        return jws.serialize();
    }

    JWSObject jws() {
        return jws;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompactJws that && serialize().equals(that.serialize());
    }

    @Override
    public int hashCode() {
        return Objects.hash(serialize());
    }
}
