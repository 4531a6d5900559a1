package org.insigne.web.issuer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.ApplicationView;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.cobuild.CoBuildAnswers;
import org.insigne.issuer.cobuild.CoBuildId;
import org.insigne.issuer.cobuild.CoBuildMode;
import org.insigne.issuer.cobuild.CoBuildService;
import org.insigne.issuer.cobuild.CoBuildStep;
import org.insigne.issuer.endorsement.EndorsementLinkService;
import org.insigne.issuer.endorsement.EndorsedKind;
import org.insigne.issuer.endorsement.EndorsementService;
import org.insigne.issuer.endorsement.EndorsementView;
import org.insigne.issuer.endorsement.EndorserDetails;
import org.insigne.issuer.openrecognition.OpenRecognitionService;
import org.insigne.issuer.openrecognition.PersonBadgeDraft;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.insigne.web.issuer.ConsoleFixture.as;
import static org.insigne.web.issuer.ConsoleFixture.atAddress;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What this platform issues verifies in other people's code: the Digital Bazaar {@code vc} library and the
 * Digital Credentials Consortium's {@code verifier-core}, run offline from {@code INSIGNE_REFERENCE_VERIFIER}
 * (a copy of {@code shared/reference-verifier} with its packages installed). Badges are awarded on a loopback
 * address of this running server, so the verifiers read the status list and did:key from it and from nothing
 * else. Without the variable the test is skipped, except in continuous integration ({@code CI=true}), where a
 * missing verifier must not pass for a green run.
 */
@InsigneIntegrationTest
class ReferenceVerifierIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long VERIFIER_TIMEOUT_SECONDS = 120;

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired ApplicationService applications;
    @Autowired EndorsementService endorsements;
    @Autowired EndorsementLinkService awardEndorsements;
    @Autowired CoBuildService coBuilds;
    @Autowired OpenRecognitionService openRecognition;
    @LocalServerPort int port;

    Path verifier;
    ConsoleFixture fixture;
    ConsoleFixture.PublishedBadge published;

    @BeforeEach
    void publishABadge() throws Exception {
        // Per test, not per class: a skip in @BeforeAll leaves no trace in the Surefire report.
        verifier = referenceVerifier(System.getenv("INSIGNE_REFERENCE_VERIFIER"), System.getenv("CI"));
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        published = fixture.publishedBadge();
    }

    @Test
    void credentialsAndStatusListVerifyInBothReferenceVerifiersAndARevokedOneDoesNot() throws Exception {
        AwardView valid = award();
        AwardView revoked = award();
        mvc.perform(post("/console/organisations/{org}/awards/{id}/revoke", published.organisation().value(),
                        revoked.id().value()).with(as(published.owner())).with(csrf())
                        .param("reason", "Délivré par erreur"))
                .andExpect(status().isFound());

        Path dir = Files.createDirectories(Path.of("target", "reference-verifier").toAbsolutePath());
        String validJson = fetch("/ob3/credentials/" + valid.id().value());
        JsonNode validCredential = JSON.readTree(validJson);
        assertThat(validCredential.path("proof").path("cryptosuite").asString()).isEqualTo("eddsa-rdfc-2022");
        String statusListUrl = validCredential.path("credentialStatus").path("statusListCredential").asString();
        assertThat(statusListUrl).startsWith("http://127.0.0.1:" + port + "/");

        Path validFile = write(dir.resolve("valid-credential.json"), validJson);
        Path revokedFile = write(dir.resolve("revoked-credential.json"),
                fetch("/ob3/credentials/" + revoked.id().value()));
        Path statusListFile = write(dir.resolve("status-list-credential.json"),
                fetch(URI.create(statusListUrl).getRawPath()));
        List<Path> files = List.of(validFile, revokedFile, statusListFile);

        Map<Path, JsonNode> digitalBazaar = run("verify.mjs", "--allow-loopback", files);
        Map<Path, JsonNode> dcc = run("verify-dcc.mjs", null, files);

        for (Map<Path, JsonNode> lines : List.of(digitalBazaar, dcc)) {
            for (Path file : files) {
                assertThat(lines.get(file).has("needsNetwork")).as("offline over loopback: %s", lines.get(file))
                        .isFalse();
            }
            assertThat(lines.get(validFile).path("verified").asBoolean()).as("%s", lines.get(validFile)).isTrue();
            assertThat(lines.get(statusListFile).path("verified").asBoolean()).as("%s", lines.get(statusListFile))
                    .isTrue();
            assertThat(lines.get(revokedFile).path("verified").asBoolean()).as("%s", lines.get(revokedFile))
                    .isFalse();
        }
        // Each names the status check that failed (its proof and expiry are fine): the set bit in our list.
        assertThat(digitalBazaar.get(revokedFile).path("error").asString()).isEqualTo("revocation bit set");
        assertThat(digitalBazaar.get(revokedFile).path("statusSet").asBoolean()).isTrue();
        assertThat(dcc.get(revokedFile).path("error").asString()).isEqualTo("revocation_status: invalid");
    }

    @Test
    void credentialAwardedOnAnApplicationWithEvidenceVerifiesInBothReferenceVerifiers() throws Exception {
        ApplicationFixture applied = new ApplicationFixture(fixture, applications);
        applied.open(published.organisation(), published.badgeClass(), published.owner());
        ApplicationView sent = applied.submitted(published.badgeClass());
        mvc.perform(post("/console/organisations/{org}/applications/{id}/award", published.organisation().value(),
                        sent.id().value()).with(atAddress(port)).with(as(published.owner())).with(csrf())
                        .param("level", "Je fais"))
                .andExpect(status().isFound());
        AwardId award = applications.mine(sent.applicantId(), sent.id()).award();

        String json = fetch("/ob3/credentials/" + award.value());
        JsonNode evidence = JSON.readTree(json).path("evidence");
        assertThat(evidence.size()).isEqualTo(3);
        assertThat(evidence.get(0).path("narrative").asString()).isEqualTo("J'ai animé trois réunions de quartier.");
        assertThat(evidence.get(2).path("id").asString()).startsWith("http://127.0.0.1:" + port + "/apply/evidence/");
        // The class takes applications: its achievement says where, as the Apply Link extension does.
        assertThat(JSON.readTree(json).path("credentialSubject").path("achievement").path("url").asString())
                .isEqualTo("http://127.0.0.1:" + port + "/apply/" + published.badgeClass().value());
        Path dir = Files.createDirectories(Path.of("target", "reference-verifier").toAbsolutePath());
        Path file = write(dir.resolve("application-credential.json"), json);

        for (Map<Path, JsonNode> lines : List.of(run("verify.mjs", "--allow-loopback", List.of(file)),
                run("verify-dcc.mjs", null, List.of(file)))) {
            assertThat(lines.get(file).path("verified").asBoolean()).as("%s", lines.get(file)).isTrue();
        }
    }

    @Test
    void endorsementCredentialsVerifyInBothReferenceVerifiersAndAWithdrawnOneDoesNot() throws Exception {
        HostedUrls urls = new HostedUrls("http://127.0.0.1:" + port);
        AccountUser owner = fixture.account("Endorser");
        OrganisationId federation = fixture.organisation(owner, "Fédération des centres sociaux");
        OrganisationId network = fixture.organisation(owner, "Réseau régional");
        EndorsementView kept = endorsements.offer(federation, owner.id(), EndorsedKind.BADGE_CLASS,
                published.badgeClass().value(), "Des critères **exigeants**.", urls);
        EndorsementView withdrawn = endorsements.offer(network, owner.id(), EndorsedKind.ORGANISATION,
                published.organisation().value(), "Membre actif du réseau.", urls);
        endorsements.withdraw(network, withdrawn.id(), owner.id());
        AwardView endorsedAward = award();

        Path dir = Files.createDirectories(Path.of("target", "reference-verifier").toAbsolutePath());
        Path keptFile = write(dir.resolve("endorsement.json"), fetch("/ob3/endorsements/" + kept.id().value()));
        Path withdrawnFile = write(dir.resolve("withdrawn-endorsement.json"),
                fetch("/ob3/endorsements/" + withdrawn.id().value()));
        String carrying = fetch("/ob3/credentials/" + endorsedAward.id().value());
        assertThat(JSON.readTree(carrying).path("credentialSubject").path("achievement").path("endorsement")
                .path(0).path("type").toString()).contains("EndorsementCredential");
        Path carryingFile = write(dir.resolve("endorsed-credential.json"), carrying);
        List<Path> files = List.of(keptFile, withdrawnFile, carryingFile);

        Map<Path, JsonNode> digitalBazaar = run("verify.mjs", "--allow-loopback", files);
        Map<Path, JsonNode> dcc = run("verify-dcc.mjs", null, files);

        for (Map<Path, JsonNode> lines : List.of(digitalBazaar, dcc)) {
            assertThat(lines.get(keptFile).path("verified").asBoolean()).as("%s", lines.get(keptFile)).isTrue();
            assertThat(lines.get(carryingFile).path("verified").asBoolean()).as("%s", lines.get(carryingFile))
                    .isTrue();
            assertThat(lines.get(withdrawnFile).path("verified").asBoolean()).as("%s", lines.get(withdrawnFile))
                    .isFalse();
        }
        assertThat(digitalBazaar.get(withdrawnFile).path("error").asString()).isEqualTo("revocation bit set");
        assertThat(dcc.get(withdrawnFile).path("error").asString()).isEqualTo("revocation_status: invalid");
    }

    @Test
    void coBuiltCredentialCarryingTheNarrativeVerifiesInBothReferenceVerifiers() throws Exception {
        OrganisationId org = published.organisation();
        UUID owner = published.owner().id();
        CoBuildId id = coBuilds.start(org, owner, "Camille Martin", "camille@example.org",
                CoBuildMode.SHARED_SCREEN).id();
        coBuilds.save(org, id, owner, CoBuildStep.EXPERIENCE, new CoBuildAnswers(
                "J'ai accueilli des jeunes au centre social.", null, List.of(), null, List.of(), null, null, null,
                null, null));
        coBuilds.save(org, id, owner, CoBuildStep.SKILLS, new CoBuildAnswers(null, "Accueillir un groupe.",
                List.of(), null, List.of(), null, null, null, null, null));
        coBuilds.save(org, id, owner, CoBuildStep.LEVEL, new CoBuildAnswers(null, null, List.of(), "Je pilote",
                List.of(), null, null, null, null, null));
        coBuilds.save(org, id, owner, CoBuildStep.WORDING, new CoBuildAnswers(null, null, List.of(), null,
                List.of(), "Accueillir un groupe", "Accueillir un groupe de jeunes.", null, null, null));
        coBuilds.consent(org, id, owner, true);
        AwardId award = coBuilds.award(org, id, owner, new HostedUrls("http://127.0.0.1:" + port)).award().id();

        String json = fetch("/ob3/credentials/" + award.value());
        assertThat(JSON.readTree(json).path("credentialSubject").path("narrative").asString())
                .isEqualTo("J'ai accueilli des jeunes au centre social.");
        Path dir = Files.createDirectories(Path.of("target", "reference-verifier").toAbsolutePath());
        Path file = write(dir.resolve("cobuilt-credential.json"), json);

        for (Map<Path, JsonNode> lines : List.of(run("verify.mjs", "--allow-loopback", List.of(file)),
                run("verify-dcc.mjs", null, List.of(file)))) {
            assertThat(lines.get(file).path("verified").asBoolean()).as("%s", lines.get(file)).isTrue();
        }
    }

    @Test
    void personsEndorsementsVerifyInBothReferenceVerifiersAndAWithdrawnOneDoesNot() throws Exception {
        HostedUrls urls = new HostedUrls("http://127.0.0.1:" + port);
        AccountUser tutor = fixture.account("Tutor");
        EndorsementView kept = endorsements.offerAsPerson(tutor.id(), "Dominique Tuteur", EndorsedKind.BADGE_CLASS,
                published.badgeClass().value(), "Un badge **sérieux**.", urls);
        EndorsementView withdrawn = endorsements.offerAsPerson(tutor.id(), "Dominique Tuteur",
                EndorsedKind.ORGANISATION, published.organisation().value(), "Une ligue accueillante.", urls);
        endorsements.withdrawAsPerson(tutor.id(), withdrawn.id());

        Path dir = Files.createDirectories(Path.of("target", "reference-verifier").toAbsolutePath());
        Path keptFile = write(dir.resolve("person-endorsement.json"), fetch("/ob3/endorsements/" + kept.id().value()));
        Path withdrawnFile = write(dir.resolve("withdrawn-person-endorsement.json"),
                fetch("/ob3/endorsements/" + withdrawn.id().value()));
        List<Path> files = List.of(keptFile, withdrawnFile);

        Map<Path, JsonNode> digitalBazaar = run("verify.mjs", "--allow-loopback", files);
        Map<Path, JsonNode> dcc = run("verify-dcc.mjs", null, files);

        for (Map<Path, JsonNode> lines : List.of(digitalBazaar, dcc)) {
            assertThat(lines.get(keptFile).path("verified").asBoolean()).as("%s", lines.get(keptFile)).isTrue();
            assertThat(lines.get(withdrawnFile).path("verified").asBoolean()).as("%s", lines.get(withdrawnFile))
                    .isFalse();
        }
        assertThat(digitalBazaar.get(withdrawnFile).path("error").asString()).isEqualTo("revocation bit set");
        assertThat(dcc.get(withdrawnFile).path("error").asString()).isEqualTo("revocation_status: invalid");
    }

    @Test
    void selfDeclaredAndPeerBadgesVerifyInBothReferenceVerifiersAndARevokedOneDoesNot() throws Exception {
        HostedUrls urls = new HostedUrls("http://127.0.0.1:" + port);
        AccountUser person = fixture.account("Person");
        PersonBadgeDraft draft = PersonBadgeDraft.of("Réparer des vélos", "Savoir régler freins et dérailleurs.",
                "J'ai tenu l'atelier **tout l'été**.", "Je transmets", "https://example.org/atelier", null, null);
        byte[] declared = openRecognition.declare(person.id(), "Camille Martin", person.email(), draft, urls)
                .credential();
        OpenRecognitionService.Issued peer = openRecognition.award(person.id(), "Camille Martin",
                List.of(person.email()), "dominique@example.org", draft, urls);
        OpenRecognitionService.Issued revoked = openRecognition.award(person.id(), "Camille Martin",
                List.of(person.email()), "sacha@example.org", draft, urls);
        openRecognition.revoke(revoked.badge().id(), person.id());

        Path dir = Files.createDirectories(Path.of("target", "reference-verifier").toAbsolutePath());
        Path declaredFile = write(dir.resolve("self-declared.json"), new String(declared, StandardCharsets.UTF_8));
        Path peerFile = write(dir.resolve("peer.json"), new String(peer.credential(), StandardCharsets.UTF_8));
        Path revokedFile = write(dir.resolve("revoked-peer.json"),
                new String(revoked.credential(), StandardCharsets.UTF_8));
        List<Path> files = List.of(declaredFile, peerFile, revokedFile);

        Map<Path, JsonNode> digitalBazaar = run("verify.mjs", "--allow-loopback", files);
        Map<Path, JsonNode> dcc = run("verify-dcc.mjs", null, files);

        for (Map<Path, JsonNode> lines : List.of(digitalBazaar, dcc)) {
            for (Path valid : List.of(declaredFile, peerFile)) {
                assertThat(lines.get(valid).path("verified").asBoolean()).as("%s", lines.get(valid)).isTrue();
            }
            assertThat(lines.get(revokedFile).path("verified").asBoolean()).as("%s", lines.get(revokedFile))
                    .isFalse();
        }
        assertThat(digitalBazaar.get(revokedFile).path("error").asString()).isEqualTo("revocation bit set");
        assertThat(dcc.get(revokedFile).path("error").asString()).isEqualTo("revocation_status: invalid");
    }

    @Test
    void earnersBadgeEndorsedWithoutAccountVerifiesInBothReferenceVerifiersAndAWithdrawnOneDoesNot()
            throws Exception {
        HostedUrls urls = new HostedUrls("http://127.0.0.1:" + port);
        AccountUser earner = fixture.account("Camille");
        AwardView mine = fixture.awardThroughForm(published, earner.email(), awards, atAddress(port));
        List<String> addresses = List.of(earner.email());
        EndorsementLinkService.PersonRequest asked = awardEndorsements.ask(earner.id(), addresses, mine.id(),
                "tutrice@example.org", Locale.FRENCH, urls.base());
        awardEndorsements.answerWithoutAccount(asked.token(), EndorserDetails.checked("Dominique Tutrice",
                "Tutrice", "Centre social", null), "Une animatrice **attentive**.", urls);
        EndorsementView kept = awardEndorsements.accept(earner.id(), asked.endorsement().id(), urls);
        EndorsementLinkService.PersonRequest other = awardEndorsements.ask(earner.id(), addresses, mine.id(),
                "animateur@example.org", Locale.FRENCH, urls.base());
        EndorsementLinkService.PageLink page = awardEndorsements.answerWithoutAccount(other.token(),
                EndorserDetails.checked("Paul Animateur", null, null, null), "Toujours présente.", urls);
        EndorsementView withdrawn = awardEndorsements.accept(earner.id(), other.endorsement().id(), urls);
        awardEndorsements.withdrawByPage(page.token(), withdrawn.id());

        Path dir = Files.createDirectories(Path.of("target", "reference-verifier").toAbsolutePath());
        Path keptFile = write(dir.resolve("award-endorsement.json"), fetch("/ob3/endorsements/" + kept.id().value()));
        Path withdrawnFile = write(dir.resolve("withdrawn-award-endorsement.json"),
                fetch("/ob3/endorsements/" + withdrawn.id().value()));
        List<Path> files = List.of(keptFile, withdrawnFile);

        Map<Path, JsonNode> digitalBazaar = run("verify.mjs", "--allow-loopback", files);
        Map<Path, JsonNode> dcc = run("verify-dcc.mjs", null, files);

        for (Map<Path, JsonNode> lines : List.of(digitalBazaar, dcc)) {
            assertThat(lines.get(keptFile).path("verified").asBoolean()).as("%s", lines.get(keptFile)).isTrue();
            assertThat(lines.get(withdrawnFile).path("verified").asBoolean()).as("%s", lines.get(withdrawnFile))
                    .isFalse();
        }
        assertThat(digitalBazaar.get(withdrawnFile).path("error").asString()).isEqualTo("revocation bit set");
        assertThat(dcc.get(withdrawnFile).path("error").asString()).isEqualTo("revocation_status: invalid");
    }

    private AwardView award() throws Exception {
        String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        return fixture.awardThroughForm(published, email, awards, atAddress(port));
    }

    /** A document of this running server, as another program reads it: over HTTP, asking for JSON-LD. */
    private String fetch(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept", "application/ld+json").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    private static Path write(Path file, String content) throws IOException {
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Each file's JSON line ({@code file, verified, error}) from one of the reference verifiers' scripts. */
    private Map<Path, JsonNode> run(String script, @Nullable String option, List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", verifier.resolve(script).toString()));
        if (option != null) {
            command.add(option);
        }
        files.forEach(file -> command.add(file.toString()));
        Path out = Files.createTempFile("reference-verifier", ".out");
        Path err = Files.createTempFile("reference-verifier", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        // The server must keep answering while the verifiers read its status list and keys over loopback.
        if (!process.waitFor(VERIFIER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail(script + " did not finish in " + VERIFIER_TIMEOUT_SECONDS + " s; stderr: "
                    + Files.readString(err));
        }
        String stdout = Files.readString(out);
        String stderr = Files.readString(err);
        assertThat(process.exitValue()).as("%s exit status; stdout: %s stderr: %s", script, stdout, stderr)
                .isZero();
        Map<Path, JsonNode> lines = new HashMap<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                lines.put(Path.of(node.path("file").asString()), node);
            }
        }
        assertThat(lines.keySet()).as("%s: one line per file; stderr: %s", script, stderr)
                .containsExactlyInAnyOrderElementsOf(files);
        System.out.println(script + ":\n" + stdout.strip());
        return lines;
    }

    /**
     * The installed reference verifier named by {@code INSIGNE_REFERENCE_VERIFIER}; when it is not set, a skip,
     * or a failure when {@code ci} (the {@code CI} variable) is {@code true}.
     */
    static Path referenceVerifier(@Nullable String dir, @Nullable String ci) {
        if (dir != null && !dir.isBlank()) {
            Path path = Path.of(dir);
            assertThat(path.resolve("node_modules")).as("INSIGNE_REFERENCE_VERIFIER must hold an installed copy "
                    + "(npm ci)").isDirectory();
            return path;
        }
        if ("true".equalsIgnoreCase(ci)) {
            Assertions.fail("CI=true and INSIGNE_REFERENCE_VERIFIER is not set: the reference verifiers must run "
                    + "(.ci/run installs a copy of shared/reference-verifier and sets it)");
        }
        Assumptions.abort("INSIGNE_REFERENCE_VERIFIER not set (a copy of shared/reference-verifier after npm ci), "
                + "reference verifier test skipped");
        return Path.of(dir == null ? "" : dir);
    }
}
