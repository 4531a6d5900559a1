package org.insigne.issuer.organisation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.insigne.issuer.image.ImageUploads;
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
class StaffServiceTests {

    @Autowired
    OrganisationService organisations;

    @Autowired
    StaffService staff;

    final UUID owner = UUID.randomUUID();

    @Test
    void invitedPersonJoinsWithTheRoleOnceWithTheInvitedAddress() {
        OrganisationId id = organisations.create(owner, "Ligue").id();
        InvitationIssued issued = staff.invite(id, owner, " Sacha@Example.org ", StaffRole.AWARDER);
        assertThat(issued.invitation().email()).isEqualTo("sacha@example.org");
        assertThat(staff.invitation(issued.token()).organisationName()).isEqualTo("Ligue");

        UUID sacha = UUID.randomUUID();
        assertThatThrownBy(() -> staff.accept(issued.token(), sacha, "someone@example.org"))
                .isInstanceOf(InvitationForAnotherAddress.class);
        assertThat(staff.accept(issued.token(), sacha, "SACHA@example.org").role()).isEqualTo(StaffRole.AWARDER);
        assertThat(staff.staff(id, owner)).extracting(MemberView::userId).containsExactly(owner, sacha);

        assertThatThrownBy(() -> staff.accept(issued.token(), sacha, "sacha@example.org"))
                .isInstanceOfSatisfying(InvalidInvitation.class, e -> assertThat(e.messageKey()).isEqualTo("error.invitation.used"));
        assertThatThrownBy(() -> staff.invitation("not-a-token")).isInstanceOf(InvalidInvitation.class);
    }

    @Test
    void onlyOwnersTouchOwnersAndOneOwnerAlwaysRemains() {
        OrganisationId id = organisations.create(owner, "Ligue").id();
        UUID admin = join(id, "admin@example.org", StaffRole.ADMIN);
        UUID viewer = join(id, "viewer@example.org", StaffRole.VIEWER);

        assertThatThrownBy(() -> staff.invite(id, admin, "x@example.org", StaffRole.OWNER))
                .isInstanceOf(StaffRoleInsufficient.class);
        assertThatThrownBy(() -> staff.changeRole(id, admin, owner, StaffRole.VIEWER))
                .isInstanceOf(StaffRoleInsufficient.class);
        assertThatThrownBy(() -> staff.remove(id, admin, owner)).isInstanceOf(StaffRoleInsufficient.class);
        assertThatThrownBy(() -> staff.changeRole(id, viewer, admin, StaffRole.VIEWER))
                .isInstanceOf(StaffRoleInsufficient.class);

        staff.changeRole(id, admin, viewer, StaffRole.AWARDER);
        assertThatThrownBy(() -> staff.changeRole(id, owner, owner, StaffRole.ADMIN))
                .isInstanceOf(OrganisationWithoutOwner.class);
        assertThatThrownBy(() -> staff.remove(id, owner, owner)).isInstanceOf(OrganisationWithoutOwner.class);

        staff.changeRole(id, owner, admin, StaffRole.OWNER);
        staff.remove(id, admin, owner);
        assertThat(staff.staff(id, admin)).extracting(MemberView::userId, MemberView::role)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(admin, StaffRole.OWNER),
                        org.assertj.core.groups.Tuple.tuple(viewer, StaffRole.AWARDER));
        assertThatThrownBy(() -> staff.staff(id, owner)).isInstanceOf(OrganisationNotFound.class);
    }

    @Test
    @HostileInput("A1")
    void hidesOneOrganisationsStaffFromAnother() {
        OrganisationId mine = organisations.create(owner, "Ligue").id();
        UUID other = UUID.randomUUID();
        organisations.create(other, "Autre");
        assertThatThrownBy(() -> staff.staff(mine, other)).isInstanceOf(OrganisationNotFound.class);
        assertThatThrownBy(() -> staff.invite(mine, other, "x@example.org", StaffRole.ADMIN))
                .isInstanceOf(OrganisationNotFound.class);
        assertThatThrownBy(() -> staff.remove(mine, other, owner)).isInstanceOf(OrganisationNotFound.class);
    }

    @Test
    void keepsAProfileAndALogo() {
        OrganisationId id = organisations.create(owner, "Ligue").id();
        UUID viewer = join(id, "v@example.org", StaffRole.VIEWER);
        OrganisationProfile profile = new OrganisationProfile("Ligue 37", "Éducation populaire",
                "https://ligue37.example.org", "Contact@Ligue37.example.org", "10 rue X, Tours", "Centre-Val de Loire");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0};

        assertThatThrownBy(() -> organisations.describe(id, viewer, profile, null)).isInstanceOf(StaffRoleInsufficient.class);
        organisations.describe(id, owner, profile, ImageUploads.accept(png));

        OrganisationProfileView seen = organisations.profile(id, viewer);
        assertThat(seen.profile().contactEmail()).isEqualTo("contact@ligue37.example.org");
        assertThat(seen.logoMediaType()).isEqualTo("image/png");
        assertThat(organisations.logo(id)).get().satisfies(l -> assertThat(l.bytes()).isEqualTo(png));

        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);
        organisations.describe(id, owner, profile, ImageUploads.accept(svg));
        assertThat(organisations.logo(id)).get().satisfies(l -> assertThat(l.mediaType()).isEqualTo("image/svg+xml"));
        assertThat(organisations.profile(id, viewer).logoMediaType()).isEqualTo("image/svg+xml");
    }

    @Test
    void refusesProfilesBadgesCouldNotCarry() {
        assertThatThrownBy(() -> new OrganisationProfile("L", null, "javascript:alert(1)", null, null, null))
                .isInstanceOf(InvalidOrganisationProfile.class);
        assertThatThrownBy(() -> new OrganisationProfile("L", null, "ftp://x.example", null, null, null))
                .isInstanceOf(InvalidOrganisationProfile.class);
        assertThatThrownBy(() -> new OrganisationProfile("L", null, null, "pas-une-adresse", null, null))
                .isInstanceOf(InvalidOrganisationProfile.class);
        assertThatThrownBy(() -> new OrganisationProfile("L", "x".repeat(2001), null, null, null, null))
                .isInstanceOf(InvalidOrganisationProfile.class);
    }

    private UUID join(OrganisationId id, String email, StaffRole role) {
        UUID user = UUID.randomUUID();
        staff.accept(staff.invite(id, owner, email, role).token(), user, email);
        return user;
    }
}
