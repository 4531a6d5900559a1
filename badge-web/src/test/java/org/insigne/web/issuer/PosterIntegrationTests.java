package org.insigne.web.issuer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.claimcode.ClaimCodeService;
import org.insigne.issuer.claimcode.ClaimCodeSettings;
import org.insigne.issuer.claimcode.ClaimCodeView;
import org.insigne.issuer.claimcode.ClaimMode;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.pdf.PdfInspection;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.insigne.web.issuer.ConsoleFixture.as;
import static org.insigne.web.issuer.ConsoleFixture.atAddress;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The printable posters: one A4 page of tagged PDF with embedded fonts, in the reader's language, whose QR
 * code leads to the claim code's short address or to the badge class's application page, and whose text stays
 * on the page however long the badge's name. With {@code INSIGNE_SHOTS_DIR} set, each is saved as a PNG.
 */
@InsigneIntegrationTest
class PosterIntegrationTests {

    /** As long as a badge class's name may be, with a word no line can hold: it must wrap, not overflow. */
    static final String LONG_NAME = ("Animer une réunion de quartier très nombreuse : "
            + "Intergénérationnellementanticonstitutionnellementinterminablement" + "x".repeat(120)).substring(0, 120);

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired ClaimCodeService codes;
    @Autowired ApplicationService applications;
    @LocalServerPort int port;

    ConsoleFixture fixture;
    AccountUser owner;
    AccountUser awarder;
    OrganisationId organisation;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        owner = fixture.account("Dominique");
        awarder = fixture.account("Alix");
        organisation = fixture.organisation(owner, "Ligue de l'enseignement");
        fixture.join(organisation, owner, awarder, StaffRole.AWARDER);
    }

    @Test
    void printsAClaimCodePosterWhoseQrCodeLeadsToTheCode() throws Exception {
        BadgeClassId badgeClass = fixture.published(organisation, owner);
        ClaimCodeView code = code(badgeClass);

        byte[] pdf = poster("/console/organisations/{org}/claim-codes/{id}/poster", awarder, "fr",
                organisation.value(), code.id().value());

        PdfInspection inspection = PdfInspection.of(pdf);
        assertThat(inspection.pages()).isEqualTo(1);
        assertThat(inspection.language()).isEqualTo("fr");
        assertThat(inspection.title()).isEqualTo("Animer une réunion");
        assertThat(inspection.structureTree()).isTrue();
        assertThat(inspection.fontsNotEmbedded()).isEmpty();
        assertThat(inspection.qrCodes()).containsExactly("http://127.0.0.1:" + port + "/c/" + code.code());
        assertThat(inspection.flatText()).contains("Ligue de l'enseignement", "Animer une réunion",
                "Scannez pour recevoir ce badge", code.display(), "/c/" + code.code());
        assertThat(pageSize(pdf)).isEqualTo("595x842");
        save(pdf, "poster-code-fr");
    }

    @Test
    void keepsAsLongANameAsABadgeMayHaveOnTheOnePage() throws Exception {
        String longName = LONG_NAME;
        BadgeClassId badgeClass = badgeClasses.create(organisation, owner.id(), ConsoleFixture.content(longName),
                ConsoleFixture.PNG).id();
        badgeClasses.publish(organisation, badgeClass, owner.id());
        ClaimCodeView code = code(badgeClass);

        byte[] pdf = poster("/console/organisations/{org}/claim-codes/{id}/poster", awarder, "en",
                organisation.value(), code.id().value());

        PdfInspection inspection = PdfInspection.of(pdf);
        assertThat(inspection.pages()).isEqualTo(1);
        assertThat(inspection.language()).isEqualTo("en");
        assertThat(inspection.text().replaceAll("\\s+", "")).contains(longName.replaceAll("\\s+", ""));
        assertThat(inspection.flatText()).contains("Scan to get this badge");
        assertThat(inspection.qrCodes()).hasSize(1);
        assertThat(rightmostGlyph(pdf)).isLessThan(595f - 15 * 72 / 25.4f + 1);
        save(pdf, "poster-long-name-en");
    }

    @Test
    void printsTheApplicationPagePosterForThoseWhoOpenApplications() throws Exception {
        BadgeClassId badgeClass = fixture.published(organisation, owner);
        new ApplicationFixture(fixture, applications).open(organisation, badgeClass, owner);
        String path = "/console/organisations/{org}/badge-classes/{id}/applications/poster";

        byte[] pdf = poster(path, owner, "fr", organisation.value(), badgeClass.value());

        PdfInspection inspection = PdfInspection.of(pdf);
        assertThat(inspection.qrCodes()).containsExactly("http://127.0.0.1:" + port + "/apply/" + badgeClass.value());
        assertThat(inspection.flatText()).contains("Scannez pour demander ce badge", "Animer une réunion")
                .doesNotContain("Code");
        save(pdf, "poster-apply-fr");

        mvc.perform(get(path, organisation.value(), badgeClass.value()).with(atAddress(port)).with(as(awarder)))
                .andExpect(status().isForbidden());
    }

    private byte[] poster(String path, AccountUser who, String lang, Object... ids) throws Exception {
        return mvc.perform(get(path, ids).param("lang", lang).with(atAddress(port)).with(as(who)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private ClaimCodeView code(BadgeClassId badgeClass) {
        return codes.create(organisation, badgeClass, awarder.id(), new ClaimCodeSettings(ClaimMode.AWARD, "",
                Instant.now(), Instant.now().plus(Duration.ofHours(8)), 50));
    }

    private static String pageSize(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDRectangle box = document.getPage(0).getMediaBox();
            return Math.round(box.getWidth()) + "x" + Math.round(box.getHeight());
        }
    }

    /** The right edge of the glyph that reaches furthest right: past the margin, text has left the page. */
    private static float rightmostGlyph(byte[] pdf) throws IOException {
        List<Float> edges = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                edges.add(text.getXDirAdj() + text.getWidthDirAdj());
            }
        };
        try (PDDocument document = Loader.loadPDF(pdf)) {
            stripper.getText(document);
        }
        assertThat(edges).isNotEmpty();
        return edges.stream().max(Float::compare).orElseThrow();
    }

    private static void save(byte[] pdf, String name) throws IOException {
        String dir = System.getenv("INSIGNE_SHOTS_DIR");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Files.createDirectories(Path.of(dir));
        ImageIO.write(PdfInspection.image(pdf, 0), "png", Path.of(dir, name + ".png").toFile());
    }
}
