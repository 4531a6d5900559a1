package org.insigne.web.issuer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.testing.HostileInput;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.insigne.web.issuer.ConsoleFixture.as;
import static org.insigne.web.issuer.ConsoleFixture.png;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every console action, tried by each role of the organisation, by the owner of another organisation and by
 * someone not logged in. Members who may act get the page (200) or are sent on (302); members whose role is too
 * low get 403; outsiders get 404, as for an organisation that does not exist; anonymous people go to the login.
 */
@InsigneIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAuthorizationIntegrationTests {

    enum Actor { OWNER, ADMIN, AWARDER, REVIEWER, VIEWER, OUTSIDER, ANONYMOUS }

    /** What an actor should get: a status, or for anonymous people the way to the login page. */
    static final int LOGIN = -1;

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;

    ConsoleFixture fixture;
    final Map<Actor, AccountUser> users = new EnumMap<>(Actor.class);
    OrganisationId organisation;
    OrganisationId otherOrganisation;
    BadgeClassId badgeClass;
    BadgeClassId publishedBadge;
    ApplicationFixture applicationsFixture;
    @Autowired ApplicationService applications;

    @BeforeAll
    void buildTheOrganisation() throws Exception {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        for (Actor actor : List.of(Actor.OWNER, Actor.ADMIN, Actor.AWARDER, Actor.REVIEWER, Actor.VIEWER, Actor.OUTSIDER)) {
            users.put(actor, fixture.account(actor.name()));
        }
        organisation = fixture.organisation(users.get(Actor.OWNER), "Ligue de l'enseignement");
        fixture.join(organisation, users.get(Actor.OWNER), users.get(Actor.ADMIN), StaffRole.ADMIN);
        fixture.join(organisation, users.get(Actor.OWNER), users.get(Actor.AWARDER), StaffRole.AWARDER);
        fixture.join(organisation, users.get(Actor.OWNER), users.get(Actor.REVIEWER), StaffRole.REVIEWER);
        fixture.join(organisation, users.get(Actor.OWNER), users.get(Actor.VIEWER), StaffRole.VIEWER);
        otherOrganisation = fixture.organisation(users.get(Actor.OUTSIDER), "Autre association");
        badgeClass = fixture.draft(organisation, users.get(Actor.OWNER));
        publishedBadge = freshPublished();
        applicationsFixture = new ApplicationFixture(fixture, applications);
        applicationsFixture.open(organisation, publishedBadge, users.get(Actor.OWNER));
    }

    record Action(String name, Function<ConsoleAuthorizationIntegrationTests, AbstractMockHttpServletRequestBuilder<?>> request,
                  int... expected) {
    }

    List<Action> actions() {
        int[] readers = {200, 200, 200, 200, 200, 404, LOGIN};
        int[] writersPage = {200, 200, 403, 403, 403, 404, LOGIN};
        int[] writersAct = {302, 302, 403, 403, 403, 404, LOGIN};
        int[] awardersAct = {302, 302, 302, 403, 403, 404, LOGIN};
        // Reviewers decide on applications, and through them award, but neither award directly nor manage.
        int[] reviewersPage = {200, 200, 200, 200, 403, 404, LOGIN};
        int[] reviewersAct = {302, 302, 302, 302, 403, 404, LOGIN};
        return List.of(
                new Action("view organisation", t -> get(t.org()), readers),
                // Every member sees the counts and the recent activity; the full audit log names who did what
                // with their address, so only owners and administrators read it.
                new Action("view dashboard", t -> get(t.org() + "/dashboard"), readers),
                new Action("view audit log", t -> get(t.org() + "/audit"), writersPage),
                new Action("filter audit log", t -> get(t.org() + "/audit").param("action", "AWARD_CREATED")
                        .param("page", "2"), writersPage),
                new Action("open profile form", t -> get(t.org() + "/profile"), writersPage),
                new Action("edit profile", t -> multipart(t.org() + "/profile").file(png("logo"))
                        .param("name", "Ligue de l'enseignement").param("websiteUrl", "https://ligue.example.org"), writersAct),
                new Action("view staff", t -> get(t.org() + "/staff"), readers),
                new Action("invite", t -> post(t.org() + "/staff/invitations")
                        .param("email", "invite@example.org").param("role", "VIEWER"), writersAct),
                new Action("change role", t -> post(t.org() + "/staff/" + t.freshMember() + "/role")
                        .param("role", "AWARDER"), writersAct),
                new Action("remove member", t -> post(t.org() + "/staff/" + t.freshMember() + "/remove"), writersAct),
                new Action("list badge classes", t -> get(t.org() + "/badge-classes"), readers),
                new Action("open badge class form", t -> get(t.org() + "/badge-classes/new"), writersPage),
                new Action("create badge class", t -> t.badgeClassForm(multipart(t.org() + "/badge-classes")), writersAct),
                new Action("view badge class", t -> get(t.badgeClassPath(t.badgeClass)), readers),
                new Action("open badge class edit form", t -> get(t.badgeClassPath(t.badgeClass) + "/edit"), writersPage),
                new Action("edit badge class", t -> t.badgeClassForm(multipart(t.badgeClassPath(t.badgeClass))), writersAct),
                new Action("publish badge class", t -> post(t.badgeClassPath(t.freshDraft()) + "/publish"), writersAct),
                new Action("archive badge class", t -> post(t.badgeClassPath(t.freshDraft()) + "/archive"), writersAct),
                new Action("list awards", t -> get(t.badgeClassPath(t.badgeClass) + "/awards"), readers),
                new Action("award badge", t -> post(t.badgeClassPath(t.freshPublished()) + "/awards")
                        .param("formToken", java.util.UUID.randomUUID().toString())
                        .param("recipientEmail", "laureat@example.org").param("recipientName", "Camille")
                        .param("level", "Je fais"), awardersAct),
                new Action("revoke award", t -> post(t.org() + "/awards/" + t.freshAward() + "/revoke")
                        .param("reason", "Erreur"), writersAct),
                new Action("open applications form", t -> get(t.badgeClassPath(t.publishedBadge) + "/applications"),
                        writersPage),
                new Action("open applications", t -> post(t.badgeClassPath(t.publishedBadge) + "/applications")
                        .param("linksAccepted", "on").param("maxFiles", "2").param("maxFileMegabytes", "1"), writersAct),
                new Action("view application queue", t -> get(t.org() + "/applications"), reviewersPage),
                new Action("view application", t -> get(t.org() + "/applications/" + t.freshApplication()),
                        reviewersPage),
                new Action("award application", t -> post(t.org() + "/applications/" + t.freshApplication() + "/award")
                        .param("level", "Je fais"), reviewersAct),
                new Action("ask for changes", t -> post(t.org() + "/applications/" + t.freshApplication() + "/changes")
                        .param("message", "Ajoutez une preuve."), reviewersAct),
                new Action("refuse application", t -> post(t.org() + "/applications/" + t.freshApplication() + "/refuse")
                        .param("message", "Hors sujet."), reviewersAct));
    }

    @TestFactory
    Stream<DynamicTest> eachRoleGetsWhatItsRoleAllows() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Action action : actions()) {
            for (Actor actor : Actor.values()) {
                int expected = action.expected()[actor.ordinal()];
                tests.add(DynamicTest.dynamicTest(action.name() + " as " + actor + " -> " + label(expected), () -> {
                    AbstractMockHttpServletRequestBuilder<?> request = action.request().apply(this);
                    request.with(csrf());
                    if (actor != Actor.ANONYMOUS) {
                        request.with(as(users.get(actor)));
                    }
                    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                    if (expected == LOGIN) {
                        assertThat(response.getStatus()).isEqualTo(302);
                        assertThat(response.getRedirectedUrl()).contains("/login");
                    } else {
                        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
                        if (expected == 302) {
                            assertThat(response.getRedirectedUrl()).startsWith("/console/organisations/" + organisation.value());
                        }
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    @HostileInput({"A1", "A2"})
    void findsNoBadgeClassThroughAnotherOrganisationsAddress() throws Exception {
        AccountUser outsider = users.get(Actor.OUTSIDER);
        String crossed = "/console/organisations/" + otherOrganisation.value() + "/badge-classes/" + badgeClass.value();
        assertThat(status(get(crossed), outsider)).isEqualTo(404);
        assertThat(status(get(crossed + "/edit"), outsider)).isEqualTo(404);
        assertThat(status(post(crossed + "/archive"), outsider)).isEqualTo(404);
        assertThat(status(badgeClassForm(multipart(crossed)), outsider)).isEqualTo(404);
        // A member of both sides of the address still cannot mix them.
        fixture.join(otherOrganisation, outsider, users.get(Actor.ADMIN), StaffRole.ADMIN);
        assertThat(status(post(crossed + "/publish"), users.get(Actor.ADMIN))).isEqualTo(404);
        assertThat(badgeClasses.badgeClass(organisation, badgeClass, users.get(Actor.OWNER).id()).status().name())
                .isEqualTo("DRAFT");
    }

    @Test
    @HostileInput("A1")
    void showsTheSameNotFoundPageForAStrangersAndAMissingOrganisation() throws Exception {
        AccountUser outsider = users.get(Actor.OUTSIDER);
        String strangers = mvc.perform(get(org()).with(as(outsider))).andReturn().getResponse().getContentAsString();
        String missing = mvc.perform(get("/console/organisations/" + java.util.UUID.randomUUID()).with(as(outsider)))
                .andReturn().getResponse().getContentAsString();
        assertThat(strangers).contains("Cette organisation n&#39;existe pas ou vous n&#39;en faites pas partie.");
        assertThat(main(missing)).isEqualTo(main(strangers));
    }

    private static String main(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }

    private int status(AbstractMockHttpServletRequestBuilder<?> request, AccountUser user) throws Exception {
        request.with(csrf());
        request.with(as(user));
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    String org() {
        return "/console/organisations/" + organisation.value();
    }

    String badgeClassPath(BadgeClassId id) {
        return org() + "/badge-classes/" + id.value();
    }

    BadgeClassId freshDraft() {
        return fixture.draft(organisation, users.get(Actor.OWNER));
    }

    BadgeClassId freshPublished() {
        BadgeClassId id = freshDraft();
        badgeClasses.publish(organisation, id, users.get(Actor.OWNER).id());
        return id;
    }

    java.util.UUID freshAward() {
        return awards.award(organisation, freshPublished(), users.get(Actor.OWNER).id(),
                new AwardRequest(java.util.UUID.randomUUID(), "laureat@example.org", "Camille", "Je fais", null, null, null),
                new HostedUrls("http://localhost")).id().value();
    }

    /** An application by a new applicant, waiting for a decision. */
    java.util.UUID freshApplication() {
        return applicationsFixture.submitted(publishedBadge).id().value();
    }

    java.util.UUID freshMember() {
        try {
            AccountUser member = fixture.account("Membre");
            fixture.join(organisation, users.get(Actor.OWNER), member, StaffRole.VIEWER);
            return member.id();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    AbstractMockHttpServletRequestBuilder<?> badgeClassForm(
            org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request) {
        return request.file(png("image"))
                .param("name", "Animer une réunion").param("description", "Savoir animer.")
                .param("criteria", "Avoir animé **trois** réunions.").param("levels", "Je fais\nJe transmets\nJe pilote")
                .param("tags", "animation, réunion").param("expiryMonths", "24");
    }

    private static String label(int expected) {
        return expected == LOGIN ? "login" : String.valueOf(expected);
    }
}
