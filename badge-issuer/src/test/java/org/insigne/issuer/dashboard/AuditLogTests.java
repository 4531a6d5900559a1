package org.insigne.issuer.dashboard;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.insigne.issuer.audit.AuditAction;
import org.insigne.issuer.audit.AuditEntryView;
import org.insigne.issuer.audit.AuditLog;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.Alignment;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.key.SigningKeyService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every console action leaves one audit entry, in the transaction of the action itself. */
@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class AuditLogTests {

    static final StoredImage PNG = ImageUploads.accept(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1});
    static final HostedUrls HTTPS = new HostedUrls("https://badges.insigne.test/");

    @Autowired AuditLog audit;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired SigningKeyService keys;
    @Autowired TransactionTemplate transactions;

    final UUID owner = UUID.randomUUID();

    @Test
    void recordsEachActionWithItsActorTheirAddressAndItsSubject() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        organisations.describe(org, owner, new OrganisationProfile("Ligue de l'enseignement", null,
                "https://ligue.example.org", null, null, null), PNG);
        UUID member = UUID.randomUUID();
        var invitation = staff.invite(org, owner, "Jeanne.Martin@Example.org", StaffRole.VIEWER);
        staff.accept(invitation.token(), member, "jeanne.martin@example.org");
        staff.changeRole(org, owner, member, StaffRole.AWARDER);
        staff.remove(org, owner, member);
        BadgeClassId badge = badgeClasses.create(org, owner, content("Bénévole"), PNG).id();
        badgeClasses.edit(org, badge, owner, content("Bénévole actif"), null);
        badgeClasses.edit(org, badge, owner, content("Bénévole actif"), PNG);
        badgeClasses.publish(org, badge, owner);
        AwardView award = awards.award(org, badge, owner, new AwardRequest(UUID.randomUUID(), "jean@example.org",
                "Jean Petit", "Je fais", null, null, null), HTTPS);
        awards.markClaimed(award.id());
        awards.markClaimed(award.id());
        awards.revoke(org, award.id(), owner, "Délivré par erreur");
        badgeClasses.archive(org, badge, owner);
        keys.rotate(org);

        List<AuditEntryView> entries = new java.util.ArrayList<>(audit.page(org.value(), null, 0, 100).entries());
        java.util.Collections.reverse(entries);

        assertThat(entries).extracting(AuditEntryView::action).containsExactly(
                AuditAction.ORGANISATION_CREATED, AuditAction.ORGANISATION_PROFILE_CHANGED,
                AuditAction.STAFF_INVITED, AuditAction.STAFF_INVITATION_ACCEPTED, AuditAction.STAFF_ROLE_CHANGED,
                AuditAction.STAFF_MEMBER_REMOVED, AuditAction.BADGE_CLASS_CREATED, AuditAction.BADGE_CLASS_EDITED,
                AuditAction.BADGE_CLASS_IMAGE_CHANGED, AuditAction.BADGE_CLASS_EDITED,
                AuditAction.BADGE_CLASS_PUBLISHED, AuditAction.SIGNING_KEY_GENERATED,
                AuditAction.SIGNING_KEY_GENERATED, AuditAction.AWARD_CREATED, AuditAction.AWARD_CLAIMED,
                AuditAction.AWARD_REVOKED, AuditAction.BADGE_CLASS_ARCHIVED, AuditAction.SIGNING_KEYS_ROTATED);
        AuditEntryView created = entries.get(0);
        assertThat(created.actorId()).isEqualTo(owner);
        assertThat(created.actorEmail()).isEqualTo("user-" + owner + "@staff.test");
        assertThat(created.subjectType()).isEqualTo(AuditAction.Subject.ORGANISATION);
        assertThat(created.detail()).isEqualTo(Map.of("name", "Ligue"));
        assertThat(entries.get(2).detail()).containsEntry("email", "j***@example.org").containsEntry("role", "VIEWER");
        AuditEntryView joined = entries.get(3);
        assertThat(joined.actorId()).isEqualTo(member);
        assertThat(joined.subjectId()).isEqualTo(member);
        assertThat(entries.get(4).detail()).containsEntry("role", "AWARDER");
        assertThat(entries.get(6).subjectId()).isEqualTo(badge.value());
        assertThat(entries.get(9).detail()).containsEntry("name", "Bénévole actif");
        AuditEntryView awarded = entries.get(13);
        assertThat(awarded.subjectId()).isEqualTo(award.id().value());
        assertThat(awarded.detail()).containsEntry("badgeClass", "Bénévole actif")
                .containsEntry("recipient", "j***@example.org").containsEntry("badgeClassId", badge.value().toString());
        assertThat(awarded.detail().values()).noneMatch(v -> v.contains("jean@"));
        AuditEntryView claimed = entries.get(14);
        assertThat(claimed.actorId()).isNull();
        assertThat(claimed.actorEmail()).isNull();
        assertThat(entries.get(15).detail()).containsEntry("reason", "Délivré par erreur");
        assertThat(entries.get(17).actorId()).isNull();
    }

    @Test
    void keepsNoEntryOfAnActionRolledBack() {
        OrganisationId org = organisations.create(owner, "Ligue").id();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            badgeClasses.create(org, owner, content("Jamais créé"), PNG);
            throw new IllegalStateException("the action fails after the entry was written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(audit.page(org.value(), null, 0, 50).entries()).extracting(AuditEntryView::action)
                .containsExactly(AuditAction.ORGANISATION_CREATED);
        assertThat(badgeClasses.badgeClasses(org, owner)).isEmpty();
    }

    @Test
    void refusesToRecordOutsideTheActionsTransaction() {
        OrganisationId org = organisations.create(owner, "Ligue").id();

        assertThatThrownBy(() -> audit.record(org.value(), owner, AuditAction.ORGANISATION_PROFILE_CHANGED,
                org.value(), Map.of())).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void recordsManyEntriesOfOneActorInOneBatchAsOneByOneRecordingWould() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        transactions.executeWithoutResult(status -> audit.recordAll(org.value(), owner, AuditAction.AWARD_CREATED,
                List.of(new AuditLog.Subject(first, Map.of("recipient", "a***@example.org")),
                        new AuditLog.Subject(second, Map.of("reason", "x".repeat(800))))));

        List<AuditEntryView> awarded = audit.page(org.value(), AuditAction.AWARD_CREATED, 0, 10).entries();
        assertThat(awarded).extracting(AuditEntryView::subjectId).containsExactlyInAnyOrder(first, second);
        assertThat(awarded).allSatisfy(entry -> {
            assertThat(entry.actorId()).isEqualTo(owner);
            assertThat(entry.actorEmail()).isEqualTo("user-" + owner + "@staff.test");
            assertThat(entry.subjectType()).isEqualTo(AuditAction.Subject.AWARD);
        });
        assertThat(awarded).filteredOn(e -> e.subjectId().equals(first)).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo(Map.of("recipient", "a***@example.org")));
        assertThat(awarded).filteredOn(e -> e.subjectId().equals(second)).singleElement()
                .satisfies(e -> assertThat(e.detail().get("reason")).hasSize(500));
        assertThatThrownBy(() -> audit.recordAll(org.value(), owner, AuditAction.AWARD_CREATED,
                List.of(new AuditLog.Subject(first, Map.of())))).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void masksAnAddressToItsFirstCharacterAndDomain() {
        assertThat(AuditLog.masked("jean.dupont@example.org")).isEqualTo("j***@example.org");
        assertThat(AuditLog.masked("éloïse@exemple.fr")).isEqualTo("é***@exemple.fr");
        assertThat(AuditLog.masked("sans-arobase")).isEqualTo("***");
        assertThat(AuditLog.masked("@example.org")).isEqualTo("***");
    }

    static BadgeClassContent content(String name) {
        return new BadgeClassContent(name, "Donner de son temps.", "Avoir donné **dix** heures.",
                List.of(new Alignment("ESCO", null, "bénévolat", "https://esco.ec.europa.eu/")),
                List.of("bénévolat"), BadgeClassContent.DEFAULT_LEVELS, null, false);
    }
}
