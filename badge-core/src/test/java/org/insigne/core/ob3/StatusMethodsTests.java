package org.insigne.core.ob3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckMessages;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.testing.HostileInput;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Bitstring encoding, the 1EdTech revocation list, suspension, and whose status lists are believed. */
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
    @HostileInput("B2")
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
    void readsAStatusListSignedByAnotherIssuerAndSaysWhoSignedIt() throws Exception {
        Ob3Fixtures service = new Ob3Fixtures();
        service.publishStatusList(42);
        fixtures.fetcher.serve(Ob3Fixtures.STATUS_URL, service.fetcher.documents.get(Ob3Fixtures.STATUS_URL));

        VerificationReport report = fixtures.verifier().verify(fixtures.sign(fixtures.credential()).toString(), null);

        assertThat(report.check("ob3.status").orElseThrow().messageKey()).isEqualTo("ob3.status.revoked");
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        Check listIssuer = report.check("ob3.status-list").orElseThrow();
        assertThat(listIssuer.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(listIssuer.args()).containsExactly(service.issuer, fixtures.issuer);
        assertThat(CheckMessages.render(listIssuer, Locale.FRENCH)).contains("signée par " + service.issuer)
                .contains("pas par l'émetteur du badge");
        assertThat(CheckMessages.render(listIssuer, Locale.ENGLISH)).contains("not by the badge issuer");
    }

    @Test
    void keepsABadgeValidOnAnotherIssuersListButWithTheWarning() throws Exception {
        Ob3Fixtures service = new Ob3Fixtures();
        service.publishStatusList(7);
        fixtures.fetcher.serve(Ob3Fixtures.STATUS_URL, service.fetcher.documents.get(Ob3Fixtures.STATUS_URL));

        VerificationReport report = fixtures.verifier().verify(fixtures.sign(fixtures.credential()).toString(), null);

        assertThat(report.check("ob3.status").orElseThrow().messageKey()).isEqualTo("ob3.status.active");
        assertThat(report.check("ob3.status-list").orElseThrow().status()).isEqualTo(CheckStatus.WARNING);
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void doesNotBelieveAnotherIssuersListUnderTheIssuerOnlyPolicy() throws Exception {
        Ob3Fixtures service = new Ob3Fixtures();
        service.publishStatusList(42);
        fixtures.fetcher.serve(Ob3Fixtures.STATUS_URL, service.fetcher.documents.get(Ob3Fixtures.STATUS_URL));
        Ob3Verifier strict = new Ob3Verifier(fixtures.fetcher, Ob3Fixtures.CLOCK,
                org.insigne.core.jsonld.RdfCanonicalizer.standard(), StatusListTrust.ISSUER_ONLY);

        VerificationReport report = strict.verify(fixtures.sign(fixtures.credential()).toString(), null);

        Check status = report.check("ob3.status").orElseThrow();
        assertThat(status.messageKey()).isEqualTo("ob3.status.list-unverifiable");
        assertThat(status.args()).containsExactly("issuer");
        assertThat(report.check("ob3.status-list")).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
    }

    @Test
    @HostileInput("S13")
    void doesNotBelieveAnotherIssuersListWithoutAValidProof() throws Exception {
        Ob3Fixtures service = new Ob3Fixtures();
        service.publishStatusList(42);
        ObjectNode signed = BoundedJson.readObject(service.fetcher.documents.get(Ob3Fixtures.STATUS_URL));
        ObjectNode unsigned = signed.deepCopy();
        unsigned.remove("proof");
        ObjectNode tampered = signed.deepCopy();
        ((ObjectNode) tampered.get("credentialSubject")).put("encodedList",
                BitstringStatusList.empty(BitstringStatusList.MIN_BITS).encode());

        for (ObjectNode list : new ObjectNode[] {unsigned, tampered}) {
            fixtures.fetcher.serve(Ob3Fixtures.STATUS_URL, list.toString());

            VerificationReport report = fixtures.verifier().verify(fixtures.sign(fixtures.credential()).toString(), null);

            Check status = report.check("ob3.status").orElseThrow();
            assertThat(status.messageKey()).isEqualTo("ob3.status.list-unverifiable");
            assertThat(status.args()).containsExactly("proof");
            assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
        }
    }

    @Test
    void verifiesAStatusListCredentialHandedInOnItsOwn() throws Exception {
        fixtures.publishStatusList(3);
        String list = fixtures.fetcher.documents.get(Ob3Fixtures.STATUS_URL);
        ObjectNode untyped = BoundedJson.readObject(list);
        ((tools.jackson.databind.node.ArrayNode) untyped.get("type")).remove(1);

        VerificationReport report = fixtures.verifier().verify(list, null);
        VerificationReport untypedReport = fixtures.verifier().verify(untyped.toString(), null);

        assertThat(report.verdict()).as(report.checks().toString()).isEqualTo(Verdict.VALID);
        assertThat(report.check("ob3.parse").orElseThrow().messageKey()).isEqualTo("ob3.parse.status-list");
        assertThat(report.badge()).isNull();
        assertThat(untypedReport.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(untypedReport.check("ob3.structure").orElseThrow().args()).first().asString().contains("type");
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
