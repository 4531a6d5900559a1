package org.insigne.web.issuer;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.insigne.web.issuer.ConsoleFixture.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The dashboard and the audit log through the console, with real accounts: counts after awarding, revoking and
 * claiming; activity read as sentences with recipients masked; the log paged, filtered, and keeping the address
 * an actor had when they acted.
 */
@InsigneIntegrationTest
class DashboardIntegrationTests {

    private static final Pattern ROW = Pattern.compile("<tr>\\s*<th scope=\"row\">(?:<a[^>]*>)?([^<]+)(?:</a>)?</th>"
            + "\\s*<td[^>]*>[^<]*</td>\\s*<td class=\"number\">(\\d+)</td>\\s*<td class=\"number\">(\\d+)</td>"
            + "\\s*<td class=\"number\">(\\d+)</td>");

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;

    ConsoleFixture fixture;
    AccountUser owner;
    AccountUser awarder;
    OrganisationId organisation;
    BadgeClassId badgeClass;

    @BeforeEach
    void publishABadge() throws Exception {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        owner = named(fixture.account("Marie"), "Marie Dupont");
        awarder = named(fixture.account("Paul"), "Paul Martin");
        organisation = fixture.organisation(owner, "Ligue de l'enseignement");
        fixture.join(organisation, owner, awarder, StaffRole.AWARDER);
        badgeClass = fixture.published(organisation, owner);
    }

    @Test
    void countsAwardsClaimsAndRevocationsPerBadge() throws Exception {
        BadgeClassId unused = fixture.draft(organisation, owner);
        AwardId first = award(awarder, "jean.petit@example.org");
        AwardId second = award(awarder, "lea@example.org");
        award(owner, "sam@example.org");
        awards.markClaimed(first);
        awards.markClaimed(first);
        awards.markClaimed(second);
        mvc.perform(post(org() + "/awards/" + second.value() + "/revoke").with(as(owner)).with(csrf())
                .param("reason", "Délivré par erreur"));

        String page = page(get(org() + "/dashboard"), awarder);

        List<List<String>> rows = rows(page);
        assertThat(rows).containsExactlyInAnyOrder(
                List.of("Animer une réunion", "3", "2", "1"),
                List.of("Animer une réunion", "0", "0", "0"),
                List.of("Total", "3", "2", "1"));
        assertThat(page).contains("/badge-classes/" + unused.value() + "/awards");
        assertThat(page).contains("<caption id=\"dashboard-caption\">Badges décernés, réclamés et révoqués, par badge</caption>",
                "<th scope=\"col\" class=\"number\">Réclamés</th>");
    }

    @Test
    void tellsRecentActivityAsSentencesWithRecipientsMasked() throws Exception {
        AwardId award = award(awarder, "jean.petit@example.org");
        awards.markClaimed(award);

        String french = page(get(org() + "/dashboard"), awarder);
        String english = page(get(org() + "/dashboard").param("lang", "en"), awarder);

        assertThat(french).contains("Paul Martin a décerné « Animer une réunion » à j***@example.org",
                "j***@example.org a ajouté « Animer une réunion » à son sac à badges",
                "Marie Dupont a publié le badge « Animer une réunion »",
                "Paul Martin a rejoint l&#39;équipe comme Délivreur de badges",
                "Insigne a créé une clé de signature ED25519",
                "Le journal d&#39;audit complet est réservé aux propriétaires et aux administrateurs");
        assertThat(french).doesNotContain("jean.petit@", awarder.email(), owner.email(), "/audit\"");
        assertThat(english).contains("Paul Martin awarded “Animer une réunion” to j***@example.org");
    }

    @Test
    void keepsTheAddressAnActorHadWhenTheyActed() throws Exception {
        String before = owner.email();
        award(owner, "camille@example.org");
        jdbc.update("update user_account set email = ? where id = ?", "nouvelle." + before, owner.id());

        String log = page(get(org() + "/audit"), owner);

        assertThat(jdbc.queryForList("select actor_email from audit_entry where organisation_id = ? and action = 'AWARD_CREATED'",
                String.class, organisation.value())).containsExactly(before);
        assertThat(log).contains("<td>" + before + "</td>", "Marie Dupont a décerné « Animer une réunion » à c***@example.org");
    }

    @Test
    void pagesTheAuditLogByFiftyAndFiltersByAction() throws Exception {
        for (int i = 0; i < 50; i++) {
            award(awarder, "personne" + i + "@example.org");
        }
        AwardId revoked = award(awarder, "revoque@example.org");
        awards.revoke(organisation, revoked, owner.id(), "Erreur");
        long total = jdbc.queryForObject("select count(*) from audit_entry where organisation_id = ?", Long.class,
                organisation.value());

        String first = page(get(org() + "/audit"), owner);
        String second = page(get(org() + "/audit").param("page", "2"), owner);
        String filtered = page(get(org() + "/audit").param("action", "AWARD_REVOKED"), owner);
        String nonsense = page(get(org() + "/audit").param("page", "deux").param("action", "DROP TABLE"), owner);

        assertThat(bodyRows(first)).isEqualTo(50);
        assertThat(first).contains("Journal d&#39;audit, page 1 sur 2 (" + total + " entrées)", "Page suivante")
                .doesNotContain("Page précédente");
        assertThat(bodyRows(second)).isEqualTo((int) total - 50);
        assertThat(second).contains("page 2 sur 2", "Page précédente", "Marie Dupont a créé l&#39;organisation");
        assertThat(bodyRows(filtered)).isEqualTo(1);
        assertThat(filtered).contains("Marie Dupont a révoqué « Animer une réunion » décerné à r***@example.org, motif : Erreur",
                "<option value=\"AWARD_REVOKED\" selected=\"selected\">Badge révoqué</option>");
        assertThat(bodyRows(nonsense)).isEqualTo(50);
    }

    /** The fixture derives addresses from names, which cannot hold a space. */
    private AccountUser named(AccountUser user, String displayName) {
        jdbc.update("update user_account set display_name = ? where id = ?", displayName, user.id());
        return user;
    }

    private AwardId award(AccountUser user, String email) {
        return awards.award(organisation, badgeClass, user.id(), new AwardRequest(UUID.randomUUID(), email,
                "Camille", "Je fais", null, null, null), new HostedUrls("http://localhost")).id();
    }

    private String page(MockHttpServletRequestBuilder request, AccountUser user) throws Exception {
        var response = mvc.perform(request.with(as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private String org() {
        return "/console/organisations/" + organisation.value();
    }

    private static List<List<String>> rows(String page) {
        Matcher matcher = ROW.matcher(page);
        List<List<String>> rows = new java.util.ArrayList<>();
        while (matcher.find()) {
            rows.add(List.of(matcher.group(1).strip(), matcher.group(2), matcher.group(3), matcher.group(4)));
        }
        return rows;
    }

    private static int bodyRows(String page) {
        int start = page.indexOf("<tbody>");
        if (start < 0) {
            return 0;
        }
        String body = page.substring(start, page.indexOf("</tbody>"));
        return body.split("<tr>", -1).length - 1;
    }
}
