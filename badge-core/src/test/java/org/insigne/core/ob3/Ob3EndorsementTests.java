package org.insigne.core.ob3;

import static org.assertj.core.api.Assertions.assertThat;

import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** verification.md step 6: embedded EndorsementCredentials are verified like credentials. */
class Ob3EndorsementTests {

    private Ob3Fixtures fixtures;
    private final Ob3Fixtures endorser = new Ob3Fixtures();

    @BeforeEach
    void publishCleanStatusList() throws Exception {
        fixtures = new Ob3Fixtures();
        fixtures.publishStatusList();
    }

    private ObjectNode endorsement() throws Exception {
        ObjectNode e = BoundedJson.MAPPER.createObjectNode();
        e.putArray("@context").add("https://www.w3.org/ns/credentials/v2")
                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        e.put("id", "urn:uuid:e1d2c3b4-a5f6-4e7d-8c9b-0a1b2c3d4e5f");
        e.putArray("type").add("VerifiableCredential").add("EndorsementCredential");
        e.put("name", "Recommandation de la branche métallurgie");
        ObjectNode issuer = e.putObject("issuer");
        issuer.put("id", endorser.issuer);
        issuer.putArray("type").add("Profile");
        issuer.put("name", "Branche Métallurgie");
        e.put("validFrom", "2026-01-05T00:00:00Z");
        ObjectNode subject = e.putObject("credentialSubject");
        subject.put("id", "https://eole.example/achievements/tig");
        subject.putArray("type").add("EndorsementSubject");
        subject.put("endorsementComment", "Référentiel conforme aux attentes des entreprises.");
        return endorser.sign(e);
    }

    @Test
    void verifiesEmbeddedEndorsementsAndNamesTheEndorsers() throws Exception {
        ObjectNode credential = fixtures.credential();
        credential.putArray("endorsement").add(endorsement());

        VerificationReport report = fixtures.verifier().verify(fixtures.sign(credential).toString(), null);

        assertThat(report.check("ob3.endorsements").orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        assertThat(report.badgeView().orElseThrow().endorsers()).extracting(p -> p.name())
                .containsExactly("Branche Métallurgie");
    }

    @Test
    void failsWhenAnEndorsementWasAlteredBeforeEmbedding() throws Exception {
        ObjectNode altered = endorsement();
        ((ObjectNode) altered.get("credentialSubject")).put("endorsementComment", "Excellent en tout point.");
        ObjectNode credential = fixtures.credential();
        credential.putArray("endorsement").add(altered);

        VerificationReport report = fixtures.verifier().verify(fixtures.sign(credential).toString(), null);

        assertThat(report.check("ob3.proof").orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.check("ob3.endorsements").orElseThrow().messageKey()).isEqualTo("ob3.endorsements.failed");
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void verifiesAStandaloneEndorsementCredential() throws Exception {
        VerificationReport report = fixtures.verifier().verify(endorsement().toString(), null);

        assertThat(report.verdict()).as(report.checks().toString()).isEqualTo(Verdict.VALID);
    }
}
