package org.insigne.core.ob3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.insigne.core.fetch.OfflineDocumentFetcher;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.signing.DataIntegrityProofs;
import org.insigne.core.signing.Ed25519Keys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class RecognitionListsTests {

    static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final Ed25519Keys.KeyPair keys = Ed25519Keys.generate();
    final String network = "did:key:" + keys.publicKeyMultibase();
    final RecognitionLists lists = new RecognitionLists(new OfflineDocumentFetcher(Map.of()), CLOCK);

    @Test
    void readsBackWhatItSigned() {
        RecognitionLists.Reading reading = lists.read(signed(draft(NOW.plus(45, ChronoUnit.DAYS)), keys), network);

        assertThat(reading.rejection()).isNull();
        assertThat(reading.issuerName()).isEqualTo("Badgeons le 41");
        assertThat(reading.nameOf("https://badges.example.org/ob3/issuers/a")).isEqualTo("Centre social");
        assertThat(reading.nameOf("https://badges.example.org/ob3/issuers/z")).isNull();
    }

    @Test
    void ignoresListsUnsignedTamperedExpiredOrFromAnotherIssuer() {
        ObjectNode unsigned = RecognitionLists.write(draft(NOW.plus(45, ChronoUnit.DAYS)));
        assertThat(lists.read(bytes(unsigned), network).rejection()).isEqualTo(RecognitionLists.Rejection.UNSIGNED);

        ObjectNode tampered = BoundedJson.MAPPER.readValue(signed(draft(NOW.plus(45, ChronoUnit.DAYS)), keys),
                ObjectNode.class);
        ((ObjectNode) tampered.get("credentialSubject").get(0)).put("id", "https://evil.example/issuer");
        assertThat(lists.read(bytes(tampered), network).rejection()).isEqualTo(RecognitionLists.Rejection.BAD_PROOF);

        assertThat(lists.read(signed(draft(NOW.minusSeconds(1)), keys), network).rejection())
                .isEqualTo(RecognitionLists.Rejection.EXPIRED);
        assertThat(lists.read(signed(draft(NOW.plus(45, ChronoUnit.DAYS)), keys), "did:key:z6MkOther").rejection())
                .isEqualTo(RecognitionLists.Rejection.OTHER_ISSUER);
        // Signed by a key that is not the issuer's: the proof's controller is not the list's issuer.
        assertThat(lists.read(signed(draft(NOW.plus(45, ChronoUnit.DAYS)), Ed25519Keys.generate()), network)
                .rejection()).isEqualTo(RecognitionLists.Rejection.BAD_PROOF);
        assertThat(lists.read("{".getBytes(StandardCharsets.UTF_8), network).rejection())
                .isEqualTo(RecognitionLists.Rejection.UNREADABLE);
        assertThat(lists.read("{\"type\":[\"VerifiableCredential\"]}".getBytes(StandardCharsets.UTF_8), null)
                .rejection()).isEqualTo(RecognitionLists.Rejection.NOT_A_LIST);
    }

    @Test
    void writesTheSameEntitiesAsADccRegistry() {
        ObjectNode registry = RecognitionLists.dccRegistry(draft(NOW.plus(45, ChronoUnit.DAYS)));

        assertThat(registry.get("registry").get("https://badges.example.org/ob3/issuers/a").get("url").asString())
                .isEqualTo("https://centre.example.org");
        assertThat(registry.get("registry").get("https://badges.example.org/ob3/issuers/a").get("name").asString())
                .isEqualTo("Centre social");
        assertThat(registry.get("meta").get("updated").asString()).isEqualTo("2026-12-07T10:00:00Z");
    }

    RecognitionLists.Draft draft(Instant validUntil) {
        return new RecognitionLists.Draft("https://badges.example.org/networks/n/recognition", network,
                "Badgeons le 41", NOW.minus(1, ChronoUnit.DAYS), validUntil,
                List.of(new RecognitionLists.Entity("https://badges.example.org/ob3/issuers/a", "Centre social",
                        "https://centre.example.org")));
    }

    byte[] signed(RecognitionLists.Draft draft, Ed25519Keys.KeyPair by) {
        String method = "did:key:" + by.publicKeyMultibase() + "#" + by.publicKeyMultibase();
        try {
            return bytes(DataIntegrityProofs.standard().sign(RecognitionLists.write(draft),
                    DataIntegrityProofs.ProofOptions.assertion(method, NOW.minus(1, ChronoUnit.DAYS)), by));
        } catch (org.insigne.core.jsonld.JsonLdRejected e) {
            throw new AssertionError(e);
        }
    }

    static byte[] bytes(ObjectNode node) {
        return BoundedJson.MAPPER.writeValueAsBytes(node);
    }
}
