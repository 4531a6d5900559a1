package org.insigne.web.issuer;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.testing.HostileInput;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.insigne.web.issuer.ConsoleFixture.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bad input on every console form gets a 4xx and a plain message in the reader's language, never a 500. */
@InsigneIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleInputIntegrationTests {

    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n".getBytes(StandardCharsets.US_ASCII);
    static final String SAFE_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><circle r=\"2\" cx=\"2\" cy=\"2\"/></svg>";
    static final String SCRIPT_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;

    @LocalServerPort
    int port;

    ConsoleFixture fixture;
    AccountUser owner;
    OrganisationId organisation;

    @BeforeAll
    void createOwner() throws Exception {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        owner = fixture.account("Camille");
        organisation = fixture.organisation(owner, "Ligue");
    }

    @Test
    @HostileInput("B7")
    void refusesLogosThatAreNotPngOrSvgWhateverTheirName() throws Exception {
        saveProfile(file("logo", "photo.jpg", JPEG), "")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ni une image PNG ni une image SVG")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        saveProfile(file("logo", "logo.png", PDF), "")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ni une image PNG ni une image SVG")));
        saveProfile(file("logo", "logo.png", PDF), "?lang=en")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("neither a PNG nor an SVG image")));
    }

    @Test
    @HostileInput("B6")
    void refusesTooLargeImagesAndSvgWithScripts() throws Exception {
        byte[] large = new byte[1_500_000];
        System.arraycopy(ConsoleFixture.PNG_BYTES, 0, large, 0, ConsoleFixture.PNG_BYTES.length);
        saveProfile(file("logo", "logo.png", large), "")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("dépasse 1 Mo")));
        saveProfile(file("logo", "logo.svg", SCRIPT_SVG.getBytes(StandardCharsets.UTF_8)), "")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("contient un script")));
        saveProfile(file("logo", "logo.svg", SCRIPT_SVG.getBytes(StandardCharsets.UTF_8)), "?lang=en")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("holds a script")));
    }

    @Test
    void refusesMalformedWebsitesAndOverlongNames() throws Exception {
        for (String website : new String[] {"javascript:alert(1)", "http://", "ftp://exemple.fr"}) {
            mvc.perform(profile().param("name", "Ligue").param("websiteUrl", website))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Le site web doit être une adresse complète")));
        }
        mvc.perform(profile().param("name", "x".repeat(201)).param("websiteUrl", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Le nom compte au plus 200 caractères")));
        mvc.perform(profile().param("name", "Ligue").param("contactEmail", "pas-une-adresse").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter a valid e-mail address")));
    }

    @Test
    @HostileInput("B6")
    void servesLogosWithTheirCheckedTypeAndSandboxesSvg() throws Exception {
        saveProfile(file("logo", "logo.svg", SAFE_SVG.getBytes(StandardCharsets.UTF_8)), "")
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/organisations/" + organisation.value() + "/logo"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/svg+xml"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().stringValues("Content-Security-Policy", PublicImageController.SVG_POLICY));
        saveProfile(file("logo", "logo.png", ConsoleFixture.PNG_BYTES), "").andExpect(status().is3xxRedirection());
        mvc.perform(get("/organisations/" + organisation.value() + "/logo"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/organisations/" + java.util.UUID.randomUUID() + "/logo")).andExpect(status().isNotFound());
    }

    @Test
    void explainsBadBadgeClassFieldsInFrenchAndEnglish() throws Exception {
        createBadgeClass(b -> b.param("name", "x".repeat(121)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Le nom compte au plus 120 caractères")));
        createBadgeClass(b -> b.param("description", "x".repeat(2001)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ce texte compte au plus 2")));
        createBadgeClass(b -> b.param("expiryMonths", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("La durée de validité doit être comprise entre 1 et 120 mois")));
        createBadgeClass(b -> b.param("expiryMonths", "121").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The validity must be between 1 and 120 months")));
        createBadgeClass(b -> b.param("expiryMonths", "douze"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Indiquez un nombre de mois entre 1 et 120")));
        createBadgeClass(b -> b.param("levels", "Je fais\nje fais"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Indiquez de 1 à 10 niveaux différents")));
        createBadgeClass(b -> b.param("levels", "x".repeat(61)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Indiquez de 1 à 10 niveaux différents")));
        createBadgeClass(b -> b.param("alignments[0].framework", "ESCO").param("alignments[0].name", "Animer")
                        .param("alignments[0].url", "pas une adresse"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("doit commencer par http:// ou https://")));
        createBadgeClass(b -> b.param("alignments[0].framework", "ESCO").param("alignments[0].url", "https://esco.ec.europa.eu/"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Chaque alignement indique un intitulé")));
    }

    @Test
    void refusesBadgeClassImagesLikeLogos() throws Exception {
        mvc.perform(badgeClassForm(multipart(badgeClasses()).file(file("image", "badge.png", PDF))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ni une image PNG ni une image SVG")));
        mvc.perform(badgeClassForm(multipart(badgeClasses())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez une image PNG ou SVG.")));
        mvc.perform(badgeClassForm(multipart(badgeClasses()).file(file("image", "b.svg", SCRIPT_SVG.getBytes(StandardCharsets.UTF_8)))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("contient un script")));
    }

    @Test
    void refusesUnknownRolesAndBadInvitationAddresses() throws Exception {
        String staffPath = "/console/organisations/" + organisation.value() + "/staff";
        mvc.perform(post(staffPath + "/invitations").with(csrf()).with(as(owner))
                        .param("email", "sacha@example.org").param("role", "CHIEF"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ce rôle n&#39;existe pas")));
        mvc.perform(post(staffPath + "/invitations").with(csrf()).with(as(owner))
                        .param("email", "pas-une-adresse").param("role", "VIEWER"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Saisissez une adresse e-mail valide")));
        mvc.perform(post(staffPath + "/" + owner.id() + "/role").with(csrf()).with(as(owner)).param("role", "CHIEF"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ce rôle n&#39;existe pas")));
        mvc.perform(post(staffPath + "/" + owner.id() + "/role").with(csrf()).with(as(owner)).param("role", "VIEWER"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("au moins un propriétaire")));
        mvc.perform(get("/console/invitations").with(as(owner)).param("token", "faux"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Cette invitation n&#39;existe pas")));
    }

    @Test
    void answersAnUploadOverTheServerLimitWithThe413Page() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        String loginPage = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + java.net.URLEncoder.encode(owner.email(), StandardCharsets.UTF_8)
                        + "&password=" + java.net.URLEncoder.encode(ConsoleFixture.PASSWORD, StandardCharsets.UTF_8)
                        + "&_csrf=" + csrfOf(loginPage)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/start"));

        String profilePath = "/console/organisations/" + organisation.value() + "/profile";
        String form = http.send(HttpRequest.newBuilder(URI.create(base + profilePath)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String boundary = "----insigne" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nLigue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"huge.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[10_700_000]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(base + profilePath + "?_csrf=" + csrfOf(form)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html,application/xhtml+xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(upload.statusCode()).isEqualTo(413);
        assertThat(upload.body()).contains("Fichier trop volumineux").doesNotContain("Exception");
    }

    private static String csrfOf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    private ResultActions saveProfile(MockMultipartFile logo, String query) throws Exception {
        return mvc.perform(multipart("/console/organisations/" + organisation.value() + "/profile" + query)
                .file(logo).param("name", "Ligue").with(csrf()).with(as(owner)));
    }

    private MockMultipartHttpServletRequestBuilder profile() {
        MockMultipartHttpServletRequestBuilder request = multipart("/console/organisations/" + organisation.value() + "/profile");
        request.with(csrf()).with(as(owner));
        return request;
    }

    private String badgeClasses() {
        return "/console/organisations/" + organisation.value() + "/badge-classes";
    }

    private ResultActions createBadgeClass(java.util.function.UnaryOperator<MockMultipartHttpServletRequestBuilder> change)
            throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart(badgeClasses()).file(ConsoleFixture.png("image"));
        request.param("name", "Animer une réunion").param("description", "Savoir animer.")
                .param("criteria", "Avoir animé **trois** réunions.").param("levels", "Je fais\nJe transmets");
        ResultActions result = mvc.perform(badgeClassForm(change.apply(request)));
        return result.andExpect(content().string(not(containsString("Exception"))));
    }

    private MockMultipartHttpServletRequestBuilder badgeClassForm(MockMultipartHttpServletRequestBuilder request) {
        if (request.buildRequest(new org.springframework.mock.web.MockServletContext()).getParameter("name") == null) {
            request.param("name", "Animer une réunion").param("description", "Savoir animer.")
                    .param("criteria", "Avoir animé **trois** réunions.").param("levels", "Je fais\nJe transmets");
        }
        request.with(csrf()).with(as(owner));
        return request;
    }

    private static MockMultipartFile file(String field, String name, byte[] bytes) {
        return new MockMultipartFile(field, name, "application/octet-stream", bytes);
    }
}
