package org.insigne.web.backpack;

import java.time.Duration;
import java.util.UUID;

import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.HostedBadgeServer;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** The scheduled re-check, run by calling the job: a badge revoked since its import shows as revoked. */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class ScheduledRecheckIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired ScheduledRecheck job;

    @Test
    void flagsABadgeRevokedSinceItsLastCheckAndLeavesRecentOnesAlone() throws Exception {
        String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        AccountUser camille = new AccountUser(UUID.randomUUID(), email, "Camille Martin", "", true, false);
        try (HostedBadgeServer site = HostedBadgeServer.start(email)) {
            String page = BadgeUploads.imported(mvc, camille, BadgeUploads.bakedPng(site.assertion()));
            UUID id = UUID.fromString(BadgeUploads.idOf(page));
            assertThat(status(id)).isEqualTo("VERIFIED");

            site.fail("/assertions/1", 410);
            int hits = site.hits();
            assertThat(job.recheckCheckedBefore(Duration.ofDays(365))).as("checked today: not due").isZero();
            assertThat(site.hits()).isEqualTo(hits);

            jdbc.update("update backpack_badge set last_checked_at = now() - interval '400 days' where id = ?", id);
            assertThat(job.recheckCheckedBefore(Duration.ofDays(365))).isGreaterThanOrEqualTo(1);

            assertThat(status(id)).isEqualTo("INVALID");
            assertThat(jdbc.queryForObject("select last_checked_at > now() - interval '1 hour' from backpack_badge"
                    + " where id = ?", Boolean.class, id)).isTrue();
            mvc.perform(get("/backpack").with(user(camille)))
                    .andExpect(content().string(containsString("flag-revoked")))
                    .andExpect(content().string(containsString("Révoqué")));
            mvc.perform(get("/backpack").param("lang", "en").with(user(camille)))
                    .andExpect(content().string(containsString("Revoked")));
        }
    }

    @Test
    void staysOffWhenTheIntervalIsADashOrZero() {
        assertThat(ScheduledRecheck.parse("-")).isEmpty();
        assertThat(ScheduledRecheck.parse("0")).isEmpty();
        assertThat(ScheduledRecheck.parse("PT24H")).contains(Duration.ofHours(24));
        assertThat(ScheduledRecheck.parse("12h")).contains(Duration.ofHours(12));
    }

    private String status(UUID id) {
        return jdbc.queryForObject("select status from backpack_badge where id = ?", String.class, id);
    }
}
