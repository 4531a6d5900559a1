package org.insigne.web.backpack;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.ob2.Ob2Json;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.HostedBadgeServer;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sharing a public badge: social links, QR codes, link previews, and nothing of it while private. */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class SharingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private final String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    private final AccountUser camille = new AccountUser(UUID.randomUUID(), email, "Camille Martin", "", true, false);
    private final HostedBadgeServer site = HostedBadgeServer.start(email);

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void offersALinkedInCertificationLinkWithTheBadgeEncoded() throws Exception {
        String page = imported();
        String publicId = publicId();
        makePublic(page);

        String html = mvc.perform(get(page).with(user(camille))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String link = HtmlUtils.htmlUnescape(attribute(html, "share-linkedin-profile", "href"));
        assertThat(link).startsWith("https://www.linkedin.com/profile/add?");
        assertThat(link).doesNotContain(" ").doesNotContain("é");
        Map<String, String> params = params(link);
        assertThat(params).containsEntry("startTask", "CERTIFICATION_NAME")
                .containsEntry("name", "Animateur bénévole")
                .containsEntry("organizationName", "Ligue de l'enseignement d'Indre-et-Loire")
                .containsEntry("certUrl", "http://localhost/p/badges/" + publicId)
                .containsEntry("certId", publicId)
                .containsKeys("issueYear", "issueMonth");
        assertThat(Integer.parseInt(params.get("issueMonth"))).isBetween(1, 12);
        assertThat(html).contains("id=\"share-url\"").contains("value=\"http://localhost/p/badges/" + publicId + "\"")
                .contains("https://mastodon.social/share?text=")
                .contains("https://www.linkedin.com/sharing/share-offsite/?url=")
                .contains("https://x.com/intent/tweet?text=")
                .contains("&lt;a href=&quot;http://localhost/p/badges/" + publicId);
    }

    @Test
    void servesAQrCodeThatReadsBackAsThePublicAddress() throws Exception {
        String page = imported();
        String publicId = publicId();
        makePublic(page);

        byte[] png = mvc.perform(get("/p/badges/" + publicId + "/qr.png")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
        assertThat(decoded).isEqualTo("http://localhost/p/badges/" + publicId);

        mvc.perform(get("/p/badges/" + publicId + "/qr.svg")).andExpect(status().isOk())
                .andExpect(content().contentType("image/svg+xml"))
                .andExpect(content().string(containsString("<path")));
    }

    @Test
    void describesThePublicPageForLinkPreviews() throws Exception {
        String page = imported();
        String publicId = publicId();
        makePublic(page);

        mvc.perform(get("/p/badges/" + publicId)).andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "<meta property=\"og:title\" content=\"Animateur bénévole — Ligue de l&#39;enseignement")))
                .andExpect(content().string(containsString("<meta property=\"og:description\"")))
                .andExpect(content().string(containsString(
                        "<meta property=\"og:url\" content=\"http://localhost/p/badges/" + publicId + "\">")))
                .andExpect(content().string(containsString(
                        "<meta property=\"og:image\" content=\"http://localhost/p/badges/" + publicId + "/image\">")))
                .andExpect(content().string(containsString("<meta name=\"twitter:card\" content=\"summary\">")))
                .andExpect(content().string(not(containsString("id=\"share-linkedin-profile\""))))
                .andExpect(content().string(not(containsString(email))));
    }

    @Test
    void showsThePublicBadgeWithTheVerdictOfItsLastVerification() throws Exception {
        String page = imported();
        String publicId = publicId();
        makePublic(page);

        mvc.perform(get("/p/badges/" + publicId)).andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"badge-card\"")))
                .andExpect(content().string(containsString("Authentique")))
                .andExpect(content().string(containsString("D&#39;après la dernière vérification faite par Insigne, le ")))
                .andExpect(content().string(not(containsString(email))));
        mvc.perform(get("/p/badges/" + publicId + "?lang=en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Genuine")))
                .andExpect(content().string(containsString("As of the last verification made by Insigne, on ")));
    }

    @Test
    void sharesNothingWhileTheBadgeIsPrivate() throws Exception {
        String page = imported();
        String publicId = publicId();

        mvc.perform(get(page).with(user(camille))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("linkedin.com"))))
                .andExpect(content().string(not(containsString("share-url"))))
                .andExpect(content().string(not(containsString("qr.png"))));
        mvc.perform(get("/p/badges/" + publicId + "/qr.png")).andExpect(status().isNotFound());
        mvc.perform(get("/p/badges/" + publicId + "/qr.svg")).andExpect(status().isNotFound());

        makePublic(page);
        mvc.perform(post(page + "/visibility").param("shared", "false").with(csrf()).with(user(camille)));
        mvc.perform(get("/p/badges/" + publicId + "/qr.png")).andExpect(status().isNotFound());
        mvc.perform(get("/p/badges/" + publicId)).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("og:title"))));
    }

    private void makePublic(String page) throws Exception {
        mvc.perform(post(page + "/visibility").param("shared", "true").with(csrf()).with(user(camille)))
                .andExpect(status().is3xxRedirection());
    }

    private String publicId() {
        return jdbc.queryForObject("select public_id from backpack_badge where owner_id = ?", String.class,
                camille.id());
    }

    private static String attribute(String html, String id, String attribute) {
        Matcher tag = Pattern.compile("<a[^>]*id=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(tag.find()).as("element #%s", id).isTrue();
        Matcher value = Pattern.compile(attribute + "=\"([^\"]*)\"").matcher(tag.group());
        assertThat(value.find()).isTrue();
        return value.group(1);
    }

    private static Map<String, String> params(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private String imported() throws Exception {
        byte[] png;
        try (var in = getClass().getResourceAsStream("/badge.png")) {
            png = in.readAllBytes();
        }
        byte[] baked = new Baker(BakingLimits.defaults()).bake(png, new BakedPayload(PayloadKind.OB2_ASSERTION,
                Ob2Json.mapper().writeValueAsString(site.assertion()), null));
        MvcResult started = mvc.perform(multipart("/backpack/import")
                .file(new MockMultipartFile("file", "badge.png", "image/png", baked)).with(csrf()).with(user(camille)))
                .andReturn();
        String location = mvc.perform(asyncDispatch(started)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return location.substring(0, location.indexOf('?'));
    }
}
