package org.insigne.web.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.insigne.web.issuer.ConsoleFixture.as;
import static org.insigne.web.issuer.ConsoleFixture.atAddress;
import static org.insigne.web.issuer.EndorsementIntegrationTests.body;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.insigne.backpack.sharing.PublicProfileService;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.endorsement.EndorsementLinkService;
import org.insigne.issuer.endorsement.EndorsementView;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An earner has one of their badges endorsed: asked by e-mail from the backpack, written through the mailed
 * single-use link by a person without an account (or with one), published only once the earner accepts, then
 * verified in both specifications, withdrawn and erased from the person's own page; and the refusals on the way.
 */
@InsigneIntegrationTest
class AwardEndorsementIntegrationTests {

    private static final String TUTOR = "Dominique Tutrice, Tutrice (Centre social)";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired EndorsementLinkService endorsements;
    @Autowired EndorsementAskMails mails;
    @Autowired PublicProfileService profiles;
    @LocalServerPort int port;

    ConsoleFixture fixture;
    ConsoleFixture.PublishedBadge published;
    AccountUser earner;
    AwardView award;

    @BeforeEach
    void anAwardedBadge() throws Exception {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        published = fixture.publishedBadge();
        earner = fixture.account("Camille");
        award = fixture.awardThroughForm(published, earner.email(), awards, atAddress(port));
    }

    @Test
    void personWithoutAccountEndorsesEarnerPublishesVerifiesWithdrawsAndErases() throws Exception {
        String tutor = "tutrice." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        mvc.perform(get("/backpack/endorsements").with(as(earner)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Animer une réunion")));
        ask(earner.email()).andExpect(flash().attribute("refusal", "error.endorsement.self-earner"));
        ask("pas-une-adresse").andExpect(flash().attribute("refusal", "error.endorsement.email-invalid"));
        AccountUser stranger = fixture.account("Stranger");
        mvc.perform(post("/backpack/endorsements/ask").with(as(stranger)).with(csrf()).param("award",
                        award.id().value().toString()).param("email", tutor))
                .andExpect(flash().attribute("refusal", "error.endorsement.target-unavailable"));
        ask(tutor).andExpect(flash().attribute("notice", "backpack.endorsements.asked"));
        ask(tutor).andExpect(flash().attribute("refusal", "error.endorsement.twice"));

        MimeMessage mail = MailServer.awaitMail(tutor, 1, Duration.ofSeconds(20));
        assertThat(mail.getSubject()).isEqualTo("Camille Martin vous demande une recommandation");
        String link = path(MailServer.link(mail, "/endorse/"));
        mvc.perform(get(link)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Camille Martin vous demande de recommander son badge")));

        mvc.perform(post(link).with(csrf()).param("name", "").param("comment", "Gardé."))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Indiquez votre nom")))
                .andExpect(content().string(containsString("Gardé.")));
        mvc.perform(post(link).with(csrf()).param("name", "X").param("comment", "a".repeat(1_000_000)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Le commentaire est trop long")));
        mvc.perform(post(link).with(csrf()).param("name", "X").param("website", "javascript:alert(1)")
                        .param("comment", "Oui."))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("http:// ou https://")));
        assertThat(endorsements.askedBy(earner.id()).get(0).state()).isEqualTo("REQUESTED");
        mvc.perform(post(link).with(csrf()).param("name", "Dominique Tutrice").param("role", "Tutrice")
                        .param("affiliation", "Centre social").param("website", "https://tutrice.example.org")
                        .param("comment", "Une **animatrice** attentive <script>alert(1)</script>"))
                .andExpect(redirectedUrl("/endorse/done?outcome=sent-page"));
        mvc.perform(get(link)).andExpect(status().isGone())
                .andExpect(content().string(containsString("Ce lien a déjà servi")));
        String page = path(MailServer.link(MailServer.awaitMail(tutor, 2, Duration.ofSeconds(20)), "/endorser/"));

        EndorsementView written = endorsements.askedBy(earner.id()).get(0);
        assertThat(written.state()).isEqualTo("SUBMITTED");
        UUID id = written.id().value();
        mvc.perform(get("/ob2/assertions/{id}", award.id().value()).with(atAddress(port)).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(not(containsString("Dominique Tutrice"))));
        mvc.perform(get("/ob3/endorsements/{id}", id)).andExpect(status().isNotFound());
        mvc.perform(post("/backpack/endorsements/received/{id}/accept", id).with(as(stranger)).with(csrf()))
                .andExpect(flash().attribute("refusal", "error.endorsement.not-found"));
        mvc.perform(post("/backpack/endorsements/received/{id}/accept", id).with(as(earner)).with(csrf())
                        .with(atAddress(port)))
                .andExpect(flash().attribute("notice", "backpack.endorsements.received.accepted"));

        String ob3 = body(mvc.perform(get("/ob3/endorsements/{id}", id).with(atAddress(port)))
                .andExpect(status().isOk()));
        assertThat(ob3).contains("EndorsementCredential", "eddsa-rdfc-2022", "Dominique Tutrice",
                "/ob3/credentials/" + award.id().value(), "https://tutrice.example.org");
        assertThat(body(mvc.perform(get("/ob2/endorsements/{id}", id).with(atAddress(port)))))
                .contains("\"type\":\"Endorsement\"", "/ob2/assertions/" + award.id().value());
        assertThat(body(mvc.perform(get("/ob2/assertions/{id}", award.id().value()).with(atAddress(port))
                .accept(MediaType.APPLICATION_JSON)))).contains("/ob2/endorsements/" + id);
        mvc.perform(get("/ob2/assertions/{id}", award.id().value()).with(atAddress(port)).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString(TUTOR)))
                .andExpect(content().string(containsString("<strong>animatrice</strong>")))
                .andExpect(content().string(not(containsString("<script>alert"))));
        mvc.perform(get("/backpack/endorsements").with(as(earner)))
                .andExpect(content().string(containsString("Dominique Tutrice")))
                .andExpect(content().string(containsString("<strong>animatrice</strong>")));
        verify("{\"credential\": " + ob3 + "}").andExpect(jsonPath("$.verdict").value("valid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.status')].status").value("passed"));
        verify("{\"url\": \"http://127.0.0.1:" + port + "/ob2/assertions/" + award.id().value() + "\"}")
                .andExpect(jsonPath("$.verdict").value("valid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob2.endorsements')].status").value("passed"));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where subject_id = ? and action = ?"
                + " and organisation_id = ?", Integer.class, id, "ENDORSEMENT_ACCEPTED",
                published.organisation().value())).isEqualTo(1);

        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(containsString(tutor)))
                .andExpect(content().string(containsString("Centre social")));
        mvc.perform(post(page + "/endorsements/{id}/withdraw", id).with(csrf()))
                .andExpect(flash().attribute("notice", "issuer.endorsements.withdrawn"));
        mvc.perform(get("/ob2/endorsements/{id}", id).with(atAddress(port))).andExpect(status().isGone());
        verify("{\"credential\": " + ob3 + "}").andExpect(jsonPath("$.verdict").value("invalid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.status')].status").value("failed"));
        mvc.perform(get("/ob2/assertions/{id}", award.id().value()).with(atAddress(port)).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(not(containsString("Dominique Tutrice"))));

        mvc.perform(post(page + "/erase").with(csrf())).andExpect(redirectedUrl("/endorse/done?outcome=erased"));
        mvc.perform(get(page)).andExpect(status().isGone());
        Map<String, Object> kept = jdbc.queryForMap("select p.display_name, p.email, p.role, e.comment,"
                + " e.ob3_credential from endorser_person p join endorsement e on e.endorser_id = p.id where e.id = ?",
                id);
        assertThat(kept).containsEntry("display_name", "—").containsEntry("email", null).containsEntry("role", null)
                .containsEntry("comment", null).containsEntry("ob3_credential", null);
        mvc.perform(get("/ob3/endorsements/{id}", id)).andExpect(status().isNotFound());
    }

    @Test
    void remindsOnceWithNewLinkThenPersonWithAccountEndorsesAndEarnerDeclines() throws Exception {
        AccountUser tutor = fixture.account("Tutor");
        profiles.publish(tutor.id(), "Dominique Tuteur");
        ask(tutor.email()).andExpect(flash().attribute("notice", "backpack.endorsements.asked"));
        // The first mail to this address confirmed it at sign-up; the second is the request.
        String first = path(MailServer.link(MailServer.awaitMail(tutor.email(), 2, Duration.ofSeconds(20)),
                "/endorse/"));
        UUID id = endorsements.askedBy(earner.id()).get(0).id().value();

        assertThat(mails.sendReminders()).isZero();
        jdbc.update("update endorsement set expires_at = now() + interval '3 days' where id = ?", id);
        assertThat(mails.sendReminders()).isEqualTo(1);
        assertThat(mails.sendReminders()).isZero();
        MimeMessage reminder = MailServer.awaitMail(tutor.email(), 3, Duration.ofSeconds(20));
        assertThat(MailServer.body(reminder)).contains("Rappel");
        String link = path(MailServer.link(reminder, "/endorse/"));
        assertThat(link).isNotEqualTo(first);
        mvc.perform(get(first)).andExpect(status().isGone())
                .andExpect(content().string(containsString("utilisez celui du rappel")));

        mvc.perform(get(link).with(as(tutor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Dominique Tuteur")));
        mvc.perform(post(link).with(as(tutor)).with(csrf()).param("comment", "Très **fiable**."))
                .andExpect(redirectedUrl("/endorse/done?outcome=sent"));
        assertThat(endorsements.askedBy(earner.id()).get(0).endorserName()).isEqualTo("Dominique Tuteur");
        mvc.perform(post("/backpack/endorsements/received/{id}/decline", id).with(as(earner)).with(csrf()))
                .andExpect(flash().attribute("notice", "backpack.endorsements.received.declined"));
        mvc.perform(post("/backpack/endorsements/received/{id}/accept", id).with(as(earner)).with(csrf()))
                .andExpect(flash().attribute("refusal", "error.endorsement.not-pending"));
        mvc.perform(get("/ob3/endorsements/{id}", id)).andExpect(status().isNotFound());

        String other = "ami." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        ask(other).andExpect(flash().attribute("notice", "backpack.endorsements.asked"));
        String expiring = path(MailServer.link(MailServer.awaitMail(other, 1, Duration.ofSeconds(20)), "/endorse/"));
        jdbc.update("update endorsement set expires_at = now() - interval '1 second' where invitee_email = ?", other);
        mvc.perform(get(expiring)).andExpect(status().isGone())
                .andExpect(content().string(containsString("Ce lien a expiré")));
        ask(other).andExpect(flash().attribute("notice", "backpack.endorsements.asked"));
    }

    /**
     * An organisation asks a person by e-mail to endorse one of its badge classes: not a member of its staff;
     * the person answers without an account and the endorsement is published at once, signed by them.
     */
    @Test
    void organisationAsksPersonWhoEndorsesItsBadgeClassAtOnce() throws Exception {
        UUID org = published.organisation().value();
        String target = "BADGE_CLASS:" + published.badgeClass().value();
        String partner = "partenaire." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        mvc.perform(post("/console/organisations/{id}/endorsements/person-requests", org).with(as(published.owner()))
                        .with(csrf()).param("target", target).param("email", published.owner().email()))
                .andExpect(flash().attribute("refusal", "error.endorsement.asked-staff"));
        mvc.perform(post("/console/organisations/{id}/endorsements/person-requests", org).with(as(earner))
                        .with(csrf()).param("target", target).param("email", partner))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/organisations/{id}/endorsements/person-requests", org).with(as(published.owner()))
                        .with(csrf()).param("target", target).param("email", partner))
                .andExpect(flash().attribute("notice", "issuer.endorsements.ask-person.sent"));
        MimeMessage mail = MailServer.awaitMail(partner, 1, Duration.ofSeconds(20));
        assertThat(mail.getSubject()).isEqualTo("Ligue de l'enseignement vous demande une recommandation");
        String link = path(MailServer.link(mail, "/endorse/"));
        mvc.perform(get("/console/organisations/{id}/endorsements", org).with(as(published.owner())))
                .andExpect(content().string(containsString(partner)));
        mvc.perform(get(link)).andExpect(content().string(containsString(
                "Ligue de l&#39;enseignement vous demande de recommander son badge « Animer une réunion »")));
        mvc.perform(post(link).with(csrf()).with(atAddress(port)).param("name", "Paul Partenaire")
                        .param("comment", "Un badge utile."))
                .andExpect(redirectedUrl("/endorse/done?outcome=sent-page"));
        UUID id = jdbc.queryForObject("select id from endorsement where invitee_email = ? and status = 'ACCEPTED'",
                UUID.class, partner);
        String credential = body(mvc.perform(get("/ob3/endorsements/{id}", id).with(atAddress(port))));
        assertThat(credential).contains("EndorsementCredential", "Paul Partenaire", "Un badge utile.",
                "/ob3/achievements/" + published.badgeClass().value());
        verify("{\"credential\": " + credential + "}").andExpect(jsonPath("$.verdict").value("valid"));
        mvc.perform(get("/ob2/badge-classes/{id}", published.badgeClass().value()).with(atAddress(port))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Paul Partenaire")));
    }

    private ResultActions ask(String email) throws Exception {
        return mvc.perform(post("/backpack/endorsements/ask").with(as(earner)).with(csrf())
                        .param("award", award.id().value().toString()).param("email", email))
                .andExpect(status().isFound());
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private ResultActions verify(String body) throws Exception {
        return EndorsementIntegrationTests.verify(mvc, body);
    }
}
