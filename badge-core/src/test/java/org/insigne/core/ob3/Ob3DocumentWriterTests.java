package org.insigne.core.ob3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.insigne.core.did.DidDocumentWriter;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.fetch.OfflineDocumentFetcher;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.signing.DataIntegrityProofs;
import org.insigne.core.signing.Ed25519Keys;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.Verdict;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link CredentialWriter}, {@link Ob3DocumentWriter} and {@link DidDocumentWriter} write verifies with the
 * core's own verifier: a credential signed with a fresh Ed25519 key, its issuer's keys read from the written
 * Profile, Multikey or DID documents, its status from the written status list or revocation list.
 */
class Ob3DocumentWriterTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Instant ISSUED = Instant.parse("2026-05-01T08:00:00Z");
    private static final String ISSUER = "https://issuer.example/issuers/1";
    private static final String KEY = ISSUER + "/keys/1";
    private static final String STATUS = ISSUER + "/status/0";
    private static final String REVOCATIONS = ISSUER + "/revocations";
    private static final String DID = "did:web:issuer.example:issuers:1";
    private static final String CREDENTIAL = "https://issuer.example/credentials/1";
    private static final String ACHIEVEMENT = "https://issuer.example/achievements/1";

    private final Ed25519Keys.KeyPair keys = Ed25519Keys.generate();
    private final Map<URI, FetchedDocument> served = new HashMap<>();

    @Test
    void credentialVerifiesWithTheWrittenProfileMultikeyAndStatusList() throws Exception {
        publishIssuerDocuments();
        publishStatusList(BitstringStatusList.empty(BitstringStatusList.MIN_BITS).withBit(2, true));

        VerificationReport report = verify(credential(ISSUER, KEY, status(5)));

        assertThat(report.verdict()).as(report.checks().toString()).isEqualTo(Verdict.VALID);
        assertThat(report.check("ob3.proof").orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.check("ob3.status").orElseThrow().messageKey()).isEqualTo("ob3.status.active");
    }

    @Test
    void writtenStatusListRevokesTheCredentialAtItsBit() throws Exception {
        publishIssuerDocuments();
        publishStatusList(BitstringStatusList.empty(BitstringStatusList.MIN_BITS).withBit(5, true));

        VerificationReport report = verify(credential(ISSUER, KEY, status(5)));

        assertThat(report.check("ob3.status").orElseThrow().messageKey()).isEqualTo("ob3.status.revoked");
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void writtenRevocationListRevokesTheCredential() throws Exception {
        publishIssuerDocuments();
        publish(REVOCATIONS, Ob3DocumentWriter.revocationList(new Ob3DocumentWriter.RevocationListDraft(REVOCATIONS,
                ISSUER, List.of(new Ob3DocumentWriter.RevocationListDraft.Revoked(CREDENTIAL, "Attribué par erreur")))));
        ObjectNode credential = CredentialWriter.write(draft(ISSUER, null));
        ObjectNode entry = credential.putObject("credentialStatus");
        entry.put("id", REVOCATIONS);
        entry.put("type", "1EdTechRevocationList");

        VerificationReport report = verify(sign(credential, KEY));

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.check("ob3.status").orElseThrow().args()).contains("Attribué par erreur");
    }

    @Test
    void credentialOfADidWebIssuerVerifiesWithTheWrittenDidDocument() throws Exception {
        publish("https://issuer.example/issuers/1/did.json", DidDocumentWriter.write(new DidDocumentWriter.DidDocumentDraft(
                DID, List.of(ISSUER), List.of(new DidDocumentWriter.Key("key-1", keys.publicKeyMultibase())))));

        VerificationReport report = verify(credential(DID, DID + "#key-1", null));

        assertThat(report.verdict()).as(report.checks().toString()).isEqualTo(Verdict.VALID);
        assertThat(report.check("ob3.proof").orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void achievementDocumentIsTheAchievementCredentialsEmbed() throws Exception {
        ObjectNode document = BoundedJson.readObject(CredentialWriter.writeAchievement(achievement()));
        ObjectNode embedded = (ObjectNode) CredentialWriter.write(draft(ISSUER, null))
                .path("credentialSubject").path("achievement");

        assertThat(document.remove("@context")).hasToString("[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"]");
        assertThat(document).isEqualTo(embedded);
    }

    private void publishIssuerDocuments() {
        Ob3DocumentWriter.Multikey key = new Ob3DocumentWriter.Multikey(KEY, ISSUER, keys.publicKeyMultibase());
        publish(ISSUER, Ob3DocumentWriter.profile(new Ob3DocumentWriter.ProfileDraft(ISSUER, "Les Amis du Quartier",
                "https://amis.example", null, List.of(key))));
        publish(KEY, Ob3DocumentWriter.multikey(key));
    }

    private void publishStatusList(BitstringStatusList bits) throws Exception {
        ObjectNode list = Ob3DocumentWriter.statusList(new Ob3DocumentWriter.StatusListDraft(STATUS, ISSUER, ISSUED,
                "revocation", bits));
        publish(STATUS, BoundedJson.MAPPER.writeValueAsBytes(sign(list, KEY)));
    }

    private static CredentialWriter.StatusEntry status(int index) {
        return new CredentialWriter.StatusEntry(STATUS, index, "revocation");
    }

    private String credential(String issuer, String method, CredentialWriter.@Nullable StatusEntry status) throws Exception {
        return sign(CredentialWriter.write(draft(issuer, status)), method).toString();
    }

    private static CredentialWriter.Draft draft(String issuer, CredentialWriter.@Nullable StatusEntry status) {
        return new CredentialWriter.Draft(CREDENTIAL, new OpenBadgeCredential.Profile(issuer, List.of("Profile"),
                "Les Amis du Quartier", "https://amis.example", null, null, null), ISSUED, null, achievement(),
                new CredentialWriter.Recipient(null, "camille.martin@example.org", "0011"), null, List.of(), status);
    }

    private static OpenBadgeCredential.Achievement achievement() {
        return new OpenBadgeCredential.Achievement(ACHIEVEMENT, List.of("Achievement"), "Animation d'assemblée",
                "A animé une assemblée générale.", new OpenBadgeCredential.Criteria(null, "Animer les débats"),
                new OpenBadgeCredential.Image("https://issuer.example/achievements/1/image", null), "Badge",
                List.of(), List.of("vie associative"), List.of(), null);
    }

    private ObjectNode sign(ObjectNode unsigned, String method) throws Exception {
        return DataIntegrityProofs.standard().sign(unsigned, DataIntegrityProofs.ProofOptions.assertion(method, ISSUED),
                keys);
    }

    private void publish(String url, byte[] document) {
        URI uri = URI.create(url);
        served.put(uri, new FetchedDocument(uri, uri, "application/ld+json", document));
    }

    private VerificationReport verify(String credential) {
        return new Ob3Verifier(new OfflineDocumentFetcher(served), CLOCK).verify(credential, "camille.martin@example.org");
    }

    private VerificationReport verify(ObjectNode credential) {
        return verify(credential.toString());
    }
}
