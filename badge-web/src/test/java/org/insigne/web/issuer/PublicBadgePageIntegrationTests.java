package org.insigne.web.issuer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.Alignment;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.testing.HostileInput;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.verify.VerificationRateLimiter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public page at the address written in every Insigne badge: the verdict from the issuer's records, the
 * facts, the recipient check against the published hash, the machine forms; nothing personal, no cookie, no
 * session. Anonymous readers are served by {@code PublicBadgePageFilter}, signed-in ones through Spring MVC:
 * both get the same content and the same security headers; the anonymous page is kept until what it shows
 * changes.
 */
@InsigneIntegrationTest
class PublicBadgePageIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired VerificationRateLimiter limiter;

    AccountUser owner;
    OrganisationId organisation;
    BadgeClassId badgeClass;
    String email;

    @BeforeEach
    void publishABadge() throws Exception {
        ConsoleFixture.PublishedBadge published = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff,
                badgeClasses).publishedBadge();
        owner = published.owner();
        organisation = published.organisation();
        badgeClass = published.badgeClass();
        email = "Camille.Martin." + UUID.randomUUID().toString().substring(0, 8) + "@Example.org";
    }

    @Test
    @HostileInput("A1")
    void showsAnAuthenticBadgeWithItsFactsAndNothingPersonal() throws Exception {
        AwardView award = award(badgeClass, null);
        for (String path : List.of("/ob2/assertions/", "/ob3/credentials/")) {
            MvcResult result = mvc.perform(get(path + award.id().value()).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.VARY, org.hamcrest.Matchers.containsString("Accept")))
                    .andReturn();
            String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).contains("Authentique", "Animer une réunion", "Je transmets", "Ligue de l&#39;enseignement",
                    "Avoir animé <strong>trois</strong> réunions.", "A animé l&#39;assemblée générale.",
                    "/badge-classes/" + badgeClass.value() + "/image",
                    "/badges/" + award.id().value() + "/download/ob2.json",
                    "/badges/" + award.id().value() + "/download/ob3.json",
                    "/badges/" + award.id().value() + "/download/ob2.jws",
                    "/badges/" + award.id().value() + "/download/ob3.jwt",
                    "/badges/" + award.id().value() + "/download/ob2.png",
                    "/badges/" + award.id().value() + "/download/ob3.svg",
                    "download=\"animer-une-reunion.jwt\"",
                    "value=\"http://localhost" + path + award.id().value() + "\" data-copy",
                    "action=\"" + path + award.id().value() + "\"");
            assertThat(html.toLowerCase()).doesNotContain(email.toLowerCase()).doesNotContain("camille")
                    .doesNotContain("martin");
            // Endorsements are shown only when there are some; Insigne's model has none yet.
            assertThat(html).doesNotContain("Recommandations de l&#39;émetteur");
        }
    }

    @Test
    @HostileInput("S12")
    void showsARevokedBadgeAsRevokedWithItsReasonWhileMachinesStillGetGone() throws Exception {
        AwardView award = award(badgeClass, null);
        awards.revoke(organisation, award.id(), owner.id(), "Délivré par erreur");

        String html = page("/ob2/assertions/" + award.id().value());
        assertThat(html).contains("Révoqué", "Motif : Délivré par erreur").doesNotContain("Authentique");
        assertSameForSignedInReaders("/ob2/assertions/" + award.id().value());
        mvc.perform(get("/ob2/assertions/" + award.id().value()).accept("application/ld+json"))
                .andExpect(status().isGone());
        mvc.perform(get("/ob2/assertions/" + award.id().value() + "?format=json-ld").accept(MediaType.TEXT_HTML))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.revoked").value(true));
    }

    @Test
    void saysRevokedWithTheReasonWhenTheAddressOfARevokedBadgeIsVerified() throws Exception {
        AwardView award = award(badgeClass, null);
        awards.revoke(organisation, award.id(), owner.id(), "Délivré par erreur");
        String url = "http://localhost/ob2/assertions/" + award.id().value();

        for (String language : List.of("fr", "en")) {
            MvcResult pending = mvc.perform(post("/verify").with(csrf()).param("pasted", url)
                    .cookie(new Cookie("insigne-lang", language))).andReturn();
            String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .asyncDispatch(pending)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(language).contains("verdict-revoked", "Délivré par erreur")
                    .contains(language.equals("fr") ? "Révoqué" : "Revoked")
                    .doesNotContain("verdict-invalid");
        }
    }

    @Test
    void showsABadgePastItsExpiryAsExpired() throws Exception {
        BadgeClassId monthly = badgeClasses.create(organisation, owner.id(), new BadgeClassContent("Secourisme",
                "Premiers secours.", "Avoir suivi la formation.", List.of(), List.of(),
                BadgeClassContent.DEFAULT_LEVELS, 1, false), ConsoleFixture.PNG).id();
        badgeClasses.publish(organisation, monthly, owner.id());
        LocalDate issued = LocalDate.now(ZoneOffset.UTC).minusMonths(3);
        AwardView award = award(monthly, issued);

        String html = page("/ob3/credentials/" + award.id().value());
        assertThat(html).contains("Expiré", "Ce badge a expiré le").doesNotContain("Authentique");
        assertSameForSignedInReaders("/ob3/credentials/" + award.id().value());
        String english = page("/ob3/credentials/" + award.id().value() + "?lang=en");
        assertThat(english).contains("Expired", "This badge expired on");
    }

    @Test
    @HostileInput("A5")
    void answersWhetherAnAddressIsTheRecipientWithoutShowingIt() throws Exception {
        AwardView award = award(badgeClass, null);
        String path = "/ob2/assertions/" + award.id().value();

        String yes = mvc.perform(post(path).with(csrf()).param("email", "  " + email.toUpperCase() + " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(yes).contains("Oui : ce badge a été délivré à l&#39;adresse saisie.");
        assertThat(yes.toLowerCase()).doesNotContain(email.toLowerCase());

        String no = mvc.perform(post("/ob3/credentials/" + award.id().value()).with(csrf())
                        .param("email", "quelqu.un@example.org"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(no).contains("Non : ce badge n&#39;a pas été délivré à l&#39;adresse saisie.");
        assertThat(no.toLowerCase()).doesNotContain(email.toLowerCase());

        mvc.perform(post(path).with(csrf()).param("email", "   ")).andExpect(status().isBadRequest());
        // The form acts for nobody and changes nothing, so it needs no CSRF token (SecurityConfiguration).
        assertThat(mvc.perform(post(path).param("email", email)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Oui : ce badge");
        mvc.perform(post("/ob2/assertions/" + UUID.randomUUID()).with(csrf()).param("email", email))
                .andExpect(status().isNotFound());
    }

    @Test
    @HostileInput("A5")
    void limitsHowManyAddressesOneClientMayTryAgainstABadge() throws Exception {
        AwardView award = award(badgeClass, null);
        String path = "/ob2/assertions/" + award.id().value();
        String prober = "198.51.100.41";

        // The budget refills on each minute of the clock, faster than a loaded machine may send probes one by
        // one, so this client's budget is spent at once; the next probe must then be refused, unless the clock
        // turned a minute in between, hence a second try.
        MockHttpServletResponse refused = null;
        for (int attempt = 0; attempt < 2 && (refused == null || refused.getStatus() != 429); attempt++) {
            while (limiter.tryAcquire(prober)) {
                // spend the budget
            }
            refused = probe(path, prober, email).andReturn().getResponse();
        }

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("Trop de vérifications depuis votre adresse")
                .doesNotContain("Oui : ce badge").doesNotContain("Non : ce badge");
        assertThat(probe(path, "203.0.113.77", email).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Oui : ce badge");
    }

    private ResultActions probe(String path, String client, String candidate) throws Exception {
        return mvc.perform(post(path).with(csrf()).with(request -> {
            request.setRemoteAddr(client);
            return request;
        }).param("email", candidate));
    }

    @Test
    void servesAnonymousAndSignedInReadersTheSameContentWithTheSameHeadersAndNoCookie() throws Exception {
        AwardView award = award(badgeClass, null);
        String path = "/ob3/credentials/" + award.id().value();
        MvcResult anonymous = mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn();
        MvcResult signedIn = mvc.perform(get(path).accept(MediaType.TEXT_HTML).cookie(session())
                .with(ConsoleFixture.as(owner))).andExpect(status().isOk()).andReturn();
        MvcResult otherPage = mvc.perform(get("/verify")).andExpect(status().isOk()).andReturn();

        // no handler: the anonymous reader was answered before Spring MVC, the signed-in one through it
        assertThat(anonymous.getHandler()).isNull();
        assertThat(signedIn.getHandler()).isNotNull();
        String anonymousHtml = anonymous.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String signedInHtml = signedIn.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(main(anonymousHtml)).contains("Authentique").isEqualTo(main(signedInHtml));
        assertThat(anonymousHtml).contains("Se connecter").doesNotContain("Se déconnecter");
        assertThat(signedInHtml).contains("Se déconnecter", "Owner");
        for (String name : List.of("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
                "X-XSS-Protection", "Referrer-Policy", "Cache-Control", "Pragma", "Expires")) {
            assertThat(anonymous.getResponse().getHeaderValues(name)).as(name).isNotEmpty()
                    .isEqualTo(otherPage.getResponse().getHeaderValues(name));
        }
        assertThat(anonymous.getResponse().getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(anonymous.getResponse().getHeader(HttpHeaders.VARY)).contains("Accept");
        assertThat(anonymous.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
        assertThat(anonymous.getRequest().getSession(false)).isNull();

        String english = mvc.perform(get(path).accept(MediaType.TEXT_HTML).cookie(new Cookie("insigne-lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("<html lang=\"en\"", "Genuine", "Log in").doesNotContain("Authentique");
        // a machine still gets the signed credential, an unknown badge the page "not found"
        mvc.perform(get(path).accept("application/ld+json")).andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, org.hamcrest.Matchers.containsString("json")));
        mvc.perform(get("/ob3/credentials/" + UUID.randomUUID()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
    }

    @Test
    void keepsTheAnonymousPageUntilTheAwardItsBadgeClassOrItsIssuerChanges() throws Exception {
        AwardView award = award(badgeClass, null);
        String path = "/ob2/assertions/" + award.id().value();
        assertThat(page(path)).contains("Authentique", "Animer une réunion");

        // kept: a change behind the services' back does not show...
        jdbc.update("update badge_class set name = 'Changé en base' where id = ?", badgeClass.value());
        assertThat(page(path)).contains("Animer une réunion").doesNotContain("Changé en base");
        // ...while the page at its other address, not kept yet, is rendered anew
        assertThat(page("/ob3/credentials/" + award.id().value())).contains("Changé en base");

        badgeClasses.edit(organisation, badgeClass, owner.id(), ConsoleFixture.content("Animer une assemblée"), null);
        assertThat(page(path)).contains("Animer une assemblée");

        organisations.describe(organisation, owner.id(), new OrganisationProfile("Ligue de Savoie", null,
                "https://ligue-savoie.example", null, null, null), null);
        assertThat(page(path)).contains("Ligue de Savoie", "https://ligue-savoie.example");

        awards.revoke(organisation, award.id(), owner.id(), "Délivré par erreur");
        assertThat(page(path)).contains("Révoqué", "Motif : Délivré par erreur").doesNotContain("Authentique");
    }

    @Test
    void showsTheBadgeClassAlignmentsAndTagsAsTheyAreNow() throws Exception {
        AwardView award = award(badgeClass, null);
        String path = "/ob3/credentials/" + award.id().value();
        String html = page(path);
        assertThat(html).contains("Compétences visées",
                "<a href=\"https://esco.ec.europa.eu/\" rel=\"nofollow noopener\">animer des réunions</a>",
                "(ESCO)", "Mots-clés", "<li>animation</li>");
        assertThat(page(path + "?lang=en")).contains("Skills this badge stands for", "Tags");
        // kept from the second rendering on: the edit must still show at once
        assertThat(page(path)).contains("animer des réunions");

        badgeClasses.edit(organisation, badgeClass, owner.id(), new BadgeClassContent("Animer une réunion",
                "Savoir animer une réunion.", "Avoir animé **trois** réunions.",
                List.of(new Alignment("RNCP", "RNCP12345", "Animateur <social>",
                        "https://www.francecompetences.fr/recherche/rncp/12345/")),
                List.of("réunion", "vie associative"), BadgeClassContent.DEFAULT_LEVELS, null, false), null);
        html = page(path);
        assertThat(html).contains("Animateur &lt;social&gt;</a>", "(RNCP, code RNCP12345)", "<li>réunion</li>",
                "<li>vie associative</li>").doesNotContain("animer des réunions", "<li>animation</li>");
        assertSameForSignedInReaders(path);
    }

    @Test
    void offersEveryFormAsAFileNamedAfterTheBadgeWithTheBytesBadgeToolsGet() throws Exception {
        byte[] png;
        try (var in = getClass().getResourceAsStream("/badge.png")) {
            png = in.readAllBytes();
        }
        BadgeClassId pictured = badgeClasses.create(organisation, owner.id(),
                ConsoleFixture.content("Animer une réunion"), ImageUploads.accept(png)).id();
        badgeClasses.publish(organisation, pictured, owner.id());
        AwardView award = award(pictured, null);
        UUID id = award.id().value();
        java.util.Map<String, String> machine = new java.util.LinkedHashMap<>();
        machine.put("ob2.json", "/ob2/assertions/" + id + "?format=json-ld");
        machine.put("ob3.json", "/ob3/credentials/" + id + "?format=json-ld");
        machine.put("ob2.jws", "/ob2/assertions/" + id + "/signed");
        machine.put("ob3.jwt", "/ob3/credentials/" + id + "/jwt");
        machine.put("ob2.png", "/ob2/assertions/" + id + "/baked.png");
        machine.put("ob3.png", "/ob3/credentials/" + id + "/baked.png");
        machine.put("ob2.svg", "/ob2/assertions/" + id + "/baked.svg");
        machine.put("ob3.svg", "/ob3/credentials/" + id + "/baked.svg");
        java.util.Map<String, String> names = java.util.Map.of("ob2.json", "animer-une-reunion-ob2.json",
                "ob3.json", "animer-une-reunion.json", "ob2.jws", "animer-une-reunion.jws",
                "ob3.jwt", "animer-une-reunion.jwt", "ob2.png", "animer-une-reunion-ob2.png",
                "ob3.png", "animer-une-reunion-ob3.png", "ob2.svg", "animer-une-reunion-ob2.svg",
                "ob3.svg", "animer-une-reunion-ob3.svg");
        for (var form : machine.entrySet()) {
            MockHttpServletResponse file = mvc.perform(get("/badges/" + id + "/download/" + form.getKey()))
                    .andExpect(status().isOk()).andReturn().getResponse();
            assertThat(file.getHeader(HttpHeaders.CONTENT_DISPOSITION)).as(form.getKey())
                    .isEqualTo("attachment; filename=\"" + names.get(form.getKey()) + "\"");
            assertThat(file.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            byte[] expected = mvc.perform(get(form.getValue())).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsByteArray();
            assertThat(file.getContentAsByteArray()).as(form.getKey()).isEqualTo(expected);
        }
        // the machine forms themselves stay as badge tools read them
        assertThat(mvc.perform(get("/ob3/credentials/" + id + "/jwt")).andReturn().getResponse()
                .getHeader(HttpHeaders.CONTENT_DISPOSITION)).isNull();
        mvc.perform(get("/badges/" + id + "/download/ob3.exe")).andExpect(status().isNotFound());
        mvc.perform(get("/badges/" + UUID.randomUUID() + "/download/ob3.jwt")).andExpect(status().isNotFound());
    }

    @Test
    void fillsTheAnonymousPageFromAPatternWithEachAwardsOwnValues() throws Exception {
        AwardView first = award(badgeClass, null);
        AwardView second = awards.award(organisation, badgeClass, owner.id(), new AwardRequest(UUID.randomUUID(),
                email, "Camille Martin", "Je pilote", "https://preuves.example/a?b=1&c=2",
                null, LocalDate.of(2026, 3, 14)), new HostedUrls("http://localhost"));
        // a level as a badge class's levels may be written, with characters to escape
        jdbc.update("update award set level = ? where id = ?", "J'apprends <vite> & \"bien\"", second.id().value());
        AwardView third = awards.award(organisation, badgeClass, owner.id(), new AwardRequest(UUID.randomUUID(),
                email, "Camille Martin", "Je transmets", "HTTP://preuves.example/b", "Sans lien", null),
                new HostedUrls("http://localhost"));
        awards.revoke(organisation, third.id(), owner.id(), "Erreur <de saisie> & \"doublon\"");
        AwardView fourth = award(badgeClass, null);
        // an address the card does not link to (none is accepted any more, older rows may hold one)
        jdbc.update("update award set evidence_url = 'javascript:alert(1)' where id = ?", fourth.id().value());

        for (AwardView award : List.of(first, second, third, fourth)) {
            for (String path : List.of("/ob2/assertions/", "/ob3/credentials/")) {
                assertSameForSignedInReaders(path + award.id().value());
            }
        }
        String secondPage = page("/ob2/assertions/" + second.id().value());
        assertThat(secondPage).contains("J&#39;apprends &lt;vite&gt; &amp; &quot;bien&quot;",
                "href=\"https://preuves.example/a?b=1&amp;c=2\"", "14 mars 2026", "datetime=\"2026-03-14T")
                .doesNotContain(first.id().value().toString());
        assertThat(page("/ob3/credentials/" + third.id().value()))
                .contains("Erreur &lt;de saisie&gt; &amp; &quot;doublon&quot;", "href=\"HTTP://preuves.example/b\"");
        assertThat(page("/ob2/assertions/" + fourth.id().value())).doesNotContain("javascript");
    }

    /**
     * A session as a signed-in reader's browser holds one, by its cookie: sessions live in the database, so the
     * page sees a session only when the request names one that exists there.
     */
    private Cookie session() throws Exception {
        Cookie session = mvc.perform(get("/login")).andReturn().getResponse().getCookie("JSESSIONID");
        assertThat(session).isNotNull();
        return session;
    }

    /** The anonymous page (filled in from a pattern) has the same content as the one rendered for a signed-in reader. */
    private void assertSameForSignedInReaders(String path) throws Exception {
        String anonymous = page(path);
        String signedIn = mvc.perform(get(path).accept(MediaType.TEXT_HTML).cookie(session())
                        .with(ConsoleFixture.as(owner))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(main(anonymous)).as(path).isEqualTo(main(signedIn));
    }

    private static String main(String html) {
        return html.substring(html.indexOf("<main"), html.indexOf("</main>"));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private AwardView award(BadgeClassId badge, LocalDate issuedOn) {
        return awards.award(organisation, badge, owner.id(), new AwardRequest(UUID.randomUUID(), email, "Camille Martin",
                "Je transmets", null, "A animé l'assemblée générale.", issuedOn), new HostedUrls("http://localhost"));
    }
}
