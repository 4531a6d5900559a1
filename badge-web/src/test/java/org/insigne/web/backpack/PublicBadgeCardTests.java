package org.insigne.web.backpack;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.insigne.backpack.badge.BadgeExtras;
import org.insigne.backpack.badge.PublicBadgeView;
import org.insigne.backpack.badge.VerificationStatus;
import org.insigne.core.verification.Check;
import org.insigne.web.verify.BadgeCard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A public backpack badge shows the verdict of its last verification, with its time. */
class PublicBadgeCardTests {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Instant CHECKED = Instant.parse("2026-11-20T09:30:00Z");

    @Test
    void showsTheLastVerificationsVerdictAndWhen() {
        BadgeCard card = PublicBadgeController.card(badge(VerificationStatus.VERIFIED, null, List.of()), NOW, Locale.FRENCH);

        assertThat(card.status()).isEqualTo(BadgeCard.Status.AUTHENTIC);
        assertThat(card.basis()).isEqualTo(BadgeCard.Basis.LAST_CHECK);
        assertThat(card.checkedAt()).isEqualTo(CHECKED);
        assertThat(card.imageUrl()).isEqualTo("/p/badges/pub123/image");
        assertThat(card.criteriaUrl()).isEqualTo("https://issuer.example/criteria");
        assertThat(card.criteriaHtml()).isEqualTo("<p>Dix séances.</p>\n");
    }

    @Test
    void showsABadgeRevokedAtItsLastVerificationAsRevokedWithTheReason() {
        BadgeCard card = PublicBadgeController.card(badge(VerificationStatus.INVALID, null,
                List.of(Check.failed("ob3.status", "ob3.status.revoked", "Fraude"))), NOW, Locale.FRENCH);

        assertThat(card.status()).isEqualTo(BadgeCard.Status.REVOKED);
        assertThat(card.detail()).contains("Fraude");
    }

    @Test
    void showsABadgeThatExpiredSinceItsLastVerificationAsExpired() {
        BadgeCard card = PublicBadgeController.card(badge(VerificationStatus.VERIFIED, Instant.parse("2026-11-21T00:00:00Z"),
                List.of()), NOW, Locale.FRENCH);

        assertThat(card.status()).isEqualTo(BadgeCard.Status.EXPIRED);
    }

    private static PublicBadgeView badge(VerificationStatus status, Instant expires, List<Check> checks) {
        return new PublicBadgeView("pub123", "Animateur bénévole", "Ligue", "Animer des ateliers.", "Dix séances.",
                URI.create("https://issuer.example/criteria"), Instant.parse("2026-01-01T00:00:00Z"), expires, true,
                status, CHECKED, checks, null, BadgeExtras.NONE);
    }
}
