package org.insigne.issuer.cobuild;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.insigne.core.jsonld.BoundedJson;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.badgeclass.Alignment;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.badgeclass.BadgeClassStatus;
import org.insigne.issuer.badgeclass.BadgeClassView;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.image.InvalidImage;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffRoleInsufficient;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.testing.HostileInput;
import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class CoBuildServiceTests {

    static final HostedUrls HTTPS = new HostedUrls("https://badges.insigne.test/");
    static final StoredImage PNG = ImageUploads.accept(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1});

    @Autowired CoBuildService coBuilds;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired JdbcTemplate jdbc;

    final UUID owner = UUID.randomUUID();

    @Test
    void awardsAValidatedCoBuildAsAPersonalisedBadgeWithThePersonsNarrative() throws Exception {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        BadgeClassId existing = badgeClasses.create(org, owner, new BadgeClassContent("Animer", "Animer un groupe.",
                "Avoir animé.", List.of(new Alignment("ESCO", null, "animer des réunions", "https://esco.ec.europa.eu/")),
                List.of("animation"), BadgeClassContent.DEFAULT_LEVELS, null, false), PNG).id();
        badgeClasses.publish(org, existing, owner);
        assertThat(coBuilds.suggestions(org)).containsExactly("animation", "animer des réunions");

        CoBuildView started = coBuilds.start(org, owner, " Camille Martin ", "Camille@Example.org", CoBuildMode.SHARED_SCREEN);
        CoBuildId id = started.id();
        assertThat(started.resumeAt()).isEqualTo(CoBuildStep.EXPERIENCE);
        answerEverything(org, id);
        CoBuildView consented = coBuilds.consent(org, id, owner, true);
        assertThat(consented.state()).isEqualTo(CoBuildState.CONSENTED);

        CoBuildAwarded awarded = coBuilds.award(org, id, owner, HTTPS);

        assertThat(awarded.coBuild().state()).isEqualTo(CoBuildState.AWARDED);
        assertThat(awarded.award().recipientEmail()).isEqualTo("camille@example.org");
        assertThat(awarded.award().level()).isEqualTo("Je transmets");
        BadgeClassView badgeClass = badgeClasses.badgeClass(org, awarded.award().badgeClass(), owner);
        assertThat(badgeClass.status()).isEqualTo(BadgeClassStatus.PUBLISHED);
        assertThat(badgeClass.content().name()).isEqualTo("Accueillir un groupe");
        assertThat(badgeClass.content().tags()).containsExactly(CoBuildService.PERSONALISED_TAG, "animation");
        assertThat(badgeClass.imageMediaType()).isEqualTo(StoredImage.SVG);
        assertThat(new String(badgeClasses.image(badgeClass.id()).orElseThrow().bytes(), StandardCharsets.UTF_8))
                .contains("Accueillir un", "Je transmets", BadgeTemplate.Colour.GREEN.hex());

        JsonNode assertion = BoundedJson.read(awards.hostedAssertion(awarded.award().id(), HTTPS).orElseThrow().json());
        assertThat(assertion.path("narrative").asString()).isEqualTo("J'ai accueilli des jeunes au centre social.");
        assertThat(assertion.path("evidence").get(0).path("id").asString()).isEqualTo("https://preuve.example/1");
        assertThat(assertion.path("evidence").get(1).path("id").asString()).isEqualTo("https://preuve.example/2");
        JsonNode credential = BoundedJson.read(awards.credential(awarded.award().id()).orElseThrow());
        assertThat(credential.path("credentialSubject").path("narrative").asString())
                .isEqualTo("J'ai accueilli des jeunes au centre social.");
        assertThat(credential.path("proof").isMissingNode()).isFalse();

        assertThatThrownBy(() -> coBuilds.award(org, id, owner, HTTPS)).isInstanceOf(CoBuildRefused.class)
                .hasMessage("error.cobuild.not-consented");
        assertThat(jdbc.queryForObject("select count(*) from award where organisation_id = ?", Integer.class,
                org.value())).isEqualTo(1);

        BadgeClassView open = coBuilds.openToOthers(org, id, owner);
        assertThat(open.status()).isEqualTo(BadgeClassStatus.DRAFT);
        assertThat(open.content().name()).isEqualTo("Accueillir un groupe");
        assertThat(open.content().tags()).containsExactly("animation");
        assertThat(coBuilds.suggestions(org)).doesNotContain(CoBuildService.PERSONALISED_TAG);
    }

    @Test
    void aRefusalThroughTheLinkIssuesNothingAndSpendsTheLink() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        CoBuildView started = coBuilds.start(org, owner, "Sacha", "sacha@example.org", CoBuildMode.LINK);
        PersonLink link = coBuilds.sendLink(org, started.id(), owner);
        assertThat(link.token()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(jdbc.queryForObject("select link_hash from cobuild where id = ?", String.class,
                started.id().value())).hasSize(64).isNotEqualTo(link.token());

        coBuilds.saveByLink(link.token(), CoBuildStep.EXPERIENCE, answers("J'ai tenu la buvette."));
        assertThat(coBuilds.byLink(link.token()).experience()).isEqualTo("J'ai tenu la buvette.");
        CoBuildView refused = coBuilds.refuseByLink(link.token());

        assertThat(refused.state()).isEqualTo(CoBuildState.REFUSED);
        assertThatThrownBy(() -> coBuilds.byLink(link.token())).isInstanceOf(CoBuildRefused.class)
                .hasMessage("error.cobuild.link-invalid");
        assertThatThrownBy(() -> coBuilds.consent(org, started.id(), owner, true)).isInstanceOf(CoBuildRefused.class);
        assertThatThrownBy(() -> coBuilds.award(org, started.id(), owner, HTTPS)).isInstanceOf(CoBuildRefused.class);
        assertThat(jdbc.queryForObject("select count(*) from award where organisation_id = ?", Integer.class,
                org.value())).isZero();
    }

    @Test
    void aLinkWorksAcrossVisitsUntilConsentAndAnExpiredOneIsRefused() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        CoBuildId id = coBuilds.start(org, owner, "Sacha", "sacha@example.org", CoBuildMode.LINK).id();
        PersonLink first = coBuilds.sendLink(org, id, owner);
        PersonLink second = coBuilds.sendLink(org, id, owner);
        assertThatThrownBy(() -> coBuilds.byLink(first.token())).isInstanceOf(CoBuildRefused.class);
        assertThatThrownBy(() -> coBuilds.byLink("guessed-" + "a".repeat(40))).isInstanceOf(CoBuildRefused.class)
                .hasMessage("error.cobuild.link-invalid");

        answerEverything(org, id);
        assertThatThrownBy(() -> coBuilds.consentByLink(second.token(), false)).isInstanceOf(CoBuildRefused.class)
                .hasMessage("error.cobuild.consent");
        assertThat(coBuilds.consentByLink(second.token(), true).state()).isEqualTo(CoBuildState.CONSENTED);
        assertThatThrownBy(() -> coBuilds.byLink(second.token())).isInstanceOf(CoBuildRefused.class);

        CoBuildId other = coBuilds.start(org, owner, "Alex", "alex@example.org", CoBuildMode.LINK).id();
        PersonLink expired = coBuilds.sendLink(org, other, owner);
        jdbc.update("update cobuild set link_expires_at = now() - interval '1 minute' where id = ?", other.value());
        assertThatThrownBy(() -> coBuilds.byLink(expired.token())).isInstanceOf(CoBuildRefused.class)
                .hasMessage("error.cobuild.link-expired");
    }

    @Test
    @HostileInput("R1")
    void refusesOverlongAndHostileAnswersKeepingWhatWasSaved() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        CoBuildId id = coBuilds.start(org, owner, "Sacha", "sacha@example.org", CoBuildMode.SHARED_SCREEN).id();
        coBuilds.save(org, id, owner, CoBuildStep.EXPERIENCE, answers("Premier récit."));

        assertThatThrownBy(() -> coBuilds.save(org, id, owner, CoBuildStep.EXPERIENCE, answers("x".repeat(1_000_000))))
                .isInstanceOf(CoBuildRefused.class).hasMessage("error.cobuild.experience");
        assertThat(coBuilds.coBuild(org, id, owner).experience()).isEqualTo("Premier récit.");
        assertThatThrownBy(() -> coBuilds.save(org, id, owner, CoBuildStep.EVIDENCE, new CoBuildAnswers(null, null,
                List.of(), null, List.of("javascript:alert(1)"), null, null, null, null, null)))
                .isInstanceOf(CoBuildRefused.class).hasMessage("error.cobuild.link");
        assertThatThrownBy(() -> coBuilds.save(org, id, owner, CoBuildStep.LEVEL, new CoBuildAnswers(null, null,
                List.of(), "Je décide", List.of(), null, null, null, null, null)))
                .isInstanceOf(CoBuildRefused.class).hasMessage("error.cobuild.level");
        assertThatThrownBy(() -> coBuilds.save(org, id, owner, CoBuildStep.IMAGE, new CoBuildAnswers(null, null,
                List.of(), null, List.of(), null, null, null, null,
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidImage.class);
        assertThatThrownBy(() -> coBuilds.start(org, owner, "Sacha", "pas une adresse", CoBuildMode.LINK))
                .isInstanceOf(CoBuildRefused.class).hasMessage("error.cobuild.person-email");

        // A name with markup is written as text in the generated SVG, which passes the upload checks.
        coBuilds.save(org, id, owner, CoBuildStep.WORDING, new CoBuildAnswers(null, null, List.of(), null, List.of(),
                "<script>alert('x')</script> & co", "Une description.", null, null, null));
        String svg = new String(coBuilds.image(coBuilds.coBuild(org, id, owner)).bytes(), StandardCharsets.UTF_8);
        assertThat(svg).doesNotContain("<script").contains("&#60;script&#62;");
    }

    @Test
    void onlyStaffWhoAwardStartAndOnlyManagersAward() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        UUID stranger = UUID.randomUUID();
        assertThatThrownBy(() -> coBuilds.start(org, stranger, "Sacha", "sacha@example.org", CoBuildMode.LINK))
                .isNotInstanceOf(CoBuildRefused.class);
        UUID reviewer = UUID.randomUUID();
        staff.accept(staff.invite(org, owner, "relecteur@example.org", StaffRole.REVIEWER).token(), reviewer,
                "relecteur@example.org");
        assertThatThrownBy(() -> coBuilds.start(org, reviewer, "Sacha", "sacha@example.org", CoBuildMode.LINK))
                .isInstanceOf(StaffRoleInsufficient.class);
        UUID awarder = UUID.randomUUID();
        staff.accept(staff.invite(org, owner, "animateur@example.org", StaffRole.AWARDER).token(), awarder,
                "animateur@example.org");
        CoBuildId id = coBuilds.start(org, awarder, "Sacha", "sacha@example.org", CoBuildMode.SHARED_SCREEN).id();
        answerEverything(org, id);
        coBuilds.consent(org, id, awarder, true);
        assertThatThrownBy(() -> coBuilds.award(org, id, awarder, HTTPS)).isInstanceOf(StaffRoleInsufficient.class);
        assertThat(coBuilds.award(org, id, owner, HTTPS).coBuild().state()).isEqualTo(CoBuildState.AWARDED);
    }

    private void answerEverything(OrganisationId org, CoBuildId id) {
        coBuilds.save(org, id, owner, CoBuildStep.EXPERIENCE, answers("J'ai accueilli des jeunes au centre social."));
        coBuilds.save(org, id, owner, CoBuildStep.SKILLS, new CoBuildAnswers(null,
                "Je sais accueillir un groupe.", List.of("animation"), null, List.of(), null, null, null, null, null));
        coBuilds.save(org, id, owner, CoBuildStep.LEVEL, new CoBuildAnswers(null, null, List.of(), "Je transmets",
                List.of(), null, null, null, null, null));
        coBuilds.save(org, id, owner, CoBuildStep.EVIDENCE, new CoBuildAnswers(null, null, List.of(), null,
                List.of("https://preuve.example/1", " ", "https://preuve.example/2"), null, null, null, null, null));
        coBuilds.save(org, id, owner, CoBuildStep.WORDING, new CoBuildAnswers(null, null, List.of(), null, List.of(),
                "Accueillir un groupe", "Accueillir un groupe de jeunes et l'aider à s'organiser.", null, null, null));
        coBuilds.save(org, id, owner, CoBuildStep.IMAGE, new CoBuildAnswers(null, null, List.of(), null, List.of(),
                null, null, "hexagon", "green", null));
    }

    private static CoBuildAnswers answers(String experience) {
        return new CoBuildAnswers(experience, null, List.of(), null, List.of(), null, null, null, null, null);
    }
}
