package org.insigne.web.issuer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.did.KeyResolver;
import org.insigne.core.did.VerificationMethod;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.ob3.BitstringStatusList;
import org.insigne.core.signing.Ed25519Keys;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verifier;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.key.SigningKeyService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.insigne.web.issuer.ConsoleFixture.as;
import static org.insigne.web.issuer.ConsoleFixture.atAddress;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every machine form of one award, fetched over HTTP as any tool would and verified by the core verifier: the
 * OB 2.0 hosted and signed assertions, the OB 3.0 credential with its Data Integrity proof and as a VC-JWT, and
 * badge images with either baked in; then revoked, each form says so.
 */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class IssuedFormsIntegrationTests {

    static final String REASON = "Délivré par erreur";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired SigningKeyService keys;
    @Autowired Verifier verifier;
    @LocalServerPort int port;

    ConsoleFixture fixture;
    ConsoleFixture.PublishedBadge published;
    AccountUser owner;
    OrganisationId organisation;
    BadgeClassId badgeClass;
    String email;

    @BeforeEach
    void publishABadgeWithARealPng() throws Exception {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        published = fixture.publishedBadge();
        owner = published.owner();
        organisation = published.organisation();
        badgeClass = published.badgeClass();
        jdbc.update("update badge_class_image set bytes = ? where badge_class_id = ?", png(40, 30), badgeClass.value());
        email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    @Test
    void servesSixFormsThatVerifyUntilTheBadgeIsRevoked() throws Exception {
        AwardView award = award();
        UUID id = award.id().value();
        String base = "http://127.0.0.1:" + port;

        MockHttpServletResponse signed = fetch("/ob2/assertions/" + id + "/signed");
        assertThat(signed.getContentType()).isEqualTo("text/plain");
        assertThat(signed.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        String jws = signed.getContentAsString();
        assertThat(jws.split("\\.")).hasSize(3);
        assertThat(fetch("/ob2/assertions/" + id + "/signed").getContentAsString()).isEqualTo(jws);
        MockHttpServletResponse jose = mvc.perform(get("/ob2/assertions/" + id + "/signed")
                .accept("application/jose").with(atAddress(port))).andReturn().getResponse();
        assertThat(jose.getContentType()).isEqualTo("application/jose");
        assertThat(jose.getContentAsString()).isEqualTo(jws);
        JsonNode header = BoundedJson.readObject(java.util.Base64.getUrlDecoder().decode(jws.split("\\.")[0]));
        assertThat(header.path("alg").asString()).isEqualTo("RS256");
        JsonNode payload = BoundedJson.readObject(java.util.Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
        assertThat(payload.path("verification").path("type").asString()).isEqualTo("SignedBadge");
        assertThat(payload.path("verification").path("creator").asString()).startsWith(base + "/ob2/keys/");

        MockHttpServletResponse credentialResponse = fetch("/ob3/credentials/" + id);
        String credential = credentialResponse.getContentAsString(StandardCharsets.UTF_8);
        ObjectNode credentialJson = BoundedJson.readObject(credential);
        JsonNode status = credentialJson.path("credentialStatus");
        assertThat(status.path("type").asString()).isEqualTo("BitstringStatusListEntry");
        assertThat(status.path("statusPurpose").asString()).isEqualTo("revocation");
        String statusList = status.path("statusListCredential").asString();
        assertThat(statusList).isEqualTo(base + "/ob3/issuers/" + organisation.value() + "/status/0");
        int index = Integer.parseInt(status.path("statusListIndex").asString());

        MockHttpServletResponse jwtResponse = fetch("/ob3/credentials/" + id + "/jwt");
        assertThat(jwtResponse.getContentType()).isEqualTo("application/vc+jwt");
        String jwt = jwtResponse.getContentAsString();
        JsonNode jwtHeader = BoundedJson.readObject(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
        assertThat(jwtHeader.path("alg").asString()).isEqualTo("EdDSA");
        assertThat(jwtHeader.path("kid").asString())
                .isEqualTo(credentialJson.path("proof").path("verificationMethod").asString());

        Map<String, byte[]> images = new java.util.LinkedHashMap<>();
        for (String path : List.of("/ob2/assertions/", "/ob3/credentials/")) {
            for (String extension : List.of("png", "svg")) {
                MockHttpServletResponse image = fetch(path + id + "/baked." + extension);
                assertThat(image.getContentType()).isEqualTo(extension.equals("png") ? "image/png" : "image/svg+xml");
                assertThat(image.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
                String spec = path.startsWith("/ob2") ? "ob2" : "ob3";
                assertThat(image.getHeader("Content-Disposition"))
                        .isEqualTo("attachment; filename=\"badge-" + id + "-" + spec + "." + extension + "\"");
                byte[] bytes = image.getContentAsByteArray();
                assertThat(fetch(path + id + "/baked." + extension).getContentAsByteArray()).isEqualTo(bytes);
                images.put(spec + "." + extension, bytes);
            }
        }
        Baker baker = new Baker(org.insigne.core.baking.BakingLimits.defaults());
        BakedPayload ob2Svg = baker.unbake(images.get("ob2.svg"));
        assertThat(ob2Svg.kind()).isEqualTo(PayloadKind.OB2_ASSERTION);
        assertThat(ob2Svg.verifyAttribute()).isEqualTo(base + "/ob2/assertions/" + id);
        assertThat(baker.unbake(images.get("ob3.png")).text()).isEqualTo(credential);
        assertThat(new String(images.get("ob3.svg"), StandardCharsets.UTF_8)).contains("data:image/png;base64,");

        assertThat(bitOf(statusList, index)).isFalse();
        Map<String, VerificationRequest> forms = new java.util.LinkedHashMap<>();
        forms.put("OB 2.0 hosted", VerificationRequest.ofUrl(base + "/ob2/assertions/" + id));
        forms.put("OB 2.0 signed", VerificationRequest.ofText(jws));
        forms.put("OB 3.0 Data Integrity", VerificationRequest.ofText(credential));
        forms.put("OB 3.0 VC-JWT", VerificationRequest.ofText(jwt));
        images.forEach((name, bytes) -> forms.put("baked " + name, VerificationRequest.ofFile(bytes)));
        forms.forEach((name, request) -> {
            VerificationReport report = verifier.verify(request.withRecipient(email));
            assertThat(report.verdict()).as(name + ": " + report.checks()).isEqualTo(Verdict.VALID);
            if (name.contains("3.0") || name.contains("ob3")) {
                assertThat(report.check("ob3.structure")).as(name).map(Check::status).hasValue(CheckStatus.PASSED);
                assertThat(report.check("ob3.status")).as(name).map(Check::status).hasValue(CheckStatus.PASSED);
            }
        });

        mvc.perform(post("/console/organisations/{org}/awards/{id}/revoke", organisation.value(), id)
                        .with(as(owner)).with(csrf()).param("reason", REASON))
                .andExpect(status().isFound());

        assertThat(bitOf(statusList, index)).isTrue();
        forms.forEach((name, request) -> {
            VerificationReport report = verifier.verify(request);
            assertThat(report.verdict()).as(name + ": " + report.checks()).isEqualTo(Verdict.INVALID);
            Check revocation = report.check(name.contains("3.0") || name.contains("ob3") ? "ob3.status" : "ob2.revocation")
                    .orElseThrow();
            assertThat(revocation.status()).as(name).isEqualTo(CheckStatus.FAILED);
            assertThat(revocation.messageKey()).as(name)
                    .isIn("ob2.revocation.revoked", "ob2.revocation.gone-reason", "ob3.status.revoked");
            if (!name.contains("3.0") && !name.contains("ob3")) {
                // OB 2.0 carries the reason: from the 410 body, or from the revocation list.
                assertThat(revocation.args()).as(name).contains(REASON);
            }
        });
    }

    @Test
    void answersNotFoundForUnknownBadgesListsAndExtensions() throws Exception {
        AwardView award = award();
        UUID id = award.id().value();
        UUID unknown = UUID.randomUUID();
        for (String path : List.of("/ob2/assertions/" + unknown + "/signed", "/ob3/credentials/" + unknown + "/jwt",
                "/ob2/assertions/" + unknown + "/baked.png", "/ob3/credentials/" + unknown + "/baked.svg",
                "/ob2/assertions/not-an-id/signed", "/ob3/credentials/not-an-id/jwt",
                "/ob2/assertions/" + id + "/baked.gif", "/ob3/credentials/" + id + "/baked.jpeg",
                "/ob3/issuers/" + unknown + "/status/0", "/ob3/issuers/" + organisation.value() + "/status/1",
                "/ob3/issuers/" + organisation.value() + "/status/-1",
                "/ob3/issuers/" + organisation.value() + "/status/zero",
                "/ob3/achievements/" + unknown, "/ob3/issuers/" + unknown + "/did.json")) {
            assertThat(mvc.perform(get(path).with(atAddress(port))).andReturn().getResponse().getStatus()).as(path)
                    .isEqualTo(404);
        }
    }

    @Test
    void bakesSvgBadgeImagesAsIsAndSaysWhyThereIsNoPng() throws Exception {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>"
                .getBytes(StandardCharsets.UTF_8);
        jdbc.update("update badge_class_image set bytes = ?, media_type = 'image/svg+xml' where badge_class_id = ?",
                svg, badgeClass.value());
        UUID id = award().id().value();

        byte[] baked = fetch("/ob3/credentials/" + id + "/baked.svg").getContentAsByteArray();
        assertThat(new String(baked, StandardCharsets.UTF_8)).contains("<rect").doesNotContain("data:image/png");
        assertThat(verifier.verify(VerificationRequest.ofFile(baked)).verdict()).isEqualTo(Verdict.VALID);

        MockHttpServletResponse png = mvc.perform(get("/ob3/credentials/" + id + "/baked.png")
                .param("lang", "en").with(atAddress(port))).andReturn().getResponse();
        assertThat(png.getStatus()).isEqualTo(404);
        assertThat(png.getContentAsString(StandardCharsets.UTF_8)).contains("only the SVG badge image is available");
    }

    @Test
    void servesTheAchievementAndADidDocumentListingRetiredKeys() throws Exception {
        UUID first = award().id().value();
        ObjectNode credential = BoundedJson.readObject(fetch("/ob3/credentials/" + first).getContentAsByteArray());
        JsonNode embedded = credential.path("credentialSubject").path("achievement");
        ObjectNode achievement = BoundedJson.readObject(fetch("/ob3/achievements/" + badgeClass.value()).getContentAsByteArray());
        assertThat(achievement.path("id").asString()).isEqualTo(embedded.path("id").asString())
                .isEqualTo("http://127.0.0.1:" + port + "/ob3/achievements/" + badgeClass.value());
        assertThat(achievement.remove("@context")).isNotNull();
        assertThat(achievement).isEqualTo(embedded);

        keys.rotate(organisation);
        UUID second = award().id().value();
        // Over plain HTTP a credential's issuer is its key's did:key, so a new key starts a new status list.
        assertThat(BoundedJson.readObject(fetch("/ob3/credentials/" + second).getContentAsByteArray())
                .path("credentialStatus").path("statusListCredential").asString()).endsWith("/status/1");
        assertThat(verifier.verify(VerificationRequest.ofText(fetch("/ob3/credentials/" + first + "/jwt").getContentAsString()))
                .verdict()).as("a VC-JWT made after rotation is signed with the key of the first proof")
                .isEqualTo(Verdict.VALID);

        MockHttpServletResponse response = fetch("/ob3/issuers/" + organisation.value() + "/did.json");
        assertThat(response.getContentType()).isEqualTo("application/did+ld+json");
        ObjectNode did = BoundedJson.readObject(response.getContentAsByteArray());
        String didId = "did:web:127.0.0.1%3A" + port + ":ob3:issuers:" + organisation.value();
        assertThat(did.path("id").asString()).isEqualTo(didId);
        assertThat(did.path("verificationMethod")).hasSize(2);
        assertThat(did.path("assertionMethod")).hasSize(2);

        // did:web resolves over HTTPS only; the resolver is handed the document as if fetched from there.
        URI documentUrl = URI.create("https://127.0.0.1:" + port + "/ob3/issuers/" + organisation.value() + "/did.json");
        KeyResolver resolver = new KeyResolver((uri, expect) -> {
            if (!uri.equals(documentUrl)) {
                throw new FetchFailed(uri, FetchFailed.Reason.NOT_FOUND);
            }
            return new FetchedDocument(uri, uri, "application/did+ld+json", response.getContentAsByteArray());
        });
        for (UUID award : List.of(first, second)) {
            ObjectNode signed = BoundedJson.readObject(fetch("/ob3/credentials/" + award).getContentAsByteArray());
            String method = signed.path("proof").path("verificationMethod").asString();
            byte[] publicKey = Ed25519Keys.decodePublicKeyMultibase(method.substring(method.indexOf('#') + 1));
            String listed = null;
            for (JsonNode entry : did.path("verificationMethod")) {
                if (java.util.Arrays.equals(Ed25519Keys.decodePublicKeyMultibase(entry.path("publicKeyMultibase").asString()),
                        publicKey)) {
                    listed = entry.path("id").asString();
                }
            }
            assertThat(listed).as("key of award " + award).isNotNull();
            VerificationMethod resolved = resolver.resolve(listed);
            assertThat(resolved.controller()).isEqualTo(didId);
            assertThat(resolved.ed25519()).isEqualTo(publicKey);
        }
    }

    private AwardView award() throws Exception {
        return fixture.awardThroughForm(published, email, awards, atAddress(port));
    }

    private boolean bitOf(String statusListUrl, int index) throws Exception {
        MockHttpServletResponse response = fetch(statusListUrl.substring(statusListUrl.indexOf("/ob3/")));
        assertThat(response.getContentType()).isEqualTo("application/ld+json");
        ObjectNode list = BoundedJson.readObject(response.getContentAsByteArray());
        assertThat(list.path("type").toString()).contains("BitstringStatusListCredential");
        assertThat(list.path("proof").path("cryptosuite").asString()).isEqualTo("eddsa-rdfc-2022");
        BitstringStatusList bits = BitstringStatusList.decode(list.path("credentialSubject").path("encodedList").asString());
        assertThat(bits.size()).isGreaterThanOrEqualTo(BitstringStatusList.MIN_BITS);
        return bits.get(index);
    }

    private MockHttpServletResponse fetch(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(atAddress(port))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response;
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(1, 1, 0xff336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
