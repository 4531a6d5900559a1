package org.insigne.issuer.publishing;

import java.util.List;
import java.util.UUID;

import org.insigne.issuer.key.SigningKeyId;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Status list bits handed out one at a time or by blocks: never twice, each list tied to its key. */
@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class StatusListsTests {

    @Autowired StatusLists statusLists;
    @Autowired OrganisationService organisations;
    @Autowired JdbcTemplate jdbc;

    final UUID owner = UUID.randomUUID();

    @Test
    void handsOutBlocksAndSingleBitsThatFollowEachOtherWithoutOverlap() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        SigningKeyId key = new SigningKeyId(UUID.randomUUID());

        assertThat(statusLists.allocate(org, key, 200)).isZero();
        assertThat(statusLists.allocate(org, key)).isEqualTo(200);
        assertThat(statusLists.allocate(org, key, 3)).isEqualTo(201);
        assertThat(statusLists.allocate(org, key)).isEqualTo(204);
        assertThat(listKeys(org)).containsExactly(key.value());
    }

    @Test
    void aBlockRunningIntoTheNextListTiesBothListsToItsKeyAndANewKeyStartsANewList() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        SigningKeyId key = new SigningKeyId(UUID.randomUUID());
        jdbc.update("insert into status_list_sequence (organisation_id, next_index, key_id) values (?, ?, ?)",
                org.value(), StatusLists.LIST_SIZE - 2, key.value());

        assertThat(statusLists.allocate(org, key, 5)).isEqualTo(StatusLists.LIST_SIZE - 2);
        assertThat(listKeys(org)).containsExactly(key.value(), key.value());

        SigningKeyId rotated = new SigningKeyId(UUID.randomUUID());
        assertThat(statusLists.allocate(org, rotated, 10)).isEqualTo(2 * StatusLists.LIST_SIZE);
        assertThat(statusLists.allocate(org, rotated)).isEqualTo(2 * StatusLists.LIST_SIZE + 10);
        assertThat(listKeys(org)).containsExactly(key.value(), key.value(), rotated.value());
    }

    @Test
    void refusesAnEmptyBlock() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        assertThatThrownBy(() -> statusLists.allocate(org, new SigningKeyId(UUID.randomUUID()), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<UUID> listKeys(OrganisationId org) {
        return jdbc.queryForList("select key_id from status_list_key where organisation_id = ? order by list_number",
                UUID.class, org.value());
    }
}
