package org.insigne.web.verify;

import java.util.List;
import java.util.Locale;

import org.insigne.core.verification.Check;
import org.insigne.core.verification.Verdict;
import org.insigne.testing.HostileInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict a public page shows, and its reason, from a verification's checks. */
class BadgeCardTests {

    private static final Locale FRENCH = Locale.FRENCH;

    @Test
    @HostileInput("S12")
    void namesARevokedBadgeRevokedWithTheIssuersReason() {
        List<Check> checks = List.of(Check.passed("ob3.proof", "ob3.proof.passed", "did:key:z6Mk"),
                Check.failed("ob3.status", "ob3.status.revoked", "Délivré par erreur"));
        BadgeCard.Status status = BadgeCard.statusOf(Verdict.INVALID, checks);

        assertThat(status).isEqualTo(BadgeCard.Status.REVOKED);
        assertThat(BadgeCard.detailOf(status, checks, FRENCH)).contains("révoqué", "Délivré par erreur");
    }

    @Test
    void namesABadgeWhoseHostAnswersGoneRevokedWithTheReason() {
        List<Check> checks = List.of(Check.passed("ob2.parse", "ob2.parse.url", "https://issuer.example/a/1"),
                Check.failed("ob2.revocation", "ob2.revocation.gone-reason", "https://issuer.example/a/1", "Fraude"));
        BadgeCard.Status status = BadgeCard.statusOf(Verdict.INVALID, checks);

        assertThat(status).isEqualTo(BadgeCard.Status.REVOKED);
        assertThat(BadgeCard.detailOf(status, checks, FRENCH)).contains("révoqué", "Fraude");
    }

    @Test
    void saysNotSupportedWithTheCheckThatCouldNotBeMade() {
        List<Check> checks = List.of(Check.passed("ob3.parse", "ob3.parse.json"),
                Check.warning("ob3.context", "ob3.context.vcdm1"),
                Check.skipped("ob3.proof", "ob3.proof.unsupported-suite", "DataIntegrityProof", "eddsa-jcs-2022"));
        BadgeCard.Status status = BadgeCard.statusOf(Verdict.UNSUPPORTED, checks);

        assertThat(status).isEqualTo(BadgeCard.Status.UNSUPPORTED);
        assertThat(BadgeCard.detailOf(status, checks, Locale.ENGLISH)).contains("eddsa-jcs-2022");
    }

    @Test
    void namesAnExpiredBadgeExpiredAndAnyOtherFailureNotValid() {
        List<Check> expired = List.of(Check.failed("ob2.expiry", "ob2.expiry.expired", "2026-01-01"));
        assertThat(BadgeCard.statusOf(Verdict.INVALID, expired)).isEqualTo(BadgeCard.Status.EXPIRED);

        List<Check> forged = List.of(Check.failed("ob3.proof", "ob3.proof.malformed"));
        assertThat(BadgeCard.statusOf(Verdict.INVALID, forged)).isEqualTo(BadgeCard.Status.INVALID);
        assertThat(BadgeCard.detailOf(BadgeCard.Status.INVALID, forged, FRENCH))
                .isEqualTo("La preuve de signature est mal formée.");
    }

    @Test
    @HostileInput("S13")
    void neverCallsAnInconclusiveVerificationAuthentic() {
        List<Check> checks = List.of(Check.passed("ob3.proof", "ob3.proof.passed", "k"),
                Check.warning("ob3.status", "ob3.status.unreachable", "https://issuer.example/status"));
        BadgeCard.Status status = BadgeCard.statusOf(Verdict.INDETERMINATE, checks);

        assertThat(status).isEqualTo(BadgeCard.Status.UNVERIFIABLE);
        assertThat(BadgeCard.detailOf(status, checks, FRENCH)).contains("https://issuer.example/status");
        assertThat(BadgeCard.detailOf(BadgeCard.Status.AUTHENTIC, checks, FRENCH)).isNull();

        List<Check> unnamed = List.of(Check.warning("ob3.subject", "ob3.subject.unidentified"),
                Check.warning("ob3.status", "ob3.status.unreachable", "https://issuer.example/status"));
        assertThat(BadgeCard.detailOf(BadgeCard.Status.UNVERIFIABLE, unnamed, FRENCH))
                .contains("https://issuer.example/status");
    }

    @Test
    void neverExplainsAVerdictWithARecipientCheckWhoseMessageNamesAnAddress() {
        List<Check> checks = List.of(Check.failed("ob2.recipient", "ob2.recipient.differs", "camille@example.org"));

        assertThat(BadgeCard.detailOf(BadgeCard.Status.INVALID, checks, FRENCH)).isNull();
    }

    @Test
    @HostileInput("R1")
    void rendersAnyBadgesMarkdownCriteriaSafely() {
        assertThat(BadgeCard.criteriaHtml("Avoir **animé** trois réunions.\n\n- accueillir\n- conclure"))
                .contains("<strong>animé</strong>", "<li>accueillir</li>").doesNotContain("**");
        assertThat(BadgeCard.criteriaHtml("<script>alert(1)</script> [voir](javascript:alert)"))
                .doesNotContain("<script", "href=\"javascript").contains("voir");
        assertThat(BadgeCard.criteriaHtml(" ")).isNull();
        assertThat(BadgeCard.criteriaHtml(null)).isNull();
    }

    @Test
    @HostileInput("R1")
    void linksOnlyToWebAddresses() {
        assertThat(BadgeCard.webOnly("javascript:alert(1)")).isNull();
        assertThat(BadgeCard.webOnly("data:text/html,x")).isNull();
        assertThat(BadgeCard.webOnly(" https://issuer.example/ ")).isEqualTo("https://issuer.example/");
        assertThat(new BadgeCard.Evidence("JavaScript:alert(1)", "récit").url()).isNull();
    }
}
