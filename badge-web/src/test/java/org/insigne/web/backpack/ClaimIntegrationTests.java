package org.insigne.web.backpack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.testing.HostileInput;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Claiming a badge awarded on this platform, as production runs it: no loopback fetching, so the claim must
 * verify without any network (did:key issuer on a plain-HTTP address, revocation list read in-process).
 */
@InsigneIntegrationTest
class ClaimIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @LocalServerPort int port;

    Earners earners;
    Earners.Issuer issuer;

    @BeforeEach
    void setUp() throws Exception {
        earners = new Earners(mvc, jdbc, accounts);
        issuer = Earners.issuer(organisations, badgeClasses);
    }

    @Test
    void sendsStrangersToTheLoginPageFirst() throws Exception {
        AwardId award = Earners.award(awards, issuer, Earners.address("camille"), port);
        mvc.perform(get("/backpack/claim/" + award.value()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void addsTheAwardOnceVerifiedOfflineHoweverOftenItIsClaimed() throws Exception {
        String email = Earners.address("camille");
        AccountUser camille = earners.confirmed(email, "Camille Martin");
        AwardId award = Earners.award(awards, issuer, email, port);

        mvc.perform(get("/backpack/claim/" + award.value()).with(user(camille)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Animer une réunion")))
                .andExpect(content().string(containsString("Ajouter à mon sac à badges")));

        String first = claim(camille, award).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        String second = claim(camille, award).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(first).matches("/backpack/badges/[0-9a-f-]{36}\\?claimed").isEqualTo(second);
        assertThat(earners.badgesOf(camille.id())).isEqualTo(1);
        // The issuer's dashboard counts the claim, once.
        assertThat(jdbc.queryForObject("select claimed_at is not null from award where id = ?", Boolean.class,
                award.value())).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where subject_id = ? and action = 'AWARD_CLAIMED'",
                Integer.class, award.value())).isEqualTo(1);

        String page = first.substring(0, first.indexOf('?'));
        mvc.perform(get(first).with(user(camille)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Le badge reçu a été ajouté à votre sac")))
                .andExpect(content().string(containsString("Animer une réunion")))
                .andExpect(content().string(containsString("Toutes les vérifications ont réussi")));
        assertThat(jdbc.queryForObject("select status from backpack_badge where owner_id = ?", String.class,
                camille.id())).isEqualTo("VERIFIED");

        // Baked into the badge class image at claim time: the backpack shows it and offers PNG and the JSON.
        byte[] png = mvc.perform(get(page + "/download/baked.png").with(user(camille)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        mvc.perform(get(page + "/download/baked.svg").with(user(camille))).andExpect(status().isNotFound());
        String json = mvc.perform(get(page + "/download/credential.json").with(user(camille)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).isEqualTo(new String(awards.credential(award).orElseThrow(), StandardCharsets.UTF_8).strip());
    }

    @Test
    @HostileInput("A6")
    void explainsAndKeepsNothingWhenTheAwardWentToAnotherAddress() throws Exception {
        AccountUser dominique = earners.confirmed(Earners.address("dominique"), "Dominique Durand");
        AwardId award = Earners.award(awards, issuer, Earners.address("camille"), port);

        claim(dominique, award)
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("n&#39;est pas l&#39;une de vos adresses confirmées")))
                .andExpect(content().string(containsString(dominique.email())))
                .andExpect(content().string(containsString("/account/emails")));
        assertThat(earners.badgesOf(dominique.id())).isZero();
    }

    @Test
    @HostileInput("A1")
    void answersNotFoundForAnUnknownAward() throws Exception {
        AccountUser camille = earners.confirmed(Earners.address("camille"), "Camille Martin");
        mvc.perform(get("/backpack/claim/" + java.util.UUID.randomUUID()).with(user(camille)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Ce badge n&#39;existe pas")));
        mvc.perform(get("/backpack/claim/pas-un-id").with(user(camille))).andExpect(status().isNotFound());
    }

    @Test
    void bringsInTheAwardsMadeToAnAddressOnceItIsConfirmed() throws Exception {
        String email = Earners.address("sam");
        AwardId award = Earners.award(awards, issuer, email, port);
        earners.signUp(email, "Sam Petit");
        AccountUser sam = accounts.loadUserByUsername(email).withoutPassword();
        assertThat(earners.badgesOf(sam.id())).isZero();

        MimeMessage mail = MailServer.awaitMail(email, 1, Duration.ofSeconds(20));
        mvc.perform(get(MailServer.link(mail, "/account/confirm"))).andExpect(status().is3xxRedirection());

        awaitBadges(sam, 1);
        mvc.perform(get("/backpack").with(user(accounts.loadUserByUsername(email).withoutPassword())))
                .andExpect(content().string(containsString("Animer une réunion")))
                .andExpect(content().string(not(containsString("Votre sac à badges est vide"))));
        // The claim link later is harmless: still one badge.
        claim(accounts.loadUserByUsername(email).withoutPassword(), award).andExpect(status().is3xxRedirection());
        assertThat(earners.badgesOf(sam.id())).isEqualTo(1);
    }

    private void awaitBadges(AccountUser who, long expected) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (earners.badgesOf(who.id()) < expected && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(earners.badgesOf(who.id())).isEqualTo(expected);
    }

    @Test
    void showsTheLevelAndEvidenceOfAClaimedBadgeToItsOwnerAndOnItsPublicPage() throws Exception {
        String email = Earners.address("sacha");
        AccountUser sacha = earners.confirmed(email, "Sacha Morel");
        AwardId award = awards.award(issuer.organisation(), issuer.badgeClass(), issuer.owner(),
                new AwardRequest(UUID.randomUUID(), email, "Sacha Morel", "Je transmets",
                        "https://portfolio.example/sacha/ateliers", "A formé deux nouveaux animateurs.", null),
                new HostedUrls("http://localhost:" + port)).id();
        String location = claim(sacha, award).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        String page = location.substring(0, location.indexOf('?'));

        mvc.perform(get(page).with(user(sacha)))
                .andExpect(content().string(containsString("Niveau atteint")))
                .andExpect(content().string(containsString("Je transmets")))
                .andExpect(content().string(containsString("A formé deux nouveaux animateurs.")))
                .andExpect(content().string(containsString("href=\"https://portfolio.example/sacha/ateliers\"")));

        mvc.perform(post(page + "/visibility").param("shared", "true").with(csrf()).with(user(sacha)))
                .andExpect(status().is3xxRedirection());
        String publicId = jdbc.queryForObject("select public_id from backpack_badge where owner_id = ?", String.class,
                sacha.id());
        mvc.perform(get("/p/badges/" + publicId))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Je transmets")))
                .andExpect(content().string(containsString("A formé deux nouveaux animateurs.")))
                .andExpect(content().string(not(containsString(email))));
    }

    private ResultActions claim(AccountUser who, AwardId award) throws Exception {
        MvcResult started = mvc.perform(post("/backpack/claim/" + award.value()).with(csrf()).with(user(who)))
                .andReturn();
        return mvc.perform(asyncDispatch(started));
    }
}
