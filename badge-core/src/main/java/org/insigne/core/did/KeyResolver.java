package org.insigne.core.did;

import com.nimbusds.jose.jwk.JWK;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.signing.Ed25519Keys;
import org.insigne.core.signing.P256Keys;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a verification method URL into a key with its controller. {@code did:key} is decoded locally;
 * {@code did:web} (DID Web Method §3.2: {@code did:web:host%3Aport:path} → {@code https://host:port/path/did.json},
 * no path → {@code /.well-known/did.json}) and {@code https} key URLs are fetched through the
 * {@link DocumentFetcher}, which guards addresses, size and redirects. Anything else is unsupported.
 */
public final class KeyResolver {

    private final DocumentFetcher fetcher;

    public KeyResolver(DocumentFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /**
     * Resolves {@code methodId} for the {@code assertionMethod} relationship (the only one credentials use).
     */
    public VerificationMethod resolve(String methodId) throws KeyNotResolved {
        URI uri = parse(methodId);
        String scheme = String.valueOf(uri.getScheme());
        if ("did".equals(scheme)) {
            String did = methodId.contains("#") ? methodId.substring(0, methodId.indexOf('#')) : methodId;
            if (did.startsWith("did:key:")) {
                return didKey(methodId, did);
            }
            if (did.startsWith("did:web:")) {
                ObjectNode document = fetch(didWebUrl(did, methodId), methodId);
                return fromControllerDocument(document, did, methodId);
            }
            throw new KeyNotResolved(KeyNotResolved.Reason.UNSUPPORTED_METHOD, methodId);
        }
        if ("https".equals(scheme)) {
            URI documentUrl = withoutFragment(uri);
            ObjectNode document = fetch(documentUrl, methodId);
            String controllerId = text(document, "id");
            if (methodId.equals(controllerId) || documentUrl.toString().equals(controllerId) && !document.has("verificationMethod")) {
                return fromMethod(document, methodId, text(document, "controller"));
            }
            return fromControllerDocument(document, controllerId == null ? documentUrl.toString() : controllerId, methodId);
        }
        throw new KeyNotResolved(KeyNotResolved.Reason.UNSUPPORTED_METHOD, methodId);
    }

    /**
     * The DID document (or controller document) of {@code controllerId}, for finding the key a VC-JWT
     * {@code jwk} header must match. Only did:key, did:web and https ids.
     */
    public java.util.List<VerificationMethod> assertionMethods(String controllerId) throws KeyNotResolved {
        URI uri = parse(controllerId);
        if (controllerId.startsWith("did:key:")) {
            return java.util.List.of(didKey(controllerId, controllerId));
        }
        ObjectNode document;
        if (controllerId.startsWith("did:web:")) {
            document = fetch(didWebUrl(controllerId, controllerId), controllerId);
        } else if ("https".equals(uri.getScheme())) {
            document = fetch(withoutFragment(uri), controllerId);
        } else {
            throw new KeyNotResolved(KeyNotResolved.Reason.UNSUPPORTED_METHOD, controllerId);
        }
        java.util.List<VerificationMethod> methods = new java.util.ArrayList<>();
        for (JsonNode method : document.path("verificationMethod")) {
            String id = absolute(text(method, "id"), controllerId);
            if (id != null && listedForAssertion(document, id, controllerId)) {
                try {
                    methods.add(fromMethod(method, id, controllerId));
                } catch (KeyNotResolved unusable) {
                    // another key of the issuer may still match
                }
            }
        }
        for (JsonNode method : document.path("assertionMethod")) {
            if (method.isObject()) {
                String id = absolute(text(method, "id"), controllerId);
                if (id != null) {
                    try {
                        methods.add(fromMethod(method, id, controllerId));
                    } catch (KeyNotResolved unusable) {
                        // as above
                    }
                }
            }
        }
        return methods;
    }

    private static VerificationMethod didKey(String methodId, String did) throws KeyNotResolved {
        String multibase = did.substring("did:key:".length());
        if (methodId.contains("#") && !methodId.substring(methodId.indexOf('#') + 1).equals(multibase)) {
            throw new KeyNotResolved(KeyNotResolved.Reason.NOT_FOUND, methodId);
        }
        return multikey(methodId, did, multibase);
    }

    /** A Multikey value: Ed25519 ({@code z6Mk…}) or P-256 ({@code zDn…}, used by ecdsa-sd-2023 issuers). */
    private static VerificationMethod multikey(String methodId, String controller, String multibase)
            throws KeyNotResolved {
        try {
            return VerificationMethod.ed25519(methodId, controller, Ed25519Keys.decodePublicKeyMultibase(multibase));
        } catch (IllegalArgumentException notEd25519) {
            try {
                return new VerificationMethod(methodId, controller, null, P256Keys.decodePublicKeyMultibase(multibase));
            } catch (IllegalArgumentException e) {
                throw new KeyNotResolved(KeyNotResolved.Reason.UNSUPPORTED_KEY, methodId);
            }
        }
    }

    /** did:web:example.com%3A8443:users:alice → https://example.com:8443/users/alice/did.json */
    static URI didWebUrl(String did, String methodId) throws KeyNotResolved {
        String[] parts = did.substring("did:web:".length()).split(":");
        String host = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        if (host.isEmpty() || host.contains("/") || host.contains("@") || host.contains("?")) {
            throw new KeyNotResolved(KeyNotResolved.Reason.UNSUPPORTED_METHOD, methodId);
        }
        StringBuilder path = new StringBuilder();
        if (parts.length == 1) {
            path.append("/.well-known");
        }
        for (int i = 1; i < parts.length; i++) {
            String segment = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
            if (segment.isEmpty() || segment.contains("/") || segment.equals("..") || segment.equals(".")) {
                throw new KeyNotResolved(KeyNotResolved.Reason.UNSUPPORTED_METHOD, methodId);
            }
            path.append('/').append(segment);
        }
        path.append("/did.json");
        try {
            return new URI("https://" + host + path);
        } catch (URISyntaxException e) {
            throw new KeyNotResolved(KeyNotResolved.Reason.UNSUPPORTED_METHOD, methodId);
        }
    }

    private VerificationMethod fromControllerDocument(ObjectNode document, String controllerId, String methodId)
            throws KeyNotResolved {
        if (!controllerId.equals(text(document, "id"))) {
            throw new KeyNotResolved(KeyNotResolved.Reason.NOT_FOUND, methodId);
        }
        if (!listedForAssertion(document, methodId, controllerId)) {
            throw new KeyNotResolved(KeyNotResolved.Reason.NOT_FOUND, methodId);
        }
        for (String relation : new String[] {"assertionMethod", "verificationMethod"}) {
            for (JsonNode method : document.path(relation)) {
                if (method.isObject() && methodId.equals(absolute(text(method, "id"), controllerId))) {
                    return fromMethod(method, methodId, controllerId);
                }
            }
        }
        throw new KeyNotResolved(KeyNotResolved.Reason.NOT_FOUND, methodId);
    }

    private static boolean listedForAssertion(ObjectNode document, String methodId, String controllerId) {
        for (JsonNode entry : document.path("assertionMethod")) {
            String id = entry.isString() ? entry.asString() : text(entry, "id");
            if (methodId.equals(absolute(id, controllerId))) {
                return true;
            }
        }
        return false;
    }

    private static VerificationMethod fromMethod(JsonNode method, String methodId, @Nullable String declaredController)
            throws KeyNotResolved {
        String controller = text(method, "controller");
        if (controller == null) {
            controller = declaredController;
        }
        if (controller == null) {
            throw new KeyNotResolved(KeyNotResolved.Reason.NOT_FOUND, methodId);
        }
        String multibase = text(method, "publicKeyMultibase");
        if (multibase != null) {
            return multikey(methodId, controller, multibase);
        }
        JsonNode jwk = method.get("publicKeyJwk");
        if (jwk != null && jwk.isObject()) {
            try {
                JWK key = JWK.parse(BoundedJson.MAPPER.writeValueAsString(jwk));
                if (key.isPrivate()) {
                    throw new KeyNotResolved(KeyNotResolved.Reason.UNSUPPORTED_KEY, methodId);
                }
                return new VerificationMethod(methodId, controller, null, key);
            } catch (java.text.ParseException e) {
                throw new KeyNotResolved(KeyNotResolved.Reason.UNSUPPORTED_KEY, methodId);
            }
        }
        throw new KeyNotResolved(KeyNotResolved.Reason.UNSUPPORTED_KEY, methodId);
    }

    private ObjectNode fetch(URI url, String methodId) throws KeyNotResolved {
        if (!"https".equals(url.getScheme())) {
            throw new KeyNotResolved(KeyNotResolved.Reason.UNSUPPORTED_METHOD, methodId);
        }
        try {
            return BoundedJson.readObject(fetcher.fetch(url, DocumentFetcher.Expect.JSON).body());
        } catch (FetchFailed e) {
            throw new KeyNotResolved(e.isOutage() ? KeyNotResolved.Reason.UNREACHABLE : KeyNotResolved.Reason.NOT_FOUND,
                    methodId);
        } catch (BoundedJson.JsonUnreadable e) {
            throw new KeyNotResolved(KeyNotResolved.Reason.NOT_FOUND, methodId);
        }
    }

    private static URI parse(String methodId) throws KeyNotResolved {
        try {
            URI uri = new URI(methodId);
            if (uri.getScheme() == null) {
                throw new KeyNotResolved(KeyNotResolved.Reason.UNSUPPORTED_METHOD, methodId);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new KeyNotResolved(KeyNotResolved.Reason.UNSUPPORTED_METHOD, methodId);
        }
    }

    private static URI withoutFragment(URI uri) throws KeyNotResolved {
        try {
            return new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null);
        } catch (URISyntaxException e) {
            throw new KeyNotResolved(KeyNotResolved.Reason.UNSUPPORTED_METHOD, uri.toString());
        }
    }

    private static @Nullable String absolute(@Nullable String id, String controllerId) {
        if (id != null && id.startsWith("#")) {
            return controllerId + id;
        }
        return id;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
