package org.insigne.core.ob3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.verification.BadgeView;
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
        ((ObjectNode) credential.path("credentialSubject").path("achievement")).putArray("endorsement")
                .add(endorsement());

        VerificationReport report = fixtures.verifier().verify(fixtures.sign(credential).toString(), null);

        assertThat(report.check("ob3.endorsements").orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        assertThat(report.badgeView().orElseThrow().endorsers()).extracting(p -> p.name())
                .containsExactly("Branche Métallurgie");
    }

    @Test
    void showsAnEndorsementAlteredBeforeEmbeddingAsInvalidWithoutTouchingTheBadge() throws Exception {
        ObjectNode altered = endorsement();
        ((ObjectNode) altered.get("credentialSubject")).put("endorsementComment", "Excellent en tout point.");
        ObjectNode credential = fixtures.credential();
        ((ObjectNode) credential.path("credentialSubject").path("achievement")).putArray("endorsement").add(altered);

        VerificationReport report = fixtures.verifier().verify(fixtures.sign(credential).toString(), null);

        assertThat(report.check("ob3.proof").orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.check("ob3.endorsements").orElseThrow().status()).isEqualTo(CheckStatus.WARNING);
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        BadgeView view = report.badgeView().orElseThrow();
        assertThat(view.endorsers()).isEmpty();
        assertThat(view.endorsements()).singleElement().satisfies(e -> {
            assertThat(e.verdict()).isEqualTo(Verdict.INVALID);
            assertThat(e.comment()).isEqualTo("Excellent en tout point.");
        });
    }

    @Test
    void givesEachWrittenEndorsementItsOwnResultAndRevocation() throws Exception {
        String endorserStatus = "https://branche.example/status/0";
        ObjectNode unsigned = Ob3DocumentWriter.endorsement(new Ob3DocumentWriter.EndorsementDraft(
                "https://branche.example/ob3/endorsements/1",
                new OpenBadgeCredential.Profile(endorser.issuer, List.of("Profile"), "Branche Métallurgie",
                        "https://branche.example", null, null, null),
                "Recommandation : Soudure TIG", Instant.parse("2026-02-01T09:00:00Z"),
                "https://eole.example/achievements/tig", "Référentiel **conforme**.",
                new CredentialWriter.StatusEntry(endorserStatus, 7, "revocation")));
        byte[] signed = BoundedJson.MAPPER.writeValueAsBytes(endorser.sign(unsigned));
        ObjectNode credential = CredentialWriter.endorseAchievement(fixtures.credential(), List.of(signed));
        String badge = fixtures.sign(credential).toString();

        fixtures.fetcher.serve(endorserStatus, endorser.sign(statusList(endorserStatus)).toString());
        VerificationReport valid = fixtures.verifier().verify(badge, null);
        fixtures.fetcher.serve(endorserStatus, endorser.sign(statusList(endorserStatus, 7)).toString());
        VerificationReport withdrawn = fixtures.verifier().verify(badge, null);

        assertThat(valid.verdict()).isEqualTo(Verdict.VALID);
        assertThat(valid.badgeView().orElseThrow().endorsements()).singleElement().satisfies(e -> {
            assertThat(e.verdict()).as(e.checks().toString()).isEqualTo(Verdict.VALID);
            assertThat(e.endorser().name()).isEqualTo("Branche Métallurgie");
            assertThat(e.comment()).isEqualTo("Référentiel **conforme**.");
            assertThat(e.issuedOn()).isEqualTo(Instant.parse("2026-02-01T09:00:00Z"));
        });
        assertThat(withdrawn.verdict()).isEqualTo(Verdict.VALID);
        assertThat(withdrawn.badgeView().orElseThrow().endorsements()).singleElement()
                .satisfies(e -> assertThat(e.verdict()).isEqualTo(Verdict.INVALID));
        assertThat(withdrawn.check("ob3.endorsements").orElseThrow().status()).isEqualTo(CheckStatus.WARNING);
    }

    @Test
    void refusesAnEndorsementOfAnotherAchievement() throws Exception {
        ObjectNode other = endorsement();
        ObjectNode credential = fixtures.credential();
        ((ObjectNode) credential.path("credentialSubject").path("achievement")).put("id",
                "https://eole.example/achievements/mig");
        ((ObjectNode) credential.path("credentialSubject").path("achievement")).putArray("endorsement").add(other);

        VerificationReport report = fixtures.verifier().verify(fixtures.sign(credential).toString(), null);

        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        assertThat(report.badgeView().orElseThrow().endorsements()).singleElement().satisfies(e -> {
            assertThat(e.verdict()).isEqualTo(Verdict.INVALID);
            assertThat(e.checks()).anyMatch(c -> c.messageKey().equals("ob3.endorsement.other-target"));
        });
    }

    private ObjectNode statusList(String url, int... revoked) {
        BitstringStatusList bits = BitstringStatusList.empty(BitstringStatusList.MIN_BITS);
        for (int index : revoked) {
            bits = bits.withBit(index, true);
        }
        return Ob3DocumentWriter.statusList(new Ob3DocumentWriter.StatusListDraft(url, endorser.issuer,
                Instant.parse("2026-01-01T00:00:00Z"), "revocation", bits));
    }

    @Test
    void verifiesAStandaloneEndorsementCredential() throws Exception {
        VerificationReport report = fixtures.verifier().verify(endorsement().toString(), null);

        assertThat(report.verdict()).as(report.checks().toString()).isEqualTo(Verdict.VALID);
    }
}
