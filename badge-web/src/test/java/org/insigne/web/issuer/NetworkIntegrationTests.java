package org.insigne.web.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.insigne.web.issuer.ConsoleFixture.as;
import static org.insigne.web.issuer.ConsoleFixture.atAddress;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.network.NetworkId;
import org.insigne.issuer.network.NetworkMemberView;
import org.insigne.issuer.network.NetworkService;
import org.insigne.issuer.network.NetworkView;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A network of issuers through the console and its public pages: created with its logo, an organisation
 * invited, refused when asked twice, by itself or by someone who is not a coordinator, accepted, counted on the
 * public page, then gone from it once it leaves.
 */
@InsigneIntegrationTest
class NetworkIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired NetworkService networks;
    @LocalServerPort int port;

    ConsoleFixture fixture;
    ConsoleFixture.PublishedBadge member;
    AccountUser coordinator;

    @BeforeEach
    void aMemberToBe() throws Exception {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        member = fixture.publishedBadge();
        coordinator = fixture.account("Coordinator");
    }

    @Test
    void inviteAcceptShowOnThePublicPageLeave() throws Exception {
        mvc.perform(multipart("/console/networks").file(ConsoleFixture.png("logo")).with(as(coordinator)).with(csrf())
                        .param("name", "Badgeons le 41").param("description", "Les badgeurs du Loir-et-Cher.")
                        .param("websiteUrl", "www.badgeons41.fr").param("region", "Centre-Val de Loire"))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", "network.created"));
        NetworkView network = networks.coordinatedBy(coordinator.id()).get(0);
        UUID id = network.id().value();
        assertThat(network.profile().websiteUrl()).isEqualTo("https://www.badgeons41.fr");
        mvc.perform(get("/organisations/{id}/logo", id)).andExpect(status().isOk())
                .andExpect(content().contentType("image/png"));
        mvc.perform(get("/ob3/issuers/{id}", id).with(atAddress(port))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Badgeons le 41")));

        mvc.perform(post("/console/networks/{id}/invitations", id).with(as(coordinator)).with(csrf())
                        .param("organisation", member.organisation().value().toString()))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", "network.invited"));
        mvc.perform(post("/console/networks/{id}/invitations", id).with(as(coordinator)).with(csrf())
                        .param("organisation", member.organisation().value().toString()))
                .andExpect(flash().attribute("refusal", "error.network.invite-twice"));
        mvc.perform(post("/console/networks/{id}/invitations", id).with(as(coordinator)).with(csrf())
                        .param("organisation", id.toString()))
                .andExpect(flash().attribute("refusal", "error.network.invite-self"));
        mvc.perform(get("/console/networks/{id}", id).with(as(coordinator)).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Invited")));
        // The member organisation's owner has no right on the network: refused in their language, nothing changed.
        mvc.perform(post("/console/networks/{id}/invitations", id).with(as(member.owner())).with(csrf())
                        .param("organisation", member.organisation().value().toString()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Seuls les coordinateurs du réseau")));
        mvc.perform(get("/console/networks/{id}", id).with(as(member.owner())).param("lang", "en"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Only the network&#39;s coordinators")));
        assertThat(networks.members(new NetworkId(id), coordinator.id())).hasSize(1);

        NetworkMemberView invitation = networks.networksOf(member.organisation(), member.owner().id()).get(0);
        AccountUser awarder = fixture.account("Awarder");
        fixture.join(member.organisation(), member.owner(), awarder, StaffRole.AWARDER);
        mvc.perform(post("/console/organisations/{o}/networks/{m}/accept", member.organisation().value(),
                        invitation.membership()).with(as(awarder)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/organisations/{o}/networks", member.organisation().value()).with(as(member.owner())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Badgeons le 41")));
        mvc.perform(post("/console/organisations/{o}/networks/{m}/accept", member.organisation().value(),
                        invitation.membership()).with(as(member.owner())).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", "network.accepted"));
        fixture.awardThroughForm(member, "camille@example.org", awards, atAddress(port));

        mvc.perform(get("/reseaux/{id}", id).accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ligue de l&#39;enseignement")))
                .andExpect(content().string(containsString("<td>1</td>")))
                .andExpect(content().string(not(containsString("camille@example.org"))));
        mvc.perform(get("/ob3/issuers/{id}/recognition", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("VerifiableRecognitionCredential")))
                .andExpect(content().string(containsString("/ob2/issuers/" + member.organisation().value())));
        mvc.perform(get("/ob3/issuers/{id}/registry.json", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ligue de l'enseignement")));
        mvc.perform(get("/reseaux")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Badgeons le 41")));

        mvc.perform(post("/console/organisations/{o}/networks/{m}/leave", member.organisation().value(),
                        invitation.membership()).with(as(member.owner())).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", "network.left"));
        mvc.perform(get("/reseaux/{id}", id).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("No member organisation yet.")));
        mvc.perform(get("/ob3/issuers/{id}/recognition", id))
                .andExpect(content().string(not(containsString("/ob2/issuers/" + member.organisation().value()))));
    }

    @Test
    void coordinatorsNameOthersByTheirAccountsAddress() throws Exception {
        NetworkId network = networks.create(coordinator.id(), new OrganisationProfile("Réseau", null, null, null,
                null, null), null, new HostedUrls("http://127.0.0.1:" + port)).id();
        mvc.perform(post("/console/networks/{id}/coordinators", network.value()).with(as(coordinator)).with(csrf())
                        .param("email", "personne@example.org"))
                .andExpect(flash().attribute("refusal", "error.network.coordinator-unknown"));
        mvc.perform(post("/console/networks/{id}/coordinators", network.value()).with(as(coordinator)).with(csrf())
                        .param("email", member.owner().email()))
                .andExpect(flash().attribute("notice", "network.coordinator-added"));
        mvc.perform(get("/console/networks/{id}", network.value()).with(as(member.owner())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Coordinator")));
    }
}
