package org.insigne.backpack.badge;

import java.util.UUID;

import org.insigne.backpack.IssuerSite;
import org.insigne.backpack.imports.ImportService;
import org.insigne.testing.HostileInput;
import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class BackpackServiceTests {

    private static final String CAMILLE = "camille.martin@example.org";

    @Autowired
    ImportService imports;

    @Autowired
    BackpackService collection;

    private final IssuerSite site = new IssuerSite();
    private final UUID owner = UUID.randomUUID();

    private StoredBadgeView imported(int number) throws Exception {
        BadgeInput input = BadgeInput.file(site.bakedPng(site.award(number, CAMILLE)));
        return imports.importBadge(owner, input, site.verify(input.toRequest(CAMILLE)));
    }

    @Test
    @HostileInput("A1")
    void hidesABadgeFromEveryoneButItsOwner() throws Exception {
        BadgeId id = imported(1).id();
        UUID stranger = UUID.randomUUID();

        assertThatThrownBy(() -> collection.badge(stranger, id)).isInstanceOf(BadgeNotFound.class);
        assertThatThrownBy(() -> collection.image(stranger, id)).isInstanceOf(BadgeNotFound.class);
        assertThatThrownBy(() -> collection.makePublic(stranger, id)).isInstanceOf(BadgeNotFound.class);
        assertThatThrownBy(() -> collection.recheckRequest(stranger, id, CAMILLE)).isInstanceOf(BadgeNotFound.class);
        assertThatThrownBy(() -> collection.delete(stranger, id)).isInstanceOf(BadgeNotFound.class);
        assertThat(collection.badgesOf(stranger)).isEmpty();
        assertThat(collection.badge(owner, id).shared()).isFalse();
    }

    @Test
    void showsAPublicBadgeToAnyoneUntilItIsPrivateAgain() throws Exception {
        StoredBadgeView stored = imported(2);
        assertThatThrownBy(() -> collection.publicBadge(stored.publicId())).isInstanceOf(BadgeNotFound.class);

        collection.makePublic(owner, stored.id());
        PublicBadgeView shown = collection.publicBadge(stored.publicId());
        assertThat(shown.name()).isEqualTo("Animateur bénévole");
        assertThat(collection.publicImage(stored.publicId()).mediaType()).isEqualTo("image/png");

        collection.makePrivate(owner, stored.id());
        assertThatThrownBy(() -> collection.publicBadge(stored.publicId())).isInstanceOf(BadgeNotFound.class);
        assertThatThrownBy(() -> collection.publicImage(stored.publicId())).isInstanceOf(BadgeNotFound.class);
    }

    @Test
    @HostileInput("A1")
    void givesEachBadgeALongRandomPublicIdUnrelatedToItsId() throws Exception {
        StoredBadgeView first = imported(3);
        StoredBadgeView second = imported(4);

        assertThat(first.publicId()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(second.publicId())
                .doesNotContain(first.id().value().toString());
    }

    @Test
    void checksTheOriginalBytesAgainAndRecordsARevocation() throws Exception {
        StoredBadgeView stored = imported(5);
        site.revoke(5);

        StoredBadgeView rechecked = collection.recordCheck(owner, stored.id(),
                site.verify(collection.recheckRequest(owner, stored.id(), CAMILLE)));

        assertThat(rechecked.status()).isEqualTo(VerificationStatus.INVALID);
        assertThat(rechecked.lastCheckedAt()).isAfterOrEqualTo(stored.lastCheckedAt());
        assertThat(collection.badge(owner, stored.id()).status()).isEqualTo(VerificationStatus.INVALID);
    }

    @Test
    void deletesTheOwnersBadge() throws Exception {
        StoredBadgeView stored = imported(6);

        collection.delete(owner, stored.id());

        assertThat(collection.countOf(owner)).isZero();
        assertThatThrownBy(() -> collection.badge(owner, stored.id())).isInstanceOf(BadgeNotFound.class);
    }
}
