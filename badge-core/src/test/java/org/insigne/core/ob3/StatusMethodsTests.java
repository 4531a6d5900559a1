package org.insigne.core.ob3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.insigne.core.verification.CheckMessages;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Bitstring encoding, the 1EdTech revocation list and suspension. */
class StatusMethodsTests {

    private final Ob3Fixtures fixtures = new Ob3Fixtures();

    @Test
    void countsBitsFromTheMostSignificantBitOfTheFirstByte() throws Exception {
        BitstringStatusList list = BitstringStatusList.empty(BitstringStatusList.MIN_BITS).withBit(0, true).withBit(9, true);

        String encoded = list.encode();
        BitstringStatusList decoded = BitstringStatusList.decode(encoded);

        assertThat(encoded).startsWith("u");
        assertThat(decoded.size()).isEqualTo(131_072);
        assertThat(decoded.get(0)).isTrue();
        assertThat(decoded.get(1)).isFalse();
        assertThat(decoded.get(9)).isTrue();
        byte[] raw = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
                Base64.getUrlDecoder().decode(encoded.substring(1)))).readAllBytes();
        assertThat(raw[0]).isEqualTo((byte) 0x80);
        assertThat(raw[1]).isEqualTo((byte) 0x40);
    }

    @Test
    void refusesListsBelowTheMinimumSizeAndInflationBombs() throws Exception {
        assertThatThrownBy(() -> BitstringStatusList.empty(1024)).isInstanceOf(IllegalArgumentException.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(new byte[BitstringStatusList.MAX_BYTES + 1024]);
        }
        String bomb = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        assertThatThrownBy(() -> BitstringStatusList.decode(bomb))
                .isInstanceOf(BitstringStatusList.StatusListUnreadable.class);
        assertThatThrownBy(() -> BitstringStatusList.decode("unot-gzip"))
                .isInstanceOf(BitstringStatusList.StatusListUnreadable.class);
    }

    @Test
    void readsTheRevocationReasonFromA1EdTechRevocationList() throws Exception {
        ObjectNode credential = fixtures.credential();
        ObjectNode status = credential.putObject("credentialStatus");
        status.put("id", "https://issuer.example/revocations");
        status.put("type", "1EdTechRevocationList");
        fixtures.fetcher.serve("https://issuer.example/revocations", """
                {"id": "https://issuer.example/revocations", "issuer": "%s",
                 "revokedCredential": [{"id": "%s", "revocationReason": "Fraude à l'examen"}]}"""
                .formatted(fixtures.issuer, credential.get("id").asString()));

        VerificationReport report = fixtures.verifier().verify(fixtures.sign(credential).toString(), null);

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(CheckMessages.render(report.check("ob3.status").orElseThrow(), Locale.FRENCH))
                .contains("révoqué").contains("Fraude à l'examen");
    }

    @Test
    void reportsASuspendedCredential() throws Exception {
        BitstringStatusList list = BitstringStatusList.empty(BitstringStatusList.MIN_BITS).withBit(42, true);
        ObjectNode listCredential = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
        listCredential.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
        listCredential.put("id", Ob3Fixtures.STATUS_URL);
        listCredential.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        listCredential.put("issuer", fixtures.issuer);
        ObjectNode subject = listCredential.putObject("credentialSubject");
        subject.put("id", Ob3Fixtures.STATUS_URL + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "suspension");
        subject.put("encodedList", list.encode());
        fixtures.fetcher.serve(Ob3Fixtures.STATUS_URL, fixtures.sign(listCredential).toString());
        ObjectNode credential = fixtures.credential();
        ((ObjectNode) credential.get("credentialStatus")).put("statusPurpose", "suspension");

        VerificationReport report = fixtures.verifier().verify(fixtures.sign(credential).toString(), null);

        assertThat(report.check("ob3.status").orElseThrow().messageKey()).isEqualTo("ob3.status.suspended");
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void doesNotTrustAStatusListFromAnotherIssuer() throws Exception {
        Ob3Fixtures other = new Ob3Fixtures();
        other.publishStatusList(42);
        fixtures.fetcher.serve(Ob3Fixtures.STATUS_URL, other.fetcher.documents.get(Ob3Fixtures.STATUS_URL));

        VerificationReport report = fixtures.verifier().verify(fixtures.sign(fixtures.credential()).toString(), null);

        assertThat(report.check("ob3.status").orElseThrow().messageKey()).isEqualTo("ob3.status.list-unverifiable");
        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
    }

    @Test
    void readsAStatusList2021Entry() throws Exception {
        byte[] bits = new byte[BitstringStatusList.MIN_BITS / 8];
        bits[5] = 0x20; // index 42
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        }
        String list = "https://issuer.example/status/2021";
        fixtures.fetcher.serve(list, """
                {"@context": ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/vc/status-list/2021/v1"],
                 "id": "%1$s", "type": ["VerifiableCredential", "StatusList2021Credential"], "issuer": "%2$s",
                 "issuanceDate": "2026-01-01T00:00:00Z",
                 "credentialSubject": {"id": "%1$s#list", "type": "StatusList2021", "statusPurpose": "revocation",
                                       "encodedList": "%3$s"}}"""
                .formatted(list, fixtures.issuer, Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray())));
        ObjectNode credential = fixtures.credential();
        ((tools.jackson.databind.node.ArrayNode) credential.get("@context")).add("https://w3id.org/vc/status-list/2021/v1");
        ObjectNode status = credential.putObject("credentialStatus");
        status.put("id", list + "#42");
        status.put("type", "StatusList2021Entry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", "42");
        status.put("statusListCredential", list);

        VerificationReport report = fixtures.verifier().verify(fixtures.sign(credential).toString(), null);

        assertThat(report.check("ob3.status").orElseThrow().messageKey()).isEqualTo("ob3.status.revoked");
        assertThat(report.check("ob3.proof").orElseThrow().messageKey()).isEqualTo("ob3.proof.passed");
    }
}
