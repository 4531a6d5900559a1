package org.insigne.core.ob3;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.signing.DataIntegrityProofs;
import org.insigne.core.signing.Ed25519Keys;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds signed test credentials and serves their status lists and key documents offline. */
final class Ob3Fixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
    static final String STATUS_URL = "https://issuer.example/status/1";
    static final String EMAIL = "camille@example.org";
    static final String SALT = "4f1e0c2d9a8b7c6d";

    final Ed25519Keys.KeyPair keys = Ed25519Keys.generate();
    final String issuer = "did:key:" + keys.publicKeyMultibase();
    final String method = issuer + "#" + keys.publicKeyMultibase();
    final DataIntegrityProofs proofs = DataIntegrityProofs.standard();
    final Fetcher fetcher = new Fetcher();

    /** An unsigned credential with a rubric ("Je fais / Je transmets / Je pilote") and a status entry. */
    ObjectNode credential() {
        ObjectNode c = BoundedJson.MAPPER.createObjectNode();
        c.putArray("@context").add("https://www.w3.org/ns/credentials/v2")
                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        c.put("id", "urn:uuid:6a1c8d2e-4b5f-4c3a-9e7d-1f2a3b4c5d6e");
        c.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        ObjectNode issuerProfile = c.putObject("issuer");
        issuerProfile.put("id", issuer);
        issuerProfile.putArray("type").add("Profile");
        issuerProfile.put("name", "Lycée des Métiers Éole");
        issuerProfile.put("url", "https://eole.example");
        c.put("validFrom", "2026-01-10T08:00:00Z");
        c.put("name", "Soudure TIG");
        ObjectNode subject = c.putObject("credentialSubject");
        subject.putArray("type").add("AchievementSubject");
        ObjectNode identifier = subject.putArray("identifier").addObject();
        identifier.put("type", "IdentityObject");
        identifier.put("hashed", true);
        identifier.put("identityHash", "sha256$" + sha256(EMAIL + SALT));
        identifier.put("identityType", "emailAddress");
        identifier.put("salt", SALT);
        ObjectNode achievement = subject.putObject("achievement");
        achievement.put("id", "https://eole.example/achievements/tig");
        achievement.putArray("type").add("Achievement");
        achievement.put("name", "Soudure TIG");
        achievement.put("description", "Souder des tôles fines en TIG.");
        achievement.putObject("criteria").put("narrative", "Réaliser trois soudures validées par le jury.");
        ObjectNode alignment = achievement.putArray("alignment").addObject();
        alignment.putArray("type").add("Alignment");
        alignment.put("targetName", "RNCP 1234");
        alignment.put("targetUrl", "https://www.francecompetences.fr/recherche/rncp/1234/");
        achievement.putArray("tag").add("soudure").add("métallerie");
        ObjectNode rubric = achievement.putArray("resultDescription").addObject();
        rubric.put("id", "urn:uuid:rd-1");
        rubric.putArray("type").add("ResultDescription");
        rubric.put("name", "Niveau");
        rubric.put("resultType", "RubricCriterionLevel");
        ArrayNode levels = rubric.putArray("rubricCriterionLevel");
        String[] names = {"Je fais", "Je transmets", "Je pilote"};
        for (int i = 0; i < names.length; i++) {
            ObjectNode level = levels.addObject();
            level.put("id", "urn:uuid:level-" + (i + 1));
            level.putArray("type").add("RubricCriterionLevel");
            level.put("name", names[i]);
        }
        ObjectNode result = subject.putArray("result").addObject();
        result.putArray("type").add("Result");
        result.put("resultDescription", "urn:uuid:rd-1");
        result.put("achievedLevel", "urn:uuid:level-2");
        ObjectNode evidence = c.putArray("evidence").addObject();
        evidence.putArray("type").add("Evidence");
        evidence.put("name", "Photos des soudures");
        ObjectNode status = c.putObject("credentialStatus");
        status.put("id", STATUS_URL + "#42");
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", "42");
        status.put("statusListCredential", STATUS_URL);
        return c;
    }

    ObjectNode sign(ObjectNode unsigned) throws Exception {
        return proofs.sign(unsigned, DataIntegrityProofs.ProofOptions.assertion(method,
                Instant.parse("2026-01-10T08:00:00Z")), keys);
    }

    /** Publishes a signed status list with the given bits set. */
    void publishStatusList(int... revoked) throws Exception {
        BitstringStatusList list = BitstringStatusList.empty(BitstringStatusList.MIN_BITS);
        for (int index : revoked) {
            list = list.withBit(index, true);
        }
        ObjectNode c = BoundedJson.MAPPER.createObjectNode();
        c.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
        c.put("id", STATUS_URL);
        c.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        c.put("issuer", issuer);
        c.put("validFrom", "2026-01-01T00:00:00Z");
        ObjectNode subject = c.putObject("credentialSubject");
        subject.put("id", STATUS_URL + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", list.encode());
        fetcher.serve(STATUS_URL, sign(c).toString());
    }

    Ob3Verifier verifier() {
        return new Ob3Verifier(fetcher, CLOCK);
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves fixed documents, records every request, and is "offline" for anything else. */
    static final class Fetcher implements DocumentFetcher {
        final Map<String, String> documents = new HashMap<>();
        final List<URI> requested = new ArrayList<>();

        void serve(String url, String body) {
            documents.put(url, body);
        }

        @Override
        public FetchedDocument fetch(URI uri, Expect expect) throws FetchFailed {
            requested.add(uri);
            String body = documents.get(uri.toString());
            if (body == null) {
                throw new FetchFailed(uri, FetchFailed.Reason.UNREACHABLE);
            }
            return new FetchedDocument(uri, uri, "application/json",
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
