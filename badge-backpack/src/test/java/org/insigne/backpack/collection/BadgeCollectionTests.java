package org.insigne.backpack.collection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BadgeCollectionTests {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    @Test
    void movesABadgeOnePlaceAndLeavesTheEndsAlone() {
        BadgeCollection collection = new BadgeCollection(UUID.randomUUID(), " Animation ", " ", List.of(a, b, c),
                Instant.EPOCH);

        collection.move(c, 1);
        assertThat(collection.badgeIds()).containsExactly(a, c, b);
        collection.move(a, 1);
        assertThat(collection.badgeIds()).containsExactly(a, c, b);
        collection.move(b, -1);
        assertThat(collection.badgeIds()).containsExactly(a, c, b);
        collection.move(a, -1);
        assertThat(collection.badgeIds()).containsExactly(c, a, b);
        collection.move(UUID.randomUUID(), 1);
        assertThat(collection.badgeIds()).containsExactly(c, a, b);

        assertThat(collection.name()).isEqualTo("Animation");
        assertThat(collection.description()).isNull();
        assertThat(collection.isShared()).isFalse();
    }

    @Test
    void keepsEachBadgeOnceAndGetsAnUnguessablePublicId() {
        BadgeCollection one = new BadgeCollection(UUID.randomUUID(), "x", null, List.of(a, a, b), Instant.EPOCH);
        BadgeCollection two = new BadgeCollection(UUID.randomUUID(), "x", null, List.of(), Instant.EPOCH);

        assertThat(one.badgeIds()).containsExactly(a, b);
        assertThat(one.publicId()).hasSize(43).isNotEqualTo(two.publicId()).doesNotContain(one.id().toString());
    }
}
