package org.insigne.issuer.award;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.dashboard.DashboardService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.insigne.issuer.award.AwardServiceTests.HTTPS;
import static org.insigne.issuer.award.AwardServiceTests.PNG;

@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class ExpiryReminderServiceTests {

    @Autowired ExpiryReminderService reminders;
    @Autowired AwardService awards;
    @Autowired BadgeClassService badgeClasses;
    @Autowired OrganisationService organisations;
    @Autowired DashboardService dashboards;

    final UUID owner = UUID.randomUUID();
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void findsUnrevokedAwardsExpiringWithinTheHorizonOnly() {
        OrganisationId org = organisations.create(owner, "Ligue des reminders").id();
        BadgeClassId badge = yearLong(org, "Secouriste");
        AwardView soon = award(org, badge, "soon@example.org", today.minusYears(1).plusDays(10));
        AwardView revoked = award(org, badge, "revoked@example.org", today.minusYears(1).plusDays(10));
        awards.revoke(org, revoked.id(), owner, "Erreur");
        AwardView expired = award(org, badge, "expired@example.org", today.minusYears(1).minusDays(2));
        AwardView later = award(org, badge, "later@example.org", today.minusMonths(6));

        List<AwardId> due = dueIds(30);

        assertThat(due).contains(soon.id()).doesNotContain(revoked.id(), expired.id(), later.id());
        DueReminder reminder = dueOf(soon.id());
        assertThat(reminder.badgeName()).isEqualTo("Secouriste");
        assertThat(reminder.issuerName()).isEqualTo("Ligue des reminders");
        assertThat(reminder.recipientEmail()).isEqualTo("soon@example.org");
        assertThat(reminder.expiresAt()).isEqualTo(soon.expiresAt());
        assertThat(reminder.assertionUrl()).isEqualTo(HTTPS.ob2Assertion(soon.id().value()));
        assertThat(dueIds(5)).doesNotContain(soon.id());
    }

    @Test
    void letsOneClaimantOnlySendEachReminder() throws Exception {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        AwardView soon = award(org, yearLong(org, "Animateur"), "claim@example.org", today.minusYears(1).plusDays(3));
        DueReminder reminder = dueOf(soon.id());

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> first = () -> reminders.claim(reminder, "node-a");
            Callable<Boolean> second = () -> reminders.claim(reminder, "node-b");
            List<Future<Boolean>> claims = nodes.invokeAll(List.of(first, second));
            assertThat(List.of(claims.get(0).get(), claims.get(1).get())).containsExactlyInAnyOrder(true, false);
        } finally {
            nodes.shutdown();
        }
        assertThat(dueIds(30)).doesNotContain(soon.id());
        assertThat(reminders.outcome(soon.id())).isEmpty();

        reminders.record(soon.id(), ExpiryReminderService.Outcome.SENT);

        assertThat(reminders.outcome(soon.id())).contains(ExpiryReminderService.Outcome.SENT);
        reminders.release(soon.id());
        assertThat(dueIds(30)).doesNotContain(soon.id());
    }

    @Test
    void givesBackAClaimWhoseMailWasRefused() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        AwardView soon = award(org, yearLong(org, "Cuisinier"), "refused@example.org", today.minusYears(1).plusDays(3));
        assertThat(reminders.claim(dueOf(soon.id()), "node-a")).isTrue();

        reminders.release(soon.id());

        assertThat(dueIds(30)).contains(soon.id());
    }

    @Test
    void countsTheUnrevokedAwardsExpiringFromNowToTheEndOfTheMonth() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        BadgeClassId badge = yearLong(org, "Arbitre");
        award(org, badge, "tomorrow@example.org", today.minusYears(1).plusDays(1));
        AwardView revoked = award(org, badge, "revoked@example.org", today.minusYears(1).plusDays(1));
        awards.revoke(org, revoked.id(), owner, "Erreur");
        award(org, badge, "past@example.org", today.minusYears(1).minusDays(1));
        award(org, badge, "later@example.org", today.minusYears(1).plusDays(40));
        OrganisationId other = organisations.create(owner, "Autre").id();
        award(other, yearLong(other, "Arbitre"), "other@example.org", today.minusYears(1).plusDays(1));
        // Expiring tomorrow at midnight UTC is this month unless today is the month's last day.
        long expected = today.plusDays(1).getMonth() == today.getMonth() ? 1 : 0;

        assertThat(dashboards.dashboard(org, owner).expiringThisMonth()).isEqualTo(expected);
    }

    private List<AwardId> dueIds(int days) {
        Instant now = Instant.now();
        return reminders.due(now, now.plus(days, ChronoUnit.DAYS), 1000).stream().map(DueReminder::award).toList();
    }

    private DueReminder dueOf(AwardId award) {
        Instant now = Instant.now();
        return reminders.due(now, now.plus(30, ChronoUnit.DAYS), 1000).stream()
                .filter(r -> r.award().equals(award)).findFirst().orElseThrow();
    }

    private BadgeClassId yearLong(OrganisationId org, String name) {
        BadgeClassId id = badgeClasses.create(org, owner, new BadgeClassContent(name, "Description.", "Critères.",
                List.of(), List.of(), BadgeClassContent.DEFAULT_LEVELS, 12, false), PNG).id();
        badgeClasses.publish(org, id, owner);
        return id;
    }

    private AwardView award(OrganisationId org, BadgeClassId badge, String email, LocalDate issuedOn) {
        return awards.award(org, badge, owner, new AwardRequest(UUID.randomUUID(), email, "Camille", "Je fais",
                null, null, issuedOn), HTTPS);
    }
}
