package org.insigne.web.badgepage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardRevoked;
import org.insigne.issuer.award.PublicAward;
import org.insigne.issuer.badgeclass.BadgeClassChanged;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.endorsement.EndorsementsChanged;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationProfileChanged;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anonymous page's cache: an entry never outlives its award's expiry nor the time to live, and goes when
 * what it shows changes, leaving the other entries.
 */
class BadgePageCacheTests {

    private static final Instant NOW = Instant.parse("2029-12-07T10:00:00Z");
    private static final String BASE = "https://badges.example";

    private final BadgePageCache cache = new BadgePageCache();
    private final UUID badgeClass = UUID.randomUUID();
    private final UUID organisation = UUID.randomUUID();

    @Test
    void keepsAPageNoLongerThanItsAwardIsValid() {
        PublicAward expiringSoon = award(badgeClass, NOW.plusSeconds(30), null);
        PublicAward lasting = award(badgeClass, null, null);
        PublicAward revoked = award(badgeClass, NOW.plusSeconds(30), NOW.minusSeconds(60));

        assertThat(lifetime(expiringSoon)).isEqualTo(Duration.ofSeconds(30));
        assertThat(lifetime(lasting)).isEqualTo(BadgePageCache.TIME_TO_LIVE);
        assertThat(lifetime(revoked)).isEqualTo(BadgePageCache.TIME_TO_LIVE);
    }

    @Test
    void forgetsThePagesOfWhatChanged() {
        PublicAward first = award(badgeClass, null, null);
        PublicAward sameClass = award(badgeClass, null, null);
        UUID otherOrganisation = UUID.randomUUID();
        PublicAward elsewhere = award(UUID.randomUUID(), null, null, otherOrganisation);
        for (PublicAward award : List.of(first, sameClass, elsewhere)) {
            for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                keep(key(award, locale), award);
            }
        }

        cache.on(new AwardRevoked(first.id()));
        assertThat(cache.get(key(first, Locale.FRENCH))).isNull();
        assertThat(cache.get(key(first, Locale.ENGLISH))).isNull();
        assertThat(cache.get(key(sameClass, Locale.FRENCH))).isNotNull();

        cache.on(new BadgeClassChanged(new BadgeClassId(badgeClass)));
        assertThat(cache.get(key(sameClass, Locale.FRENCH))).isNull();
        assertThat(cache.get(key(elsewhere, Locale.FRENCH))).isNotNull();

        cache.on(new OrganisationProfileChanged(new OrganisationId(organisation)));
        assertThat(cache.get(key(elsewhere, Locale.FRENCH))).isNotNull();
        cache.on(new EndorsementsChanged(new OrganisationId(otherOrganisation)));
        assertThat(cache.get(key(elsewhere, Locale.FRENCH))).isNull();
        assertThat(cache.get(key(elsewhere, Locale.ENGLISH))).isNull();
    }

    @Test
    void keepsAPageFromItsAwardsSecondRenderingOnly() {
        PublicAward award = award(badgeClass, null, null);

        assertThat(cache.put(key(award, Locale.FRENCH), award, "page", NOW)).isFalse();
        assertThat(cache.get(key(award, Locale.FRENCH))).isNull();
        assertThat(cache.put(key(award, Locale.FRENCH), award, "page", NOW)).isTrue();
        assertThat(cache.get(key(award, Locale.FRENCH))).isNotNull();
        assertThat(cache.put(key(award, Locale.ENGLISH), award, "page", NOW)).isTrue();

        cache.on(new AwardRevoked(award.id()));
        assertThat(cache.put(key(award, Locale.FRENCH), award, "page", NOW)).isFalse();
    }

    private void keep(BadgePageCache.Key key, PublicAward award) {
        cache.put(key, award, "page", NOW);
        assertThat(cache.put(key, award, "page", NOW)).isTrue();
    }

    private Duration lifetime(PublicAward award) {
        keep(key(award, Locale.FRENCH), award);
        BadgePageCache.Page page = cache.get(key(award, Locale.FRENCH));
        assertThat(page).isNotNull();
        return page.lifetime();
    }

    private static BadgePageCache.Key key(PublicAward award, Locale locale) {
        return BadgePageCache.Key.of(award.id(), "/ob2/assertions/" + award.id().value(), locale, BASE);
    }

    private PublicAward award(UUID badgeClass, @Nullable Instant expires, @Nullable Instant revoked) {
        return award(badgeClass, expires, revoked, organisation);
    }

    private static PublicAward award(UUID badgeClass, @Nullable Instant expires, @Nullable Instant revoked,
                                     UUID organisation) {
        return new PublicAward(new AwardId(UUID.randomUUID()), badgeClass, "Animer une réunion", "Description",
                "<p>Critères</p>", "Je fais", null, null, organisation, "Ligue", null, NOW.minusSeconds(3600), expires,
                revoked, revoked == null ? null : "Erreur", "image/png", List.of(), List.of(), List.of());
    }
}
