package org.insigne.web.issuer;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.mail.internet.MimeMessage;
import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.award.ExpiryReminderService;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.work.Leases;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.system.DisplayDates;
import org.insigne.web.system.Links;
import org.insigne.web.system.Mailer;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.insigne.web.issuer.ConsoleFixture.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Expiry reminders as earners receive them from a real SMTP server (GreenMail): one mail per award, even when
 * two nodes sweep at once, in the earner's language with the date said in it and how to renew; none for
 * earners who turned them off, nor for revoked or already expired awards; and the issuers' count of badges
 * expiring this month.
 */
@InsigneIntegrationTest
class ExpiryReminderIntegrationTests {

    static final HostedUrls HOSTED = new HostedUrls("https://badges.insigne.test");

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired ApplicationService applications;
    @Autowired ExpiryReminderService reminders;
    @Autowired ExpiryReminderMailer mailer;
    @Autowired Mailer mail;
    @Autowired Links links;
    @Autowired DisplayDates dates;
    @Autowired Leases leases;
    @Autowired Clock clock;

    ConsoleFixture fixture;
    AccountUser owner;
    OrganisationId organisation;
    BadgeClassId badgeClass;
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void publishABadgeThatLastsAYear() throws Exception {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        owner = fixture.account("Owner");
        organisation = fixture.organisation(owner, "Ligue des secouristes");
        badgeClass = yearLong("Premiers secours");
    }

    @Test
    void remindsEachEarnerOnceInTheirLanguageEvenWithTwoNodesSweeping() throws Exception {
        AccountUser french = fixture.account("Camille");
        AccountUser english = fixture.account("Sam");
        jdbc.update("update user_account set preferred_locale = 'en' where id = ?", english.id());
        jdbc.update("update organisation set contact_email = 'contact@secouristes.example' where id = ?",
                organisation.value());
        AwardView toFrench = award(french.email(), today.minusYears(1).plusDays(12));
        AwardView toEnglish = award(english.email(), today.minusYears(1).plusDays(20));
        String anonymous = "sans.compte." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        award(anonymous, today.minusYears(1).plusDays(25));

        Leases otherNode = new Leases(jdbc, "other", Duration.ofSeconds(30));
        otherNode.start();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            ExpiryReminderMailer other = new ExpiryReminderMailer(reminders, applications, accounts, mail, links,
                    dates, otherNode, clock, 30);
            Callable<Integer> here = mailer::sendDue;
            Callable<Integer> there = other::sendDue;
            nodes.invokeAll(List.of(here, there, here, there));
        } finally {
            nodes.shutdown();
            otherNode.stop();
        }
        mailer.sendDue();

        Thread.sleep(500);
        assertThat(remindersTo(french.email())).hasSize(1);
        assertThat(remindersTo(english.email())).hasSize(1);
        assertThat(remindersTo(anonymous)).hasSize(1);
        MimeMessage fr = remindersTo(french.email()).get(0);
        MimeMessage en = remindersTo(english.email()).get(0);
        String frenchDate = dates.date(toFrench.expiresAt(), Locale.FRENCH);
        assertThat(frenchDate).matches("\\d{1,2} \\p{L}+ \\d{4}");
        assertThat(fr.getSubject()).isEqualTo("Votre badge « Premiers secours » expire le " + frenchDate);
        assertThat(text(fr)).contains("Votre badge « Premiers secours », délivré par Ligue des secouristes, expire le "
                + frenchDate, "contact@secouristes.example").doesNotContain("/apply/");
        assertThat(MailServer.link(fr, "/ob2/assertions/")).isEqualTo(HOSTED.ob2Assertion(toFrench.id().value()));
        assertThat(MailServer.link(fr, "/backpack/reminders")).isEqualTo("https://badges.insigne.test/backpack/reminders");
        assertThat(en.getSubject()).isEqualTo("Your badge \"Premiers secours\" expires on "
                + dates.date(toEnglish.expiresAt(), Locale.ENGLISH));
        assertThat(reminders.outcome(toFrench.id())).contains(ExpiryReminderService.Outcome.SENT);
    }

    @Test
    void linksToTheApplicationPageWhileTheBadgeTakesApplications() throws Exception {
        new ApplicationFixture(fixture, applications).open(organisation, badgeClass, owner);
        AccountUser earner = fixture.account("Lea");
        award(earner.email(), today.minusYears(1).plusDays(5));

        mailer.sendDue();

        Thread.sleep(500);
        MimeMessage reminder = remindersTo(earner.email()).get(0);
        assertThat(MailServer.link(reminder, "/apply/"))
                .isEqualTo("https://badges.insigne.test/apply/" + badgeClass.value());
        assertThat(text(reminder)).contains("vous pouvez le demander à nouveau");
    }

    @Test
    void sendsNothingToEarnersWhoTurnedRemindersOff() throws Exception {
        AccountUser earner = fixture.account("Noa");
        String settings = mvc.perform(get("/backpack/reminders").with(as(earner))).andReturn().getResponse()
                .getContentAsString();
        assertThat(settings).contains("id=\"expiryReminders\"").containsPattern("value=\"true\"\\s+checked");
        mvc.perform(post("/backpack/reminders").with(as(earner)).with(csrf()))
                .andExpect(redirectedUrl("/backpack/reminders?saved"));
        AwardView award = award(earner.email(), today.minusYears(1).plusDays(7));

        mailer.sendDue();

        assertThat(accounts.wantsExpiryReminders(earner.id())).isFalse();
        assertThat(reminders.outcome(award.id())).contains(ExpiryReminderService.Outcome.TURNED_OFF);
        Thread.sleep(500);
        assertThat(remindersTo(earner.email())).isEmpty();
        assertThat(mvc.perform(get("/backpack/reminders").with(as(earner))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("checked");
    }

    @Test
    void sendsNothingForRevokedOrAlreadyExpiredAwards() throws Exception {
        AccountUser revoked = fixture.account("Revoque");
        AccountUser expired = fixture.account("Expire");
        AccountUser later = fixture.account("Plustard");
        AwardView withdrawn = award(revoked.email(), today.minusYears(1).plusDays(7));
        awards.revoke(organisation, withdrawn.id(), owner.id(), "Délivré par erreur");
        AwardView past = award(expired.email(), today.minusYears(1).minusDays(3));
        AwardView notYet = award(later.email(), today.minusMonths(6));

        mailer.sendDue();

        Thread.sleep(500);
        assertThat(remindersTo(revoked.email())).isEmpty();
        assertThat(remindersTo(expired.email())).isEmpty();
        assertThat(remindersTo(later.email())).isEmpty();
        assertThat(reminders.outcome(withdrawn.id())).isEmpty();
        assertThat(reminders.outcome(past.id())).isEmpty();
        assertThat(reminders.outcome(notYet.id())).isEmpty();
    }

    @Test
    void showsIssuersHowManyBadgesExpireThisMonth() throws Exception {
        award("a." + UUID.randomUUID() + "@example.org", today.minusYears(1).plusDays(1));
        AwardView revoked = award("b." + UUID.randomUUID() + "@example.org", today.minusYears(1).plusDays(1));
        awards.revoke(organisation, revoked.id(), owner.id(), "Erreur");
        award("c." + UUID.randomUUID() + "@example.org", today.minusYears(1).minusDays(1));
        award("d." + UUID.randomUUID() + "@example.org", today.minusYears(1).plusDays(40));
        // Tomorrow at midnight UTC is still this month in Paris unless today is the month's last day.
        long expected = today.plusDays(1).getMonth() == today.getMonth() ? 1 : 0;

        String french = page("/console/organisations/" + organisation.value() + "/dashboard");
        String english = page("/console/organisations/" + organisation.value() + "/dashboard?lang=en");

        assertThat(french).contains("Badges qui expirent ce mois-ci : " + expected);
        assertThat(english).contains("Badges expiring this month: " + expected);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(as(owner))).andReturn().getResponse().getContentAsString();
    }

    /** The expiry reminders among the mails to {@code email} (accounts also get their confirmation mail). */
    private static List<MimeMessage> remindersTo(String email) {
        return MailServer.mailsTo(email).stream().filter(m -> MailServer.body(m).replace("=\r\n", "").contains("/backpack/reminders")).toList();
    }

    private static String text(MimeMessage mail) {
        try {
            return mail.getContent().toString().replaceAll("<[^>]+>", " ").replace("&#39;", "'");
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private BadgeClassId yearLong(String name) {
        BadgeClassId id = badgeClasses.create(organisation, owner.id(), new BadgeClassContent(name,
                "Porter secours.", "Avoir suivi la formation.", List.of(), List.of(),
                BadgeClassContent.DEFAULT_LEVELS, 12, false), ConsoleFixture.PNG).id();
        badgeClasses.publish(organisation, id, owner.id());
        return id;
    }

    private AwardView award(String email, LocalDate issuedOn) {
        return awards.award(organisation, badgeClass, owner.id(), new AwardRequest(UUID.randomUUID(), email,
                "Camille Martin", "Je fais", null, null, issuedOn), HOSTED);
    }
}
