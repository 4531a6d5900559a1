package org.insigne.web.issuer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.bulk.BulkAwardService;
import org.insigne.issuer.bulk.BulkJobId;
import org.insigne.issuer.bulk.BulkProgress;
import org.insigne.issuer.bulk.CsvReader;
import org.insigne.issuer.bulk.CsvTable;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.testing.HostileInput;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.insigne.web.issuer.ConsoleFixture.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Awarding from a CSV file through the console: review with errors in French, confirmation, a background job,
 * badges that verify, one mail per earner, and nothing issued twice.
 */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class BulkAwardIntegrationTests {

    @LocalServerPort int port;

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired BulkAwardService bulk;

    ConsoleFixture fixture;
    AccountUser owner;
    AccountUser awarder;
    AccountUser viewer;
    AccountUser outsider;
    OrganisationId organisation;
    BadgeClassId badgeClass;
    String run;

    @BeforeEach
    void publishABadge() throws Exception {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        owner = fixture.account("Owner");
        awarder = fixture.account("Awarder");
        viewer = fixture.account("Viewer");
        outsider = fixture.account("Outsider");
        organisation = fixture.organisation(owner, "Ligue de l'enseignement");
        fixture.join(organisation, owner, awarder, StaffRole.AWARDER);
        fixture.join(organisation, owner, viewer, StaffRole.VIEWER);
        fixture.organisation(outsider, "Autre association");
        badgeClass = fixture.published(organisation, owner);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void reviewsEveryRowInFrenchThenIssuesOnlyTheValidOnesThatVerifyAndMailsEachEarner() throws Exception {
        String camille = "camille." + run + "@example.org";
        String dominique = "dominique." + run + "@example.org";
        String csv = "courriel;nom;niveau;preuve;date\n"
                + camille + ";Camille Hervé;Je fais;https://example.org/portfolio;2026-01-15\n"
                + "pas-une-adresse;Alex;Je fais;;\n"
                + "alex." + run + "@example.org;Alex;Expert;;\n"
                + "sam." + run + "@example.org;;Je fais;;\n"
                + camille.toUpperCase() + ";Camille Hervé;je fais;https://example.org/portfolio;2026-01-15\n"
                + "lou." + run + "@example.org;Lou;Je fais;;31/02/2026\n"
                + dominique + ";=SOMME(A1);Je transmets;;\n";
        BulkJobId job = upload(awarder, csv.getBytes(Charset.forName("windows-1252")));

        mvc.perform(get(jobPath(job)).with(as(awarder)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("7 lignes : 2 prêtes, 5 en erreur.")))
                .andExpect(content().string(containsString("Adresse e-mail invalide.")))
                .andExpect(content().string(containsString("Niveau inconnu pour ce badge.")))
                .andExpect(content().string(containsString("Le nom est vide.")))
                .andExpect(content().string(containsString("Même attribution qu&#39;à la ligne 2.")))
                .andExpect(content().string(containsString("Date illisible")))
                .andExpect(content().string(containsString("windows-1252")))
                .andExpect(content().string(containsString("Camille Hervé")))
                .andExpect(content().string(containsString("Décerner 2 badges")));
        assertThat(awards.awards(organisation, badgeClass, owner.id())).isEmpty();

        confirm(awarder, job).andExpect(status().isFound());
        BulkProgress done = awaitFinished(job);
        assertThat(done.issued()).isEqualTo(2);
        assertThat(done.duplicate()).isEqualTo(1);
        assertThat(done.invalid()).isEqualTo(4);

        List<AwardView> made = awards.awards(organisation, badgeClass, owner.id());
        assertThat(made).extracting(AwardView::recipientEmail).containsExactlyInAnyOrder(camille, dominique);
        for (AwardView award : made) {
            String credential = mvc.perform(get("/ob3/credentials/" + award.id().value()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            verify("{\"credential\": " + credential + ", \"recipient\": \"" + award.recipientEmail() + "\"}")
                    .andExpect(jsonPath("$.spec").value("ob3"))
                    .andExpect(jsonPath("$.verdict").value("valid"));
            MimeMessage mail = MailServer.awaitMail(award.recipientEmail(), 1, Duration.ofSeconds(90));
            assertThat(mail.getSubject()).isEqualTo("Ligue de l'enseignement vous a décerné le badge « Animer une réunion »");
            assertThat(MailServer.link(mail, "/ob2/assertions/")).endsWith("/ob2/assertions/" + award.id().value());
        }

        String report = mvc.perform(get(jobPath(job) + "/report.csv").with(as(owner)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(report).contains("Ligne;Courriel;Nom", ";Décerné;", "Ignoré (doublon)", "Adresse e-mail invalide.")
                .contains(";'=SOMME(A1);").doesNotContain(";=SOMME");
        // Read back as an awarder's spreadsheet would: every row whole, whatever its cells hold.
        CsvTable readBack = CsvReader.read(report.getBytes(StandardCharsets.UTF_8));
        assertThat(readBack.delimiter()).isEqualTo(';');
        assertThat(readBack.records()).hasSize(7).allSatisfy(row -> assertThat(row.cells()).hasSize(7));
        assertThat(readBack.records().get(0).cells()).startsWith("2", camille, "Camille Hervé");
        mvc.perform(get(jobPath(job)).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Décernés : 2")));
    }

    @Test
    @HostileInput("A7")
    void uploadingTheSameFileAgainIssuesNothingTwice() throws Exception {
        String csv = "email,name,level\n"
                + "ana." + run + "@example.org,Ana,Je fais\n"
                + "ben." + run + "@example.org,Ben,Je fais\n";
        BulkJobId first = upload(owner, csv.getBytes(StandardCharsets.UTF_8));
        // Uploaded again before the first one ran: both previews see nothing awarded yet.
        BulkJobId second = upload(owner, csv.getBytes(StandardCharsets.UTF_8));
        confirm(owner, first).andExpect(status().isFound());
        confirm(owner, first).andExpect(status().isConflict());
        confirm(owner, second).andExpect(status().isFound());
        awaitFinished(first);
        BulkProgress again = awaitFinished(second);
        assertThat(awards.awards(organisation, badgeClass, owner.id())).hasSize(2);
        assertThat(again.issued() + awaitFinished(first).issued()).isEqualTo(2);

        BulkJobId third = upload(owner, csv.getBytes(StandardCharsets.UTF_8));
        mvc.perform(get(jobPath(third)).with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Déjà décerné")))
                .andExpect(content().string(containsString("Aucune ligne n&#39;est prête")))
                .andExpect(content().string(not(containsString("Décerner 0 badges"))));
        MailServer.awaitMail("ana." + run + "@example.org", 1, Duration.ofSeconds(90));
        assertThat(MailServer.mailsTo("ana." + run + "@example.org")).hasSize(1);
    }

    @Test
    @HostileInput("A2")
    void viewersCannotBulkAwardAndOtherOrganisationsSeeNothing() throws Exception {
        byte[] csv = ("email,nom,niveau\nzoe." + run + "@example.org,Zoé,Je fais\n").getBytes(StandardCharsets.UTF_8);
        uploadRequest(viewer, csv).andExpect(status().isForbidden());
        uploadRequest(outsider, csv).andExpect(status().isNotFound());
        BulkJobId job = upload(owner, csv);
        mvc.perform(get(jobPath(job)).with(as(outsider))).andExpect(status().isNotFound());
        // Only the person who uploaded a file reviews and confirms it.
        mvc.perform(get(jobPath(job)).with(as(awarder))).andExpect(status().isNotFound());
        confirm(outsider, job).andExpect(status().isNotFound());
        confirm(awarder, job).andExpect(status().isNotFound());
        assertThat(awards.awards(organisation, badgeClass, owner.id())).isEmpty();
    }

    @Test
    void refusesAFileWithoutTheRequiredColumnsOnTheUploadPage() throws Exception {
        uploadRequest(owner, "email;nom\na@example.org;A\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("il manque : niveau / level")));
    }

    @Test
    void reviewsALongFileByPagesAndItsRowsWithErrorsOnTheirOwn() throws Exception {
        StringBuilder csv = new StringBuilder("email;nom;niveau\n");
        for (int i = 0; i < 130; i++) {
            csv.append("page").append(i).append('.').append(run).append("@example.org;Personne ").append(i)
                    .append(";Je fais\n");
        }
        csv.append("pas-une-adresse;Personne 130;Je fais\n");
        BulkJobId job = upload(owner, csv.toString().getBytes(StandardCharsets.UTF_8));

        mvc.perform(get(jobPath(job)).with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("131 lignes : 130 prêtes, 1 en erreur.")))
                .andExpect(content().string(containsString("Lignes du fichier, page 1 sur 2")))
                .andExpect(content().string(containsString("Personne 99<")))
                .andExpect(content().string(not(containsString("Personne 100<"))))
                .andExpect(content().string(not(containsString("Adresse e-mail invalide."))))
                .andExpect(content().string(containsString("show=all&amp;page=2")))
                .andExpect(content().string(containsString("Afficher seulement les lignes en erreur (1)")))
                .andExpect(content().string(containsString("Décerner 130 badges")));
        mvc.perform(get(jobPath(job)).param("page", "2").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lignes du fichier, page 2 sur 2")))
                .andExpect(content().string(containsString("Personne 100<")))
                .andExpect(content().string(containsString("Adresse e-mail invalide.")));
        mvc.perform(get(jobPath(job)).param("show", "errors").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lignes en erreur, page 1 sur 1")))
                .andExpect(content().string(containsString("Adresse e-mail invalide.")))
                .andExpect(content().string(not(containsString("Personne 0<"))))
                .andExpect(content().string(containsString("Afficher toutes les lignes (131)")));
        // A page out of range shows the nearest one rather than an error.
        mvc.perform(get(jobPath(job)).param("page", "99").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lignes du fichier, page 2 sur 2")));
    }

    @Test
    void runsALargeFileAsAJobWhileTheConsoleAnswers() throws Exception {
        StringBuilder csv = new StringBuilder("email,nom,niveau\n");
        for (int i = 0; i < 2000; i++) {
            csv.append("p").append(i).append('.').append(run).append("@example.org,Personne ").append(i).append(",Je fais\n");
        }
        BulkJobId job = upload(owner, csv.toString().getBytes(StandardCharsets.UTF_8));
        confirm(owner, job).andExpect(status().isFound());

        mvc.perform(get("/console/organisations/{org}/badge-classes/{id}", organisation.value(), badgeClass.value())
                        .with(as(awarder)))
                .andExpect(status().isOk());
        mvc.perform(get(jobPath(job) + "/progress").with(as(awarder)).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2000))
                .andExpect(jsonPath("$.finished").value(false));
        mvc.perform(get(jobPath(job)).with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<progress id=\"bulk-progress\" max=\"2000\"")))
                .andExpect(content().string(containsString("/js/bulk-progress.js")));

        BulkProgress done = awaitFinished(job);
        assertThat(done.issued()).isEqualTo(2000);
        assertThat(jdbc.queryForObject("select count(*) from award where badge_class_id = ?", Integer.class,
                badgeClass.value())).isEqualTo(2000);
        // The mails go out while the job signs and after; each earner gets one.
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (bulk.progress(organisation, job, awarder.id()).mailsPending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(bulk.progress(organisation, job, awarder.id()).mailsPending()).isZero();
        assertThat(MailServer.mailsTo("p0." + run + "@example.org")).hasSize(1);
        assertThat(MailServer.mailsTo("p1999." + run + "@example.org")).hasSize(1);
    }

    private BulkJobId upload(AccountUser user, byte[] csv) throws Exception {
        String location = uploadRequest(user, csv).andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).contains("/bulk/");
        return new BulkJobId(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
    }

    private ResultActions uploadRequest(AccountUser user, byte[] csv) throws Exception {
        return mvc.perform(multipart("/console/organisations/{org}/badge-classes/{id}/bulk", organisation.value(),
                        badgeClass.value())
                .file(new MockMultipartFile("file", "badges.csv", "text/csv", csv))
                .with(as(user)).with(csrf())
                // As if uploaded at this server's real address, which the job writes into the badges, so that
                // verifiers can fetch the revocation list.
                .with(ConsoleFixture.atAddress(port)));
    }

    private ResultActions confirm(AccountUser user, BulkJobId job) throws Exception {
        return mvc.perform(post(jobPath(job) + "/confirm").with(as(user)).with(csrf()));
    }

    private BulkProgress awaitFinished(BulkJobId job) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            BulkProgress progress = bulk.progress(organisation, job, owner.id());
            if (progress.finished()) {
                return progress;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("bulk award " + job.value() + " did not finish");
    }

    private String jobPath(BulkJobId job) {
        return "/console/organisations/" + organisation.value() + "/bulk/" + job.value();
    }

    private ResultActions verify(String body) throws Exception {
        var pending = mvc.perform(post("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", "fr"))
                .andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(pending)).andExpect(status().isOk());
    }
}
