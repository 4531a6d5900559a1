package org.insigne.core.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.FetchPolicy;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.fetch.HttpDocumentFetcher;
import org.insigne.core.signing.Ed25519Keys;
import org.insigne.testing.HostileInput;
import org.insigne.testing.InternalServer;
import org.junit.jupiter.api.Test;

class KeyResolverTests {

    private final Map<String, String> documents = new HashMap<>();
    private final List<URI> requested = new ArrayList<>();
    private final DocumentFetcher fetcher = (uri, expect) -> {
        requested.add(uri);
        String body = documents.get(uri.toString());
        if (body == null) {
            throw new FetchFailed(uri, FetchFailed.Reason.UNREACHABLE);
        }
        return new FetchedDocument(uri, uri, "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    };
    private final KeyResolver resolver = new KeyResolver(fetcher);
    private final Ed25519Keys.KeyPair keys = Ed25519Keys.generate();

    @Test
    void decodesP256MultikeysAsJwks() throws Exception {
        // The P-256 key of 1EdTech's selective-disclosure sample (ecdsa-sd-2023).
        String multikey = "zDnaekGZTbQBerwcehBSXLqAg6s55hVEBms1zFy89VHXtJSa9";
        String did = "did:key:" + multikey;
        documents.put("https://issuer.example/keys", """
                {"id": "https://issuer.example/keys", "assertionMethod": ["https://issuer.example/keys#p256"],
                 "verificationMethod": [{"id": "https://issuer.example/keys#p256", "type": "Multikey",
                   "controller": "https://issuer.example/keys", "publicKeyMultibase": "%s"}]}""".formatted(multikey));

        VerificationMethod fromDid = resolver.resolve(did + "#" + multikey);
        VerificationMethod fromDocument = resolver.resolve("https://issuer.example/keys#p256");

        assertThat(fromDid.ed25519()).isNull();
        assertThat(fromDid.jwk()).isInstanceOf(com.nimbusds.jose.jwk.ECKey.class);
        assertThat(((com.nimbusds.jose.jwk.ECKey) fromDid.jwk()).getCurve()).isEqualTo(com.nimbusds.jose.jwk.Curve.P_256);
        assertThat(fromDocument.jwk()).isEqualTo(fromDid.jwk());
        assertThat(fromDocument.controller()).isEqualTo("https://issuer.example/keys");
    }

    @Test
    void decodesDidKeyLocally() throws Exception {
        String did = "did:key:" + keys.publicKeyMultibase();

        VerificationMethod method = resolver.resolve(did + "#" + keys.publicKeyMultibase());

        assertThat(method.controller()).isEqualTo(did);
        assertThat(method.ed25519()).isEqualTo(keys.publicKey());
        assertThat(requested).isEmpty();
    }

    @Test
    @HostileInput("F6")
    void mapsDidWebToHttpsDocumentUrls() throws Exception {
        assertThat(KeyResolver.didWebUrl("did:web:example.com", "x")).hasToString("https://example.com/.well-known/did.json");
        assertThat(KeyResolver.didWebUrl("did:web:example.com%3A8443:users:alice", "x"))
                .hasToString("https://example.com:8443/users/alice/did.json");
        assertThatThrownBy(() -> KeyResolver.didWebUrl("did:web:example.com:..:etc", "x"))
                .isInstanceOf(KeyNotResolved.class);
    }

    @Test
    @HostileInput({"F6", "F1"})
    void refusesADidWebOnAnInternalHostWithoutConnecting() throws Exception {
        try (InternalServer internal = InternalServer.start()) {
            KeyResolver guarded = new KeyResolver(new HttpDocumentFetcher(FetchPolicy.defaults()));
            int port = internal.port();
            for (String method : List.of("did:web:127.0.0.1%3A" + port + "#key-1",
                    "did:web:localhost%3A" + port + ":users:alice#key-1", "did:web:127.0.0.1%3A6379#key-1",
                    "did:web:169.254.169.254#key-1", "did:web:10.0.0.1:issuer#key-1", "did:web:2130706433%3A" + port)) {
                assertThatThrownBy(() -> guarded.resolve(method)).as(method).isInstanceOf(KeyNotResolved.class)
                        .satisfies(e -> assertThat(((KeyNotResolved) e).isOutage()).as(method).isFalse());
            }
            assertThat(internal.hits()).isZero();
        }
    }

    @Test
    void resolvesADidWebAssertionMethod() throws Exception {
        String did = "did:web:issuer.example";
        documents.put("https://issuer.example/.well-known/did.json", """
                {"id": "%1$s", "verificationMethod": [{"id": "%1$s#key-1", "type": "Multikey",
                  "controller": "%1$s", "publicKeyMultibase": "%2$s"}], "assertionMethod": ["#key-1"]}"""
                .formatted(did, keys.publicKeyMultibase()));

        VerificationMethod method = resolver.resolve(did + "#key-1");

        assertThat(method.controller()).isEqualTo(did);
        assertThat(method.ed25519()).isEqualTo(keys.publicKey());
    }

    @Test
    void refusesAKeyNotListedForAssertions() {
        String did = "did:web:issuer.example";
        documents.put("https://issuer.example/.well-known/did.json", """
                {"id": "%1$s", "verificationMethod": [{"id": "%1$s#key-1", "type": "Multikey",
                  "controller": "%1$s", "publicKeyMultibase": "%2$s"}], "authentication": ["#key-1"]}"""
                .formatted(did, keys.publicKeyMultibase()));

        assertThatThrownBy(() -> resolver.resolve(did + "#key-1")).isInstanceOf(KeyNotResolved.class)
                .extracting(e -> ((KeyNotResolved) e).reason()).isEqualTo(KeyNotResolved.Reason.NOT_FOUND);
    }

    @Test
    void resolvesAnHttpsMultikeyDocumentWithItsController() throws Exception {
        documents.put("https://issuer.example/keys/1", """
                {"@context": "https://w3id.org/security/multikey/v1", "id": "https://issuer.example/keys/1",
                 "type": "Multikey", "controller": "https://issuer.example/profile",
                 "publicKeyMultibase": "%s"}""".formatted(keys.publicKeyMultibase()));

        VerificationMethod method = resolver.resolve("https://issuer.example/keys/1");

        assertThat(method.controller()).isEqualTo("https://issuer.example/profile");
    }

    @Test
    @HostileInput({"F4", "F6"})
    void refusesUnsupportedMethodsWithoutFetching() {
        for (String method : List.of("z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x", "did:example:123#k",
                "xxx:abc", "http://issuer.example/key", "file:///etc/passwd")) {
            assertThatThrownBy(() -> resolver.resolve(method)).as(method).isInstanceOf(KeyNotResolved.class)
                    .extracting(e -> ((KeyNotResolved) e).reason()).isEqualTo(KeyNotResolved.Reason.UNSUPPORTED_METHOD);
        }
        assertThat(requested).isEmpty();
    }

    @Test
    void reportsAnUnreachableKeyAsAnOutage() {
        assertThatThrownBy(() -> resolver.resolve("did:web:down.example#key-1"))
                .isInstanceOf(KeyNotResolved.class)
                .satisfies(e -> assertThat(((KeyNotResolved) e).isOutage()).isTrue());
    }
}
