package org.insigne.issuer.badgeclass;

import java.util.List;
import java.util.UUID;

import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationNotFound;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffRoleInsufficient;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.testing.HostileInput;
import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class BadgeClassServiceTests {

    static final StoredImage PNG = ImageUploads.accept(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1});

    @Autowired
    BadgeClassService badgeClasses;

    @Autowired
    OrganisationService organisations;

    @Autowired
    StaffService staff;

    final UUID owner = UUID.randomUUID();

    @Test
    void keepsEverythingWrittenAndRendersTheCriteria() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        BadgeClassView created = badgeClasses.create(org, owner, content("Animer une réunion", 12), PNG);

        BadgeClassView read = badgeClasses.badgeClass(org, created.id(), owner);
        assertThat(read.status()).isEqualTo(BadgeClassStatus.DRAFT);
        assertThat(read.content().levels()).containsExactly("Je fais", "Je transmets", "Je pilote");
        assertThat(read.content().tags()).containsExactly("animation", "réunion");
        assertThat(read.content().alignments()).singleElement()
                .satisfies(a -> assertThat(a.framework()).isEqualTo("ESCO"));
        assertThat(read.content().expiryMonths()).isEqualTo(12);
        assertThat(read.criteriaHtml()).contains("<strong>ordre du jour</strong>").doesNotContain("javascript");
        assertThat(badgeClasses.image(created.id())).contains(PNG);
        assertThat(badgeClasses.badgeClasses(org, owner)).extracting(BadgeClassSummary::name)
                .containsExactly("Animer une réunion");
    }

    @Test
    void movesFromDraftToPublishedToArchivedAndFreezes() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        BadgeClassId id = badgeClasses.create(org, owner, content("B", null), PNG).id();

        assertThat(badgeClasses.publish(org, id, owner).status()).isEqualTo(BadgeClassStatus.PUBLISHED);
        assertThatThrownBy(() -> badgeClasses.publish(org, id, owner)).isInstanceOf(BadgeClassStatusForbids.class);
        badgeClasses.edit(org, id, owner, content("B2", 3), null);
        assertThat(badgeClasses.archive(org, id, owner).status()).isEqualTo(BadgeClassStatus.ARCHIVED);
        assertThatThrownBy(() -> badgeClasses.edit(org, id, owner, content("B3", 3), null))
                .isInstanceOf(BadgeClassStatusForbids.class);
        assertThatThrownBy(() -> badgeClasses.badgeClassToEdit(org, id, owner))
                .isInstanceOf(BadgeClassStatusForbids.class);
        assertThat(badgeClasses.badgeClass(org, id, owner).content().name()).isEqualTo("B2");
    }

    @Test
    @HostileInput({"A1", "A2"})
    void letsReadersReadButNotWriteAndHidesOtherOrganisations() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        BadgeClassId id = badgeClasses.create(org, owner, content("B", null), PNG).id();
        UUID awarder = UUID.randomUUID();
        staff.accept(staff.invite(org, owner, "a@example.org", StaffRole.AWARDER).token(), awarder, "a@example.org");

        assertThat(badgeClasses.badgeClass(org, id, awarder).editable()).isFalse();
        assertThatThrownBy(() -> badgeClasses.publish(org, id, awarder)).isInstanceOf(StaffRoleInsufficient.class);
        assertThatThrownBy(() -> badgeClasses.create(org, awarder, content("C", null), PNG))
                .isInstanceOf(StaffRoleInsufficient.class);

        UUID stranger = UUID.randomUUID();
        OrganisationId theirs = organisations.create(stranger, "Autre").id();
        assertThatThrownBy(() -> badgeClasses.badgeClass(org, id, stranger)).isInstanceOf(OrganisationNotFound.class);
        assertThatThrownBy(() -> badgeClasses.badgeClass(theirs, id, stranger)).isInstanceOf(BadgeClassNotFound.class);
        assertThatThrownBy(() -> badgeClasses.archive(theirs, id, stranger)).isInstanceOf(BadgeClassNotFound.class);
    }

    @Test
    @HostileInput("R1")
    void refusesContentOutOfBounds() {
        assertInvalid(() -> new BadgeClassContent("x".repeat(121), "d", "c", List.of(), List.of(), List.of("L"), null, false), "name");
        assertInvalid(() -> new BadgeClassContent("n", "x".repeat(2001), "c", List.of(), List.of(), List.of("L"), null, false), "description");
        assertInvalid(() -> new BadgeClassContent("n", "d", "c", List.of(), List.of(), List.of("L"), 0, false), "expiry");
        assertInvalid(() -> new BadgeClassContent("n", "d", "c", List.of(), List.of(), List.of("L"), 121, false), "expiry");
        assertInvalid(() -> new BadgeClassContent("n", "d", "c", List.of(), List.of(), List.of(), null, false), "levels");
        assertInvalid(() -> new BadgeClassContent("n", "d", "c", List.of(), List.of(), List.of("A", "a"), null, false), "levels");
        assertInvalid(() -> new Alignment("ESCO", null, "Nom", "javascript:alert(1)"), "alignment-url");
    }

    private static void assertInvalid(Runnable build, String field) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(InvalidBadgeClass.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    static BadgeClassContent content(String name, Integer expiry) {
        return new BadgeClassContent(name, "Savoir animer une réunion d'équipe.",
                "Avoir préparé un **ordre du jour** et [x](javascript:alert(1)).",
                List.of(new Alignment("ESCO", "S1.2.3", "animer des réunions",
                        "http://data.europa.eu/esco/skill/0a5d7a34-fa29-4c12-a9b4-1c1b4b3a0f3e")),
                List.of("animation", " réunion ", ""), BadgeClassContent.DEFAULT_LEVELS, expiry, true);
    }
}
