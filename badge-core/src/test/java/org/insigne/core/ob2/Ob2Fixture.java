package org.insigne.core.ob2;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.fetch.OfflineDocumentFetcher;
import org.insigne.core.signing.Ob2JwsSigner;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small issuer for tests: profile, badge class, key, revocation list and assertions, all served offline.
 * Tests change one document at a time and check that the right check fails.
 */
final class Ob2Fixture {

    static final String EMAIL = "Marie.Curie@Example.org";
    static final URI ISSUER = URI.create("https://issuer.example/issuer.json");
    static final URI BADGE = URI.create("https://issuer.example/badges/robotics.json");
    static final URI KEY = URI.create("https://issuer.example/keys/1.json");
    static final URI REVOCATIONS = URI.create("https://issuer.example/revocations.json");
    static final URI HOSTED = URI.create("https://issuer.example/assertions/1.json");
    static final URI SIGNED = URI.create("urn:uuid:9f0c8d1e-52a2-4f1c-9a4e-1f3b2c6d7e80");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

    final KeyPair keys;
    final Map<URI, FetchedDocument> documents = new HashMap<>();
    final Map<URI, FetchFailed> failures = new HashMap<>();
    final ObjectNode issuer;
    final ObjectNode badge;
    final ObjectNode revocations;
    final IdentityObject recipient = IdentityObject.hashedEmail(EMAIL);

    Ob2Fixture(KeyPair keys) {
        this.keys = keys;
        issuer = object();
        issuer.put("id", ISSUER.toString());
        issuer.put("type", "Issuer");
        issuer.put("name", "École des robots");
        issuer.put("url", "https://issuer.example");
        issuer.put("email", "contact@issuer.example");
        issuer.put("publicKey", KEY.toString());
        issuer.put("revocationList", REVOCATIONS.toString());
        badge = object();
        badge.put("id", BADGE.toString());
        badge.put("type", "BadgeClass");
        badge.put("name", "Robotique — niveau 1");
        badge.put("description", "A construit et programmé un robot.");
        badge.put("image", "https://issuer.example/badges/robotics.png");
        ObjectNode criteria = badge.putObject("criteria");
        criteria.put("narrative", "Construire un robot qui suit une ligne.");
        badge.put("issuer", ISSUER.toString());
        badge.putArray("tags").add("robotique").add("STEM");
        ObjectNode alignment = badge.putArray("alignment").addObject();
        alignment.put("targetName", "Robotics 101");
        alignment.put("targetUrl", "https://standards.example/robotics-101");
        revocations = object();
        revocations.put("id", REVOCATIONS.toString());
        revocations.put("type", "RevocationList");
        revocations.putArray("revokedAssertions").add("urn:uuid:00000000-0000-0000-0000-000000000000");
        publishAll();
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** A small plain PNG to bake badges into. */
    static byte[] blankPng() throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    static ObjectNode object() {
        return Ob2Json.mapper().createObjectNode();
    }

    void publishAll() {
        publish(ISSUER, issuer);
        publish(BADGE, badge);
        publish(REVOCATIONS, revocations);
        publish(KEY, CryptographicKey.of(KEY, ISSUER, keys.getPublic()).json());
    }

    void publish(URI uri, tools.jackson.databind.JsonNode json) {
        documents.put(uri, new FetchedDocument(uri, uri, "application/ld+json", Ob2Writer.write(json)));
    }

    ObjectNode assertion(URI id, boolean signed) {
        ObjectNode assertion = object();
        assertion.put("id", id.toString());
        assertion.put("type", "Assertion");
        assertion.set("recipient", recipient.json());
        assertion.put("badge", BADGE.toString());
        ObjectNode verification = assertion.putObject("verification");
        if (signed) {
            verification.put("type", "SignedBadge");
            verification.put("creator", KEY.toString());
        } else {
            verification.put("type", "HostedBadge");
        }
        assertion.put("issuedOn", "2026-05-20T09:30:00+02:00");
        ArrayNode evidence = assertion.putArray("evidence");
        ObjectNode work = evidence.addObject();
        work.put("id", "https://portfolio.example/robot");
        work.put("narrative", "Vidéo du robot.");
        return assertion;
    }

    /** Hosted assertion JSON text, also published at its id. */
    String hosted() {
        ObjectNode assertion = assertion(HOSTED, false);
        publish(HOSTED, assertion);
        return new String(Ob2Writer.write(assertion), StandardCharsets.UTF_8);
    }

    String signed(ObjectNode assertion) {
        return new Ob2JwsSigner(keys.getPrivate()).sign(Ob2Writer.write(assertion));
    }

    String signed() {
        return signed(assertion(SIGNED, true));
    }

    DocumentFetcher fetcher() {
        Map<URI, FetchedDocument> served = Map.copyOf(documents);
        Map<URI, FetchFailed> failing = Map.copyOf(failures);
        OfflineDocumentFetcher offline = new OfflineDocumentFetcher(served);
        return (uri, expect) -> {
            FetchFailed failure = failing.get(uri);
            if (failure != null) {
                throw failure;
            }
            return offline.fetch(uri, expect);
        };
    }

    Ob2Verifier verifier() {
        return new Ob2Verifier(fetcher(), CLOCK);
    }
}
