package org.insigne.backpack;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.fetch.OfflineDocumentFetcher;
import org.insigne.core.ob2.IdentityObject;
import org.insigne.core.ob2.Ob2Json;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verifier;

import tools.jackson.databind.node.ObjectNode;

/**
 * An issuer's site held in memory: a hosted Open Badges 2.0 assertion, its badge class and issuer, served to
 * a real {@link Verifier} through an offline fetcher. It can go down, or revoke the assertion (410 Gone).
 */
public final class IssuerSite {

    public static final String BASE = "https://badges.ligue37.example";

    private final Map<URI, FetchedDocument> documents = new ConcurrentHashMap<>();
    private final Map<URI, FetchFailed.Reason> failures = new ConcurrentHashMap<>();
    private final Verifier verifier;

    public IssuerSite() {
        ObjectNode issuer = object(BASE + "/issuer", "Issuer");
        issuer.put("name", "Ligue de l'enseignement d'Indre-et-Loire");
        issuer.put("url", BASE + "/");
        issuer.put("email", "contact@ligue37.example");
        publish(issuer);
        ObjectNode badge = object(BASE + "/badge", "BadgeClass");
        badge.put("name", "Animateur bénévole");
        badge.put("description", "A animé un atelier pour des enfants pendant une saison.");
        badge.put("image", BASE + "/badge.png");
        badge.putObject("criteria").put("narrative", "Animer au moins dix séances d'atelier.");
        badge.put("issuer", BASE + "/issuer");
        publish(badge);
        DocumentFetcher fetcher = (uri, expect) -> {
            FetchFailed.Reason failure = failures.get(uri);
            if (failure != null) {
                throw failure == FetchFailed.Reason.HTTP_STATUS ? new FetchFailed(uri, failure, 410)
                        : new FetchFailed(uri, failure);
            }
            return new OfflineDocumentFetcher(new HashMap<>(documents)).fetch(uri, expect);
        };
        verifier = new Verifier(fetcher, new Baker(BakingLimits.defaults()), Clock.systemUTC());
    }

    /** Publishes a hosted assertion for {@code email} at {@code BASE/assertions/<number>} and returns its JSON. */
    public String award(int number, String email) {
        ObjectNode assertion = object(BASE + "/assertions/" + number, "Assertion");
        assertion.set("recipient", IdentityObject.hashedEmail(email).json());
        assertion.put("badge", BASE + "/badge");
        assertion.putObject("verification").put("type", "HostedBadge");
        assertion.put("issuedOn", "2026-05-20T09:30:00+02:00");
        publish(assertion);
        return Ob2Json.mapper().writeValueAsString(assertion);
    }

    public byte[] bakedPng(String assertionJson) throws Exception {
        byte[] png;
        try (var in = IssuerSite.class.getResourceAsStream("/badge.png")) {
            png = in.readAllBytes();
        }
        return new Baker(BakingLimits.defaults()).bake(png,
                new BakedPayload(PayloadKind.OB2_ASSERTION, assertionJson, null));
    }

    public void goDown(String path) {
        failures.put(URI.create(BASE + path), FetchFailed.Reason.UNREACHABLE);
    }

    public void revoke(int number) {
        failures.put(URI.create(BASE + "/assertions/" + number), FetchFailed.Reason.HTTP_STATUS);
    }

    public VerificationReport verify(VerificationRequest request) {
        return verifier.verify(request);
    }

    private void publish(ObjectNode json) {
        URI id = URI.create(json.get("id").asString());
        documents.put(id, OfflineDocumentFetcher.json(id, Ob2Json.mapper().writeValueAsString(json)));
    }

    private static ObjectNode object(String id, String type) {
        ObjectNode node = Ob2Json.mapper().createObjectNode();
        node.put("@context", "https://w3id.org/openbadges/v2");
        node.put("id", id);
        node.put("type", type);
        return node;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
