package org.insigne.backpack.sharing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnonymousCvTests {

    private final UUID a = UUID.randomUUID();

    @Test
    void revokesACvOnceAndForAll() {
        AnonymousCv cv = new AnonymousCv(UUID.randomUUID(), "Candidature", List.of(a), Instant.EPOCH);
        assertThat(cv.isRevoked()).isFalse();

        cv.revoke(Instant.EPOCH.plusSeconds(60));
        cv.revoke(Instant.EPOCH.plusSeconds(120));

        assertThat(cv.isRevoked()).isTrue();
        assertThat(cv.badgeIds()).containsExactly(a);
    }
}
