package org.insigne.issuer.dashboard;

import java.util.UUID;

import org.insigne.issuer.audit.AuditAction;
import org.insigne.issuer.audit.AuditEntryView;
import org.insigne.issuer.audit.AuditPage;
import org.insigne.issuer.award.AwardCounts;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationNotFound;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffRoleInsufficient;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.insigne.issuer.dashboard.AuditLogTests.HTTPS;
import static org.insigne.issuer.dashboard.AuditLogTests.PNG;
import static org.insigne.issuer.dashboard.AuditLogTests.content;

@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class DashboardServiceTests {

    @Autowired DashboardService dashboards;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;

    final UUID owner = UUID.randomUUID();

    @Test
    void countsIssuedClaimedAndRevokedPerBadgeClass() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        BadgeClassId volunteer = published(org, "Bénévole");
        BadgeClassId host = published(org, "Animateur");
        BadgeClassId draft = badgeClasses.create(org, owner, content("Brouillon"), PNG).id();
        AwardView first = award(org, volunteer, "a@example.org");
        AwardView second = award(org, volunteer, "b@example.org");
        award(org, volunteer, "c@example.org");
        AwardView hosted = award(org, host, "d@example.org");
        awards.markClaimed(first.id());
        awards.markClaimed(first.id());
        awards.markClaimed(second.id());
        awards.revoke(org, second.id(), owner, "Erreur");
        awards.revoke(org, hosted.id(), owner, "Erreur");
        OrganisationId other = organisations.create(owner, "Autre").id();
        award(other, published(other, "Bénévole"), "e@example.org");

        Dashboard dashboard = dashboards.dashboard(org, owner);

        assertThat(dashboard.badgeClasses()).extracting(BadgeClassCounts::name, BadgeClassCounts::counts).containsExactlyInAnyOrder(
                tuple("Animateur", new AwardCounts(1, 0, 1)),
                tuple("Bénévole", new AwardCounts(3, 2, 1)),
                tuple("Brouillon", AwardCounts.NONE));
        assertThat(dashboard.total()).isEqualTo(new AwardCounts(4, 2, 2));
        assertThat(dashboard.badgeClassNames()).containsEntry(draft.value(), "Brouillon");
        assertThat(dashboard.recent()).hasSize(16);
        assertThat(dashboard.recent().get(0).action()).isEqualTo(AuditAction.AWARD_REVOKED);
        assertThat(dashboard.canReadAuditLog()).isTrue();
    }

    @Test
    void pagesTheAuditLogByFiftyNewestFirstAndFiltersByAction() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        for (int i = 0; i < 60; i++) {
            badgeClasses.create(org, owner, content("Badge " + i), PNG);
        }

        AuditPage first = dashboards.auditLog(org, owner, null, 0).page();
        AuditPage second = dashboards.auditLog(org, owner, null, 1).page();
        AuditPage created = dashboards.auditLog(org, owner, AuditAction.BADGE_CLASS_CREATED, 1).page();
        AuditPage beyond = dashboards.auditLog(org, owner, null, 7).page();

        assertThat(first.entries()).hasSize(50);
        assertThat(first.total()).isEqualTo(61);
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.entries().get(0).detail("name")).isEqualTo("Badge 59");
        assertThat(second.entries()).hasSize(11);
        assertThat(second.hasNext()).isFalse();
        assertThat(second.entries().get(second.entries().size() - 1).action()).isEqualTo(AuditAction.ORGANISATION_CREATED);
        assertThat(first.entries()).extracting(AuditEntryView::id).doesNotContainAnyElementsOf(
                second.entries().stream().map(AuditEntryView::id).toList());
        assertThat(created.total()).isEqualTo(60);
        assertThat(created.entries()).hasSize(10).allMatch(e -> e.action() == AuditAction.BADGE_CLASS_CREATED);
        assertThat(beyond.entries()).isEmpty();
        assertThat(dashboards.dashboard(org, owner).recent()).hasSize(DashboardService.RECENT)
                .extracting(e -> e.detail("name")).startsWith("Badge 59", "Badge 58").endsWith("Badge 40");
    }

    @Test
    void showsCountsToEveryMemberAndTheFullLogToOwnersAndAdministratorsOnly() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        UUID admin = member(org, StaffRole.ADMIN);
        UUID awarder = member(org, StaffRole.AWARDER);
        UUID viewer = member(org, StaffRole.VIEWER);
        UUID outsider = UUID.randomUUID();

        assertThat(dashboards.dashboard(org, viewer).canReadAuditLog()).isFalse();
        assertThat(dashboards.dashboard(org, awarder).canReadAuditLog()).isFalse();
        assertThat(dashboards.dashboard(org, admin).canReadAuditLog()).isTrue();
        assertThat(dashboards.auditLog(org, admin, null, 0).page().total()).isEqualTo(7);
        assertThatThrownBy(() -> dashboards.auditLog(org, awarder, null, 0)).isInstanceOf(StaffRoleInsufficient.class);
        assertThatThrownBy(() -> dashboards.auditLog(org, viewer, null, 0)).isInstanceOf(StaffRoleInsufficient.class);
        assertThatThrownBy(() -> dashboards.dashboard(org, outsider)).isInstanceOf(OrganisationNotFound.class);
        assertThatThrownBy(() -> dashboards.auditLog(org, outsider, null, 0)).isInstanceOf(OrganisationNotFound.class);
    }

    private UUID member(OrganisationId org, StaffRole role) {
        UUID user = UUID.randomUUID();
        String email = user + "@example.org";
        staff.accept(staff.invite(org, owner, email, role).token(), user, email);
        return user;
    }

    private BadgeClassId published(OrganisationId org, String name) {
        BadgeClassId id = badgeClasses.create(org, owner, content(name), PNG).id();
        badgeClasses.publish(org, id, owner);
        return id;
    }

    private AwardView award(OrganisationId org, BadgeClassId badge, String email) {
        return awards.award(org, badge, owner, new AwardRequest(UUID.randomUUID(), email, "Camille", "Je fais",
                null, null, null), HTTPS);
    }
}
