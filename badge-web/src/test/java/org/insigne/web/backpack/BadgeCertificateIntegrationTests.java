package org.insigne.web.backpack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.web.account.AccountUser;
import org.insigne.web.pdf.PdfInspection;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.Ob3TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The PDF certificate of a badge, read back as a reader and a verifier would: its text in the reader's
 * language, the QR code and the short link leading to the public page, the credential attached byte for byte,
 * the tags. Then the PDF of a collection and of an anonymous CV holding it.
 */
@InsigneIntegrationTest
class BadgeCertificateIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private final Ob3TestCredentials credentials = new Ob3TestCredentials();
    private final String email = "sam." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    private final AccountUser sam = new AccountUser(UUID.randomUUID(), email, "Sam-Lou Taylor", "", true, false);

    @Test
    void printsTheBadgeInFrenchWithItsQrCodeAndTheCredentialAttached() throws Exception {
        String issued = signed(credential());
        String page = publicBadge(issued);

        MvcResult result = certificate(get(page + "/certificate"));
        PdfInspection pdf = PdfInspection.of(result.getResponse().getContentAsByteArray());

        assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .contains("certificat-animation-d-ateliers.pdf");
        assertThat(pdf.flatText()).contains("Ce certificat atteste que", "Sam-Lou Taylor", "a obtenu le badge",
                Ob3TestCredentials.BADGE_NAME, "Délivré par " + Ob3TestCredentials.ISSUER_NAME,
                "Date d'obtention", "10 janvier 2026", "Critères", "Animer au moins dix séances",
                "Preuves", "Compte rendu des ateliers", "Vérifier ce badge");
        assertThat(pdf.flatText()).doesNotContain("**", "Issued by");
        String publicUrl = "http://localhost/p/badges/" + publicIdOf(page);
        assertThat(pdf.qrCodes()).containsExactly(publicUrl);
        // the short link, to type from paper, leads to the same page
        String shortLink = "/b/" + publicIdOf(page).substring(0, 16);
        assertThat(pdf.text().replaceAll("\\s+", "")).contains("http://localhost" + shortLink)
                .doesNotContain(publicUrl);
        mvc.perform(get(shortLink)).andExpect(status().isPermanentRedirect())
                .andExpect(header().string("Location", publicUrl));
        assertThat(pdf.attachments().values()).singleElement()
                .isEqualTo(issued.getBytes(StandardCharsets.UTF_8));
        assertThat(pdf.associatedFiles()).singleElement().asString().endsWith(".json Source");
        assertThat(pdf.language()).isEqualTo("fr");
        assertThat(pdf.title()).isEqualTo(Ob3TestCredentials.BADGE_NAME + " : certificat");
        assertThat(pdf.structureTree()).isTrue();
        assertThat(pdf.marked()).isTrue();
        assertThat(pdf.fontsNotEmbedded()).isEmpty();
        Path look = Path.of("target/pdf-look");
        Files.createDirectories(look);
        ImageIO.write(PdfInspection.image(result.getResponse().getContentAsByteArray(), 0), "png",
                look.resolve("certificate-fr.png").toFile());
    }

    @Test
    void leadsAShortLinkNowhereWhileItsBadgeIsPrivate() throws Exception {
        String page = publicBadge(signed(credential()));
        String shortLink = "/b/" + publicIdOf(page).substring(0, 16);
        mvc.perform(get(page).with(user(sam))).andExpect(status().isOk())
                .andExpect(content().string(containsString("http://localhost" + shortLink + "</a>")));

        mvc.perform(post(page + "/visibility").param("shared", "false").with(csrf()).with(user(sam)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(shortLink)).andExpect(status().isNotFound());
        mvc.perform(get("/b/" + publicIdOf(page))).andExpect(status().isNotFound());
        mvc.perform(get("/b/AAAAAAAAAAAAAAAA")).andExpect(status().isNotFound());
    }

    @Test
    void printsACollectionAndAnAnonymousCvWithEachBadgesPublicPage() throws Exception {
        String page = publicBadge(signed(credential()));
        String badgeId = page.substring(page.lastIndexOf('/') + 1);
        String publicUrl = "http://localhost/p/badges/" + publicIdOf(page);
        mvc.perform(post("/backpack/collections").param("name", "Mon engagement associatif")
                .param("description", "Deux ans à la Ligue.").param("badges", badgeId).with(csrf()).with(user(sam)))
                .andExpect(status().is3xxRedirection());
        UUID collection = jdbc.queryForObject("select id from badge_collection where owner_id = ?", UUID.class,
                sam.id());

        MvcResult result = certificate(get("/backpack/collections/" + collection + "/pdf"));
        PdfInspection pdf = PdfInspection.of(result.getResponse().getContentAsByteArray());
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .contains("collection-mon-engagement-associatif.pdf");
        assertThat(pdf.flatText()).contains("COLLECTION DE BADGES", "Mon engagement associatif",
                "Deux ans à la Ligue.", Ob3TestCredentials.BADGE_NAME, "Délivré par", Ob3TestCredentials.ISSUER_NAME,
                "10 janvier 2026", "Page publique du badge").doesNotContain("Sam", "Taylor");
        assertThat(pdf.text().replaceAll("\\s+", "")).contains(publicUrl);
        // a private collection has no page to lead to
        assertThat(pdf.qrCodes()).isEmpty();
        assertThat(pdf.language()).isEqualTo("fr");
        assertThat(pdf.title()).isEqualTo("Mon engagement associatif");
        assertThat(pdf.structureTree()).isTrue();
        assertThat(pdf.fontsNotEmbedded()).isEmpty();
        mvc.perform(get("/backpack/collections/" + collection).with(user(sam)))
                .andExpect(content().string(containsString("/backpack/collections/" + collection + "/pdf")));

        mvc.perform(post("/backpack/collections/" + collection + "/visibility").param("shared", "true")
                .with(csrf()).with(user(sam))).andExpect(status().is3xxRedirection());
        String collectionPublicId = jdbc.queryForObject("select public_id from badge_collection where id = ?",
                String.class, collection);
        MvcResult shared = mvc.perform(get("/p/collections/" + collectionPublicId + "/pdf").param("lang", "en"))
                .andReturn();
        PdfInspection english = PdfInspection.of(mvc.perform(asyncDispatch(shared)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(english.flatText()).contains("BADGE COLLECTION", "Issued by", "10 January 2026",
                "This list online").doesNotContain("Délivré par");
        assertThat(english.language()).isEqualTo("en");
        assertThat(english.qrCodes()).containsExactly("http://localhost/p/collections/" + collectionPublicId);

        mvc.perform(post("/backpack/cvs").param("label", "Candidature Sam chez Emmaüs").param("badges", badgeId)
                .with(csrf()).with(user(sam))).andExpect(status().is3xxRedirection());
        String cv = jdbc.queryForObject("select public_id from anonymous_cv where owner_id = ?", String.class,
                sam.id());
        mvc.perform(get("/backpack/cvs").with(user(sam)))
                .andExpect(content().string(containsString("/p/cv/" + cv + "/pdf")));
        MvcResult cvResult = mvc.perform(get("/p/cv/" + cv + "/pdf")).andReturn();
        MvcResult cvPdf = mvc.perform(asyncDispatch(cvResult)).andExpect(status().isOk()).andReturn();
        PdfInspection anonymous = PdfInspection.of(cvPdf.getResponse().getContentAsByteArray());
        assertThat(cvPdf.getResponse().getHeader("Content-Disposition")).contains("cv-anonyme.pdf");
        assertThat(anonymous.flatText()).contains("CV ANONYME DE BADGES", "Badges d'un candidat",
                Ob3TestCredentials.BADGE_NAME).doesNotContain("Sam", "Taylor", "Emmaüs", email);
        assertThat(anonymous.text().replaceAll("\\s+", "")).contains(publicUrl);
        assertThat(anonymous.qrCodes()).containsExactly("http://localhost/p/cv/" + cv);
        ImageIO.write(PdfInspection.image(cvPdf.getResponse().getContentAsByteArray(), 0), "png",
                Files.createDirectories(Path.of("target/pdf-look")).resolve("cv-fr.png").toFile());
    }

    @Test
    void printsTheBadgeInEnglish() throws Exception {
        String page = publicBadge(signed(credential()));

        MvcResult result = certificate(get(page + "/certificate").param("lang", "en"));
        PdfInspection pdf = PdfInspection.of(result.getResponse().getContentAsByteArray());

        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .contains("certificate-animation-d-ateliers.pdf");
        assertThat(pdf.flatText()).contains("This certifies that", "Sam-Lou Taylor", "has earned the badge",
                "Issued by " + Ob3TestCredentials.ISSUER_NAME, "Earned on", "10 January 2026", "Criteria",
                "Evidence", "Verify this badge");
        assertThat(pdf.flatText()).doesNotContain("Ce certificat", "Délivré par");
        assertThat(pdf.language()).isEqualTo("en");
        ImageIO.write(PdfInspection.image(result.getResponse().getContentAsByteArray(), 0), "png",
                Files.createDirectories(Path.of("target/pdf-look")).resolve("certificate-en.png").toFile());
    }

    @Test
    void printsInitialsOrNoNameAsTheEarnerChooses() throws Exception {
        String page = publicBadge(signed(credential()));

        PdfInspection initials = PdfInspection.of(certificate(get(page + "/certificate").param("name", "initials"))
                .getResponse().getContentAsByteArray());
        PdfInspection none = PdfInspection.of(certificate(get(page + "/certificate").param("name", "none"))
                .getResponse().getContentAsByteArray());

        assertThat(initials.flatText()).contains("S.-L. T.", "a obtenu le badge").doesNotContain("Sam", "Taylor");
        assertThat(none.flatText()).contains("Ce certificat atteste l'obtention du badge")
                .doesNotContain("Sam", "Taylor", "S.-L.");
    }

    @Test
    void keepsEveryWordOfALongNameAndLongCriteria() throws Exception {
        ObjectNode credential = credential();
        String longName = "Coordination bénévole des chantiers de rénovation énergétique participative "
                + "en milieu rural et périurbain, niveau confirmé avec tutorat de nouveaux bénévoles";
        StringBuilder criteria = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            criteria.append("- Étape ").append(i).append(" : **avoir mené** au moins six chantiers collectifs, "
                    + "rédigé leur compte rendu et accueilli un nouveau bénévole.\n");
        }
        String unbroken = "https://example.org/" + "x".repeat(150);
        criteria.append("\nVoir ").append(unbroken).append(" pour la charte.");
        credential.put("name", longName);
        ((ObjectNode) credential.get("credentialSubject").get("achievement")).put("name", longName);
        ((ObjectNode) credential.get("credentialSubject").get("achievement").get("criteria"))
                .put("narrative", criteria.toString());
        String page = publicBadge(signed(credential));

        PdfInspection pdf = PdfInspection.of(certificate(get(page + "/certificate")).getResponse()
                .getContentAsByteArray());

        String squeezed = pdf.text().replaceAll("\\s+", "");
        assertThat(squeezed).contains(longName.replaceAll("\\s+", ""), unbroken);
        for (int i = 1; i <= 40; i++) {
            assertThat(pdf.flatText()).contains("Étape " + i + " : avoir mené au moins six chantiers collectifs");
        }
        assertThat(pdf.pages()).isGreaterThan(1);
        assertThat(pdf.qrCodes()).containsExactly("http://localhost/p/badges/" + publicIdOf(page));
    }

    @Test
    void printsHostileNamesAndCriteriaAsText() throws Exception {
        ObjectNode credential = credential();
        String name = "Badge <b>&amp; \"guillemets\" </html>";
        credential.put("name", name);
        ((ObjectNode) credential.get("credentialSubject").get("achievement")).put("name", name);
        ((ObjectNode) credential.get("credentialSubject").get("achievement").get("criteria")).put("narrative",
                "Avant&nbsp;tout &copy; <br> ligne<script>alert(1)</script> ![pisteur](http://127.0.0.1:9/p.png)\n\n"
                        + "<img src=\"file:///etc/passwd\"> | a | b |\n|---|---|\n| c | d |\n\n`code` fin des critères");
        String page = publicBadge(signed(credential));

        PdfInspection pdf = PdfInspection.of(certificate(get(page + "/certificate")).getResponse()
                .getContentAsByteArray());

        // Markup the issuer wrote is printed as the text it is; nothing it names is run or read.
        assertThat(pdf.text().replaceAll("\\s+", "")).contains(name.replaceAll("\\s+", ""),
                "<script>alert(1)</script>", "<imgsrc=\"file:///etc/passwd\">", "findescritères");
        assertThat(pdf.text()).doesNotContain("root:");
        assertThat(pdf.fontsNotEmbedded()).isEmpty();
    }

    @Test
    void refusesAPrivateBadgeAndSaysWhy() throws Exception {
        String page = imported(signed(credential()));

        mvc.perform(get(page).with(user(sam)))
                .andExpect(content().string(containsString("Rendez ce badge public pour obtenir son certificat")))
                .andExpect(content().string(not(containsString("id=\"certificate-download\""))));
        mvc.perform(get(page + "/certificate").with(user(sam)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("rendez d&#39;abord ce badge public")));
    }

    @Test
    void givesNoOneElseTheCertificate() throws Exception {
        String page = publicBadge(signed(credential()));
        AccountUser other = new AccountUser(UUID.randomUUID(), "other@example.org", "Dominique", "", true, false);

        mvc.perform(get(page + "/certificate").with(user(other))).andExpect(status().isNotFound());
        mvc.perform(get(page + "/certificate")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
    }

    @Test
    void offersTheCertificateOnThePublicPageToItsOwnerOnly() throws Exception {
        String page = publicBadge(signed(credential()));
        String publicPage = "/p/badges/" + publicIdOf(page);
        AccountUser other = new AccountUser(UUID.randomUUID(), "other@example.org", "Dominique", "", true, false);

        mvc.perform(get(publicPage).with(user(sam)))
                .andExpect(content().string(containsString("href=\"" + page + "/certificate\"")));
        mvc.perform(get(publicPage).with(user(other)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/certificate"))));
        mvc.perform(get(publicPage))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/certificate"))));
    }

    private ObjectNode credential() {
        ObjectNode credential = credentials.credential(email, null);
        ObjectNode evidence = credential.putArray("evidence").addObject();
        evidence.putArray("type").add("Evidence");
        evidence.put("id", "https://ligue37.example/evidence/42");
        evidence.put("narrative", "Compte rendu des ateliers de juin");
        ((ObjectNode) credential.get("credentialSubject").get("achievement").get("criteria"))
                .put("narrative", "Animer au moins **dix séances**.");
        return credential;
    }

    private String signed(ObjectNode credential) throws Exception {
        return BoundedJson.MAPPER.writeValueAsString(credentials.signed(credential));
    }

    /** The backpack page of the badge, imported as a baked PNG holding exactly {@code issued}. */
    private String imported(String issued) throws Exception {
        byte[] png = Files.readAllBytes(Path.of(getClass().getResource("/badge.png").toURI()));
        byte[] baked = new Baker(BakingLimits.defaults()).bake(png,
                new BakedPayload(PayloadKind.OB3_CREDENTIAL, issued, null));
        MvcResult started = mvc.perform(multipart("/backpack/import")
                .file(new MockMultipartFile("file", "credential.png", "image/png", baked)).with(csrf())
                .with(user(sam))).andReturn();
        String location = mvc.perform(asyncDispatch(started)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return location.substring(0, location.indexOf('?'));
    }

    private String publicBadge(String issued) throws Exception {
        String page = imported(issued);
        mvc.perform(post(page + "/visibility").param("shared", "true").with(csrf()).with(user(sam)))
                .andExpect(status().is3xxRedirection());
        return page;
    }

    private String publicIdOf(String page) {
        UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
        return jdbc.queryForObject("select public_id from backpack_badge where id = ?", String.class, id);
    }

    private MvcResult certificate(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult started = mvc.perform(request.with(user(sam))).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn();
    }
}
