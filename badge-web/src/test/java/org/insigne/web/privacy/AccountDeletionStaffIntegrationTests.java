package org.insigne.web.privacy;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.insigne.issuer.organisation.MemberView;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deleting an account takes its holder off every staff; an organisation whose last owner leaves passes to its
 * longest-serving administrator, and one left with nobody keeps no staff while its badges stay published.
 */
@InsigneIntegrationTest
class AccountDeletionStaffIntegrationTests {

    private static final String PASSWORD = "une phrase de passe solide";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;

    @Test
    void handsAnOrganisationToItsAdministratorWhenItsLastOwnerDeletesTheirAccount() throws Exception {
        AccountUser owner = account("owner");
        AccountUser admin = account("admin");
        AccountUser awarder = account("awarder");
        OrganisationId shared = organisations.create(owner.id(), "Ligue de l'enseignement").id();
        OrganisationId alone = organisations.create(owner.id(), "Association solitaire").id();
        join(shared, owner, awarder, StaffRole.AWARDER);
        join(shared, owner, admin, StaffRole.ADMIN);

        mvc.perform(post("/account/delete").param("password", PASSWORD).with(csrf()).with(user(owner)))
                .andExpect(status().is3xxRedirection());

        assertThat(memberships(owner.id())).isZero();
        List<MemberView> left = staff.staff(shared, admin.id());
        assertThat(left).extracting(MemberView::userId).containsExactlyInAnyOrder(admin.id(), awarder.id());
        assertThat(left).filteredOn(m -> m.userId().equals(admin.id())).extracting(MemberView::role)
                .containsExactly(StaffRole.OWNER);
        assertThat(jdbc.queryForObject("select count(*) from membership where organisation_id = ?", Long.class,
                alone.value())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from organisation where id = ?", Long.class, alone.value()))
                .isEqualTo(1);
    }

    @Test
    void keepsEverythingWhenThePasswordIsWrong() throws Exception {
        AccountUser owner = account("owner");
        organisations.create(owner.id(), "Ligue");
        mvc.perform(post("/account/delete").param("password", "pas le bon mot de passe").with(csrf()).with(user(owner)))
                .andExpect(status().isBadRequest());
        assertThat(memberships(owner.id())).isEqualTo(1);
    }

    private long memberships(UUID userId) {
        return jdbc.queryForObject("select count(*) from membership where user_id = ?", Long.class, userId);
    }

    private void join(OrganisationId organisation, AccountUser inviter, AccountUser member, StaffRole role) {
        staff.accept(staff.invite(organisation, inviter.id(), member.email(), role).token(), member.id(), member.email());
    }

    private AccountUser account(String name) throws Exception {
        String email = name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        mvc.perform(post("/signup").with(csrf())
                .param("email", email).param("displayName", name).param("password", PASSWORD)
                .locale(Locale.FRENCH));
        jdbc.update("update user_account set email_confirmed_at = now() where email = ?", email);
        return accounts.loadUserByUsername(email).withoutPassword();
    }
}
