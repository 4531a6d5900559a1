package org.insigne.core.ob3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Strict writing: arrays for types, no nulls, structure-checked, and the result signs and verifies. */
class CredentialWriterTests {

    private final Ob3Fixtures fixtures = new Ob3Fixtures();

    private CredentialWriter.Draft draft(OpenBadgeCredential.Criteria criteria) {
        var levels = List.of(
                new OpenBadgeCredential.RubricCriterionLevel("urn:uuid:l1", "Je fais", null, null),
                new OpenBadgeCredential.RubricCriterionLevel("urn:uuid:l2", "Je transmets", null, null),
                new OpenBadgeCredential.RubricCriterionLevel("urn:uuid:l3", "Je pilote", null, null));
        var achievement = new OpenBadgeCredential.Achievement("https://eole.example/achievements/tig", List.of(),
                "Soudure TIG", "Souder des tôles fines.", criteria, null, null, List.of(), List.of("soudure"),
                List.of(new OpenBadgeCredential.ResultDescription("urn:uuid:rd", "Niveau", "RubricCriterionLevel",
                        levels)), null);
        var issuer = new OpenBadgeCredential.Profile(fixtures.issuer, List.of(), "Lycée Éole",
                "https://eole.example", null, null, null);
        return new CredentialWriter.Draft("urn:uuid:0b6a3d5e-1c2f-4e8a-9b7c-6d5e4f3a2b1c", issuer,
                Instant.parse("2026-01-10T08:00:00.123Z"), null, achievement,
                new CredentialWriter.Recipient(null, Ob3Fixtures.EMAIL, Ob3Fixtures.SALT), "urn:uuid:l3",
                List.of(new OpenBadgeCredential.Evidence(null, "Photos", null, null)), null);
    }

    @Test
    void writesACredentialThatSignsAndVerifies() throws Exception {
        ObjectNode credential = CredentialWriter.write(draft(new OpenBadgeCredential.Criteria(null, "Trois soudures.")));

        assertThat(credential.get("type").isArray()).isTrue();
        assertThat(credential.get("validFrom").asString()).isEqualTo("2026-01-10T08:00:00Z");
        assertThat(credential.toString()).doesNotContain("null").doesNotContain("[]");
        VerificationReport report = fixtures.verifier().verify(fixtures.sign(credential).toString(), Ob3Fixtures.EMAIL);
        assertThat(report.verdict()).as(report.checks().toString()).isEqualTo(Verdict.VALID);
        assertThat(report.badgeView().orElseThrow().level()).isEqualTo("Je pilote");
    }

    @Test
    void anApplyLinkOnTheAchievementSignsAndVerifies() throws Exception {
        ObjectNode plain = CredentialWriter.write(draft(new OpenBadgeCredential.Criteria(null, "Trois soudures.")));
        String before = plain.toString();
        assertThat(CredentialWriter.withApplyLink(plain, null).toString()).isEqualTo(before);

        ObjectNode credential = CredentialWriter.withApplyLink(plain, "https://eole.example/apply/tig");

        assertThat(credential.path("credentialSubject").path("achievement").path("url").asString())
                .isEqualTo("https://eole.example/apply/tig");
        VerificationReport report = fixtures.verifier().verify(fixtures.sign(credential).toString(), Ob3Fixtures.EMAIL);
        assertThat(report.verdict()).as(report.checks().toString()).isEqualTo(Verdict.VALID);
    }

    @Test
    void refusesADraftWithoutCriteria() {
        assertThatThrownBy(() -> CredentialWriter.write(draft(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credentialSubject.achievement.criteria");
    }
}
