package org.insigne.web.backpack;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.mail.internet.MimeMessage;
import org.insigne.testing.HostileInput;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.account.EmailAddressView;
import org.insigne.web.testing.HostedBadgeServer;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An earner's further addresses: added, confirmed by the mailed single-use link, then counted by imports; the
 * login address stays while it is the only confirmed one; nobody can take an address another account confirmed.
 */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class EarnerAddressIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired DataSource dataSource;

    Earners earners;
    AccountUser camille;

    @BeforeEach
    void signUp() throws Exception {
        earners = new Earners(mvc, jdbc, accounts);
        camille = earners.confirmed(Earners.address("camille"), "Camille Martin");
    }

    @Test
    void confirmsAnAddedAddressByItsMailedLinkOnceAndThenImportsBadgesAwardedToIt() throws Exception {
        String work = Earners.address("camille.work");
        mvc.perform(post("/account/emails").param("email", work.toUpperCase()).with(csrf()).with(user(camille)))
                .andExpect(redirectedUrl("/account/emails"));
        assertThat(accounts.confirmedAddresses(camille.id())).containsExactly(camille.email());

        try (HostedBadgeServer site = HostedBadgeServer.start(work)) {
            byte[] png = BadgeUploads.bakedPng(site.assertion());
            // kept, but not as Camille's until she confirms the address it names
            importing(png).andExpect(status().is3xxRedirection());
            assertThat(recipientStatus()).isEqualTo("NOT_CONFIRMED");

            MimeMessage mail = MailServer.awaitMail(work, 1, Duration.ofSeconds(20));
            String link = MailServer.link(mail, "/account/confirm-address");
            mvc.perform(get(link)).andExpect(redirectedUrl("/account/emails"));
            mvc.perform(get(link)).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Ce lien a déjà servi")));
            assertThat(accounts.confirmedAddresses(camille.id())).containsExactly(camille.email(), work);

            // confirming the address checks the badge again for it, off the confirming request
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!"MATCHED".equals(recipientStatus()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(recipientStatus()).isEqualTo("MATCHED");
            importing(png).andExpect(status().isConflict());
            assertThat(earners.badgesOf(camille.id())).isEqualTo(1);
        }
        mvc.perform(get("/account/emails").with(user(camille)))
                .andExpect(content().string(containsString(work)))
                .andExpect(content().string(containsString("(adresse de connexion)")));
    }

    @Test
    void keepsTheLoginAddressWhileItIsTheOnlyConfirmedOneThenHandsLoginToAnother() throws Exception {
        mvc.perform(post("/account/emails/login/remove").with(csrf()).with(user(camille)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("tant qu&#39;aucune autre adresse n&#39;est confirmée")));

        String other = Earners.address("camille.other");
        mvc.perform(post("/account/emails").param("email", other).with(csrf()).with(user(camille)))
                .andExpect(redirectedUrl("/account/emails"));
        mvc.perform(post("/account/emails/login/remove").with(csrf()).with(user(camille)))
                .andExpect(status().isConflict());
        mvc.perform(get(MailServer.link(MailServer.awaitMail(other, 1, Duration.ofSeconds(20)),
                "/account/confirm-address")));

        mvc.perform(post("/account/emails/login/remove").with(csrf()).with(user(camille)))
                .andExpect(redirectedUrl("/account/emails"));
        List<EmailAddressView> now = accounts.addresses(camille.id());
        assertThat(now).extracting(EmailAddressView::email).containsExactly(other);
        assertThat(now.get(0).login()).isTrue();
        assertThat(accounts.loadUserByUsername(other).id()).isEqualTo(camille.id());
    }

    @Test
    void refusesAnAddressAnotherAccountHoldsAndOneAlreadyYours() throws Exception {
        AccountUser dominique = earners.confirmed(Earners.address("dominique"), "Dominique Durand");
        mvc.perform(post("/account/emails").param("email", dominique.email()).with(csrf()).with(user(camille)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Un compte existe déjà avec cette adresse")));
        mvc.perform(post("/account/emails").param("email", camille.email()).with(csrf()).with(user(camille)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("déjà l&#39;une des vôtres")));
        mvc.perform(post("/account/emails").param("email", "pas-une-adresse").with(csrf()).with(user(camille)))
                .andExpect(status().isBadRequest());
        assertThat(accounts.addresses(camille.id())).hasSize(1);
    }

    @Test
    void refusesInTheUsersLanguageAnAddressAnotherAccountConfirmedAtTheSameMoment() throws Exception {
        AccountUser dominique = earners.confirmed(Earners.address("dominique"), "Dominique Durand");
        String shared = Earners.address("shared");
        mvc.perform(post("/account/emails").param("email", shared).with(csrf()).with(user(camille)))
                .andExpect(redirectedUrl("/account/emails"));
        mvc.perform(post("/account/emails").param("email", shared).with(csrf()).with(user(dominique)))
                .andExpect(redirectedUrl("/account/emails"));
        MailServer.awaitMail(shared, 2, Duration.ofSeconds(20));
        // Both mails go to the same address, in no set order: Camille's is the one that greets her.
        String camillesLink = MailServer.link(MailServer.mailsTo(shared).stream()
                .filter(mail -> MailServer.body(mail).contains("Camille Martin")).findFirst().orElseThrow(),
                "/account/confirm-address");

        // Dominique's confirmation is under way and not yet committed: Camille's check cannot see it, and her
        // update waits on the unique index until it commits, then fails on it (as two simultaneous clicks would).
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement confirm = other.prepareStatement(
                    "update account_email set confirmed_at = now() where user_id = ? and email = ?")) {
                confirm.setObject(1, dominique.id());
                confirm.setString(2, shared);
                assertThat(confirm.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<MvcResult> camilles = CompletableFuture.supplyAsync(() -> {
                try {
                    return mvc.perform(get(camillesLink).param("lang", "en")).andReturn();
                } catch (Exception failed) {
                    throw new IllegalStateException(failed);
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!camilles.isDone() && System.nanoTime() < deadline && jdbc.queryForObject(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%account_email%'",
                    Integer.class) == 0) {
                Thread.sleep(20);
            }
            other.commit();

            MvcResult refused = camilles.get(20, TimeUnit.SECONDS);
            assertThat(refused.getResponse().getStatus()).isEqualTo(409);
            assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("An account already exists with this e-mail address");
        }
        assertThat(accounts.confirmedAddresses(camille.id())).containsExactly(camille.email());
        assertThat(accounts.confirmedAddresses(dominique.id())).containsExactly(dominique.email(), shared);
    }

    @Test
    @HostileInput("A1")
    void answersNotFoundWhenRemovingSomeoneElsesAddress() throws Exception {
        AccountUser dominique = earners.confirmed(Earners.address("dominique"), "Dominique Durand");
        mvc.perform(post("/account/emails").param("email", Earners.address("dominique.bis")).with(csrf())
                .with(user(dominique))).andExpect(redirectedUrl("/account/emails"));
        EmailAddressView added = accounts.addresses(dominique.id()).get(1);
        mvc.perform(post("/account/emails/" + added.id() + "/remove").with(csrf()).with(user(camille)))
                .andExpect(status().isNotFound());
        assertThat(accounts.addresses(dominique.id())).hasSize(2);
        mvc.perform(post("/account/emails/" + added.id() + "/remove").with(csrf()).with(user(dominique)))
                .andExpect(redirectedUrl("/account/emails"));
        assertThat(accounts.addresses(dominique.id())).hasSize(1);
        mvc.perform(get("/account/emails")).andExpect(redirectedUrl("/login"));
    }

    private org.springframework.test.web.servlet.ResultActions importing(byte[] png) throws Exception {
        MvcResult started = mvc.perform(multipart("/backpack/import")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "badge.png", "image/png", png))
                .with(csrf()).with(user(camille))).andReturn();
        return mvc.perform(asyncDispatch(started));
    }

    private String recipientStatus() {
        return jdbc.queryForObject("select recipient_status from backpack_badge where owner_id = ?", String.class,
                camille.id());
    }
}
