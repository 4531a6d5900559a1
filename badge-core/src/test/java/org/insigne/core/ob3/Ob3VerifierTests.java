package org.insigne.core.ob3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckMessages;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.Spec;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.testing.HostileInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Issue with an eddsa-rdfc-2022 proof, verify, then tamper with each part. */
class Ob3VerifierTests {

    private Ob3Fixtures fixtures;

    @BeforeEach
    void publishCleanStatusList() throws Exception {
        fixtures = new Ob3Fixtures();
        fixtures.publishStatusList();
    }

    private VerificationReport verify(ObjectNode credential) {
        return fixtures.verifier().verify(credential.toString(), null);
    }

    private static CheckStatus status(VerificationReport report, String id) {
        return report.check(id).map(Check::status).orElseThrow();
    }

    @Test
    void verifiesAnIssuedCredential() throws Exception {
        VerificationReport report = verify(fixtures.sign(fixtures.credential()));

        assertThat(report.spec()).isEqualTo(Spec.OB3);
        assertThat(report.checks()).extracting(Check::status).doesNotContain(CheckStatus.FAILED, CheckStatus.WARNING);
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        assertThat(report.check("ob3.status").orElseThrow().messageKey()).isEqualTo("ob3.status.active");
    }

    @Test
    void showsTheBadgeWithItsRubricLevel() throws Exception {
        var view = verify(fixtures.sign(fixtures.credential())).badgeView().orElseThrow();

        assertThat(view.name()).isEqualTo("Soudure TIG");
        assertThat(view.issuer().name()).isEqualTo("Lycée des Métiers Éole");
        assertThat(view.level()).isEqualTo("Je transmets");
        assertThat(view.criteriaNarrative()).startsWith("Réaliser trois soudures");
        assertThat(view.tags()).containsExactly("soudure", "métallerie");
        assertThat(view.alignments()).extracting(a -> a.targetName()).containsExactly("RNCP 1234");
        assertThat(view.evidence()).extracting(e -> e.name()).containsExactly("Photos des soudures");
        assertThat(view.issuedOn()).hasToString("2026-01-10T08:00:00Z");
    }

    @Test
    void matchesTheHashedRecipientEmailOnly() throws Exception {
        String signed = fixtures.sign(fixtures.credential()).toString();

        assertThat(fixtures.verifier().verify(signed, Ob3Fixtures.EMAIL).check("ob3.recipient").orElseThrow().status())
                .isEqualTo(CheckStatus.PASSED);
        VerificationReport other = fixtures.verifier().verify(signed, "someone@example.org");
        assertThat(status(other, "ob3.recipient")).isEqualTo(CheckStatus.FAILED);
        assertThat(other.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    @HostileInput("S6")
    void failsTheProofWhenTheAchievementIsEdited() throws Exception {
        ObjectNode signed = fixtures.sign(fixtures.credential());
        ((ObjectNode) signed.get("credentialSubject").get("achievement")).put("name", "Soudure TIG expert");

        VerificationReport report = verify(signed);

        assertThat(report.check("ob3.proof").orElseThrow().messageKey()).isEqualTo("ob3.proof.bad-signature");
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(CheckMessages.render(report.check("ob3.proof").orElseThrow(), Locale.FRENCH))
                .contains("modifié après sa délivrance");
    }

    @Test
    void failsTheProofWhenTheSubjectDatesOrStatusAreEdited() throws Exception {
        ObjectNode subject = fixtures.sign(fixtures.credential());
        ((ObjectNode) subject.get("credentialSubject").get("identifier").get(0)).put("salt", "other");
        ObjectNode dates = fixtures.sign(fixtures.credential());
        dates.put("validFrom", "2025-01-10T08:00:00Z");
        ObjectNode statusEntry = fixtures.sign(fixtures.credential());
        ((ObjectNode) statusEntry.get("credentialStatus")).put("statusListIndex", "43");

        for (ObjectNode tampered : new ObjectNode[] {subject, dates, statusEntry}) {
            assertThat(verify(tampered).check("ob3.proof").orElseThrow().messageKey())
                    .isEqualTo("ob3.proof.bad-signature");
        }
    }

    @Test
    void failsWhenTheProofValueIsChanged() throws Exception {
        ObjectNode signed = fixtures.sign(fixtures.credential());
        ObjectNode proof = (ObjectNode) signed.get("proof");
        String value = proof.get("proofValue").asString();
        proof.put("proofValue", value.substring(0, 10) + (value.charAt(10) == 'a' ? 'b' : 'a') + value.substring(11));

        assertThat(status(verify(signed), "ob3.proof")).isEqualTo(CheckStatus.FAILED);
    }

    @Test
    @HostileInput("S7")
    void refusesAProofWhosePurposeIsNotAssertion() throws Exception {
        ObjectNode signed = fixtures.sign(fixtures.credential());
        ((ObjectNode) signed.get("proof")).put("proofPurpose", "authentication");

        assertThat(verify(signed).check("ob3.proof").orElseThrow().messageKey()).isEqualTo("ob3.proof.wrong-purpose");
    }

    @Test
    @HostileInput("S7")
    void refusesAKeyThatTheIssuerDoesNotControl() throws Exception {
        Ob3Fixtures attacker = new Ob3Fixtures();
        ObjectNode forged = fixtures.credential();
        // The attacker signs with their own did:key but names the victim as issuer (HOSTILE S7).
        ObjectNode signed = attacker.sign(forged);

        VerificationReport report = verify(signed);

        assertThat(report.check("ob3.proof").orElseThrow().messageKey()).isEqualTo("ob3.proof.wrong-controller");
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    @HostileInput("S12")
    void reportsARevokedCredentialAsRevoked() throws Exception {
        fixtures.publishStatusList(42);

        VerificationReport report = verify(fixtures.sign(fixtures.credential()));

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        Check status = report.check("ob3.status").orElseThrow();
        assertThat(status.messageKey()).isEqualTo("ob3.status.revoked");
        assertThat(CheckMessages.render(status, Locale.ENGLISH)).contains("revoked");
        assertThat(CheckMessages.render(status, Locale.FRENCH)).contains("révoqué");
    }

    @Test
    @HostileInput("S13")
    void neverShowsAGreenTickWhenTheStatusListIsUnreachable() throws Exception {
        fixtures.fetcher.documents.clear();

        VerificationReport report = verify(fixtures.sign(fixtures.credential()));

        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
        Check status = report.check("ob3.status").orElseThrow();
        assertThat(status.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(CheckMessages.render(status, Locale.FRENCH)).contains("la révocation n'a pas pu être vérifiée"
                .substring(3));
    }

    @Test
    @HostileInput("S13")
    void treatsATamperedStatusListAsUnverified() throws Exception {
        fixtures.publishStatusList(7);
        String list = fixtures.fetcher.documents.get(Ob3Fixtures.STATUS_URL);
        ObjectNode tampered = org.insigne.core.jsonld.BoundedJson.readObject(list);
        ((ObjectNode) tampered.get("credentialSubject")).put("encodedList",
                org.insigne.core.ob3.BitstringStatusList.empty(BitstringStatusList.MIN_BITS).encode());
        fixtures.fetcher.serve(Ob3Fixtures.STATUS_URL, tampered.toString());

        VerificationReport report = verify(fixtures.sign(fixtures.credential()));

        assertThat(report.check("ob3.status").orElseThrow().messageKey()).isEqualTo("ob3.status.list-unverifiable");
        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
    }

    @Test
    @HostileInput("S13")
    void neverShowsAGreenTickWhenTheStatusListHasExpired() throws Exception {
        ObjectNode list = org.insigne.core.jsonld.BoundedJson.readObject(
                fixtures.fetcher.documents.get(Ob3Fixtures.STATUS_URL));
        list.remove("proof");
        list.put("validUntil", "2026-03-01T00:00:00Z");
        fixtures.fetcher.serve(Ob3Fixtures.STATUS_URL, fixtures.sign(list).toString());

        VerificationReport report = verify(fixtures.sign(fixtures.credential()));

        assertThat(status(report, "ob3.status")).isNotEqualTo(CheckStatus.PASSED);
        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
    }

    @Test
    @HostileInput("S5")
    void reportsExpiredAndNotYetValidCredentials() throws Exception {
        ObjectNode expired = fixtures.credential();
        expired.put("validUntil", "2026-03-01T00:00:00Z");
        ObjectNode future = fixtures.credential();
        future.put("validFrom", "2027-01-01T00:00:00Z");

        assertThat(verify(fixtures.sign(expired)).check("ob3.validity").orElseThrow().messageKey())
                .isEqualTo("ob3.validity.expired");
        assertThat(verify(fixtures.sign(future)).check("ob3.validity").orElseThrow().messageKey())
                .isEqualTo("ob3.validity.not-yet-valid");
    }

    @Test
    void namesTheMissingPropertyPath() throws Exception {
        ObjectNode credential = fixtures.credential();
        ((ObjectNode) credential.get("credentialSubject").get("achievement")).remove("criteria");

        Check structure = verify(fixtures.sign(credential)).check("ob3.structure").orElseThrow();

        assertThat(structure.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(structure.args().get(0).toString()).contains("credentialSubject.achievement.criteria (missing)");
    }

    @Test
    void readsVcdm11CredentialsWithIssuanceDate() throws Exception {
        ObjectNode credential = fixtures.credential();
        credential.putArray("@context").add("https://www.w3.org/2018/credentials/v1")
                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")
                .add("https://w3id.org/security/data-integrity/v2")
                .add("https://www.w3.org/ns/credentials/status/v1");
        credential.remove("validFrom");
        credential.put("issuanceDate", "2026-01-10T08:00:00Z");
        credential.put("expirationDate", "2026-02-10T08:00:00Z");

        VerificationReport report = verify(fixtures.sign(credential));

        assertThat(status(report, "ob3.proof")).isEqualTo(CheckStatus.PASSED);
        assertThat(report.check("ob3.validity").orElseThrow().messageKey()).isEqualTo("ob3.validity.expired");
        assertThat(report.badgeView().orElseThrow().issuedOn()).hasToString("2026-01-10T08:00:00Z");
    }
}
