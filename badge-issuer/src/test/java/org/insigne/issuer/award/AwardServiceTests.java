package org.insigne.issuer.award;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.fetch.OfflineDocumentFetcher;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verifier;
import org.insigne.issuer.badgeclass.Alignment;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassNotFound;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.key.KeyAlgorithm;
import org.insigne.issuer.key.SigningKeyService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffRoleInsufficient;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.issuer.publishing.HostedDocuments;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.publishing.IssuedForms;
import org.insigne.testing.HostileInput;
import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class AwardServiceTests {

    static final StoredImage PNG = ImageUploads.accept(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1});
    static final HostedUrls HTTPS = new HostedUrls("https://badges.insigne.test/");

    @Autowired AwardService awards;
    @Autowired PublicAwards publicAwards;
    @Autowired DataSource dataSource;
    @Autowired HostedDocuments hosted;
    @Autowired BadgeClassService badgeClasses;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired SigningKeyService keys;
    @Autowired IssuedForms forms;

    final UUID owner = UUID.randomUUID();

    @Test
    void awardsAPublishedBadgeWhoseDocumentsVerifyAndRevokesItOnce() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        BadgeClassId badge = published(org, content(false, 12));

        AwardView award = awards.award(org, badge, owner, request("Camille@Example.org ", "Je transmets", null), HTTPS);

        assertThat(award.created()).isTrue();
        assertThat(award.recipientEmail()).isEqualTo("camille@example.org");
        assertThat(award.expiresAt()).isEqualTo(award.issuedOn().atZone(java.time.ZoneOffset.UTC).plusMonths(12).toInstant());
        HostedAssertion assertion = awards.hostedAssertion(award.id(), HTTPS).orElseThrow();
        String json = new String(assertion.json(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"HostedBadge\"", "sha256$", HTTPS.ob2Assertion(award.id().value()))
                .doesNotContain("camille");
        String credential = new String(awards.credential(award.id()).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(credential).contains("eddsa-rdfc-2022", HTTPS.ob3Issuer(org.value()), "#level-2")
                .doesNotContain("camille");

        Verifier verifier = offlineVerifier(org, badge, award);
        VerificationReport ob2 = verifier.verify(VerificationRequest.ofUrl(HTTPS.ob2Assertion(award.id().value()))
                .withRecipient("camille@example.org"));
        assertThat(ob2.verdict()).as(ob2.checks().toString()).isEqualTo(Verdict.VALID);
        VerificationReport ob3 = verifier.verify(VerificationRequest.ofText(credential).withRecipient("camille@example.org"));
        assertThat(ob3.verdict()).as(ob3.checks().toString()).isEqualTo(Verdict.VALID);

        AwardView revoked = awards.revoke(org, award.id(), owner, "Badge délivré par erreur");
        assertThat(revoked.revoked()).isTrue();
        assertThatThrownBy(() -> awards.revoke(org, award.id(), owner, "encore"))
                .isInstanceOf(AwardAlreadyRevoked.class);
        assertThat(awards.hostedAssertion(award.id(), HTTPS).orElseThrow().revoked()).isTrue();
        assertThat(new String(awards.revocationList(org, HTTPS).orElseThrow(), StandardCharsets.UTF_8))
                .contains(HTTPS.ob2Assertion(award.id().value()), "Badge délivré par erreur");
        VerificationReport afterRevocation = offlineVerifier(org, badge, award)
                .verify(VerificationRequest.ofUrl(HTTPS.ob2Assertion(award.id().value())));
        assertThat(afterRevocation.verdict()).isEqualTo(Verdict.INVALID);
        VerificationReport credentialAfterRevocation = offlineVerifier(org, badge, award)
                .verify(VerificationRequest.ofText(credential));
        assertThat(credentialAfterRevocation.verdict()).isEqualTo(Verdict.INVALID);
        // The Bitstring Status List says revoked, with no reason; the 1EdTech list keeps the reason.
        assertThat(credentialAfterRevocation.checks()).anySatisfy(check -> {
            assertThat(check.id()).isEqualTo("ob3.status");
            assertThat(check.messageKey()).isEqualTo("ob3.status.revoked");
        });
        assertThat(new String(awards.credentialRevocationList(org, HTTPS).orElseThrow(), StandardCharsets.UTF_8))
                .contains(HTTPS.ob3Credential(award.id().value()), "Badge délivré par erreur");
    }

    @Test
    void signsTheOtherFormsBehindHttpsWithKeysVerifiersResolveThere() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        BadgeClassId badge = published(org, content(false, null));
        AwardView award = awards.award(org, badge, owner, request("camille@example.org", "Je fais", "https://preuve.example/1"), HTTPS);

        String jwt = forms.ob3Jwt(award.id().value(), HTTPS).orElseThrow();
        String jws = forms.ob2Signed(award.id().value(), HTTPS).orElseThrow();
        assertThat(forms.ob3Jwt(award.id().value(), HTTPS)).hasValue(jwt);
        assertThat(forms.ob2Signed(award.id().value(), HTTPS)).hasValue(jws);

        Verifier verifier = offlineVerifier(org, badge, award);
        for (String form : List.of(jwt, jws)) {
            VerificationReport report = verifier.verify(VerificationRequest.ofText(form).withRecipient("camille@example.org"));
            assertThat(report.verdict()).as(report.checks().toString()).isEqualTo(Verdict.VALID);
        }
        String did = new String(forms.didDocument(org, HTTPS).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(did).contains("\"id\":\"did:web:badges.insigne.test:ob3:issuers:" + org.value() + "\"",
                keys.publishedKeys(org).stream().filter(k -> k.algorithm() == KeyAlgorithm.ED25519)
                        .findFirst().orElseThrow().multibase());
    }

    @Test
    @HostileInput("A7")
    void awardsOnceForTheSameFormToken() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        BadgeClassId badge = published(org, content(false, null));
        AwardRequest request = request("a@example.org", "Je fais", null);

        AwardView first = awards.award(org, badge, owner, request, HTTPS);
        AwardView second = awards.award(org, badge, owner, request, HTTPS);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.created()).isFalse();
        assertThat(awards.awards(org, badge, owner)).hasSize(1);
    }

    @Test
    void refusesDraftsUnknownLevelsMissingEvidenceAndFutureDates() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        BadgeClassId draft = badgeClasses.create(org, owner, content(false, null), PNG).id();
        assertThatThrownBy(() -> awards.award(org, draft, owner, request("a@example.org", "Je fais", null), HTTPS))
                .isInstanceOf(BadgeClassNotAwardable.class);

        BadgeClassId withEvidence = published(org, content(true, null));
        assertThatThrownBy(() -> awards.award(org, withEvidence, owner, request("a@example.org", "Expert", null), HTTPS))
                .isInstanceOfSatisfying(InvalidAward.class, e -> assertThat(e.field()).isEqualTo("level"));
        assertThatThrownBy(() -> awards.award(org, withEvidence, owner, request("a@example.org", "Je fais", null), HTTPS))
                .isInstanceOfSatisfying(InvalidAward.class, e -> assertThat(e.field()).isEqualTo("evidence"));
        AwardRequest tomorrow = new AwardRequest(UUID.randomUUID(), "a@example.org", "Camille", "Je fais",
                "https://example.org/portfolio", null, LocalDate.now(Clock.systemUTC()).plusDays(1));
        assertThatThrownBy(() -> awards.award(org, withEvidence, owner, tomorrow, HTTPS))
                .isInstanceOfSatisfying(InvalidAward.class, e -> assertThat(e.field()).isEqualTo("issued-on"));
        assertThatThrownBy(() -> request("pas-une-adresse", "Je fais", null))
                .isInstanceOfSatisfying(InvalidAward.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(awards.award(org, withEvidence, owner,
                request("a@example.org", "Je fais", "https://example.org/portfolio"), HTTPS).created()).isTrue();
    }

    @Test
    @HostileInput("A2")
    void letsAwardersAwardButOnlyAdministratorsRevokeAndHidesOtherOrganisations() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        BadgeClassId badge = published(org, content(false, null));
        UUID awarder = member(org, StaffRole.AWARDER);
        UUID viewer = member(org, StaffRole.VIEWER);
        UUID outsider = UUID.randomUUID();
        OrganisationId other = organisations.create(outsider, "Autre").id();

        AwardView award = awards.award(org, badge, awarder, request("b@example.org", "Je fais", null), HTTPS);

        assertThatThrownBy(() -> awards.revoke(org, award.id(), awarder, "non")).isInstanceOf(StaffRoleInsufficient.class);
        assertThatThrownBy(() -> awards.award(org, badge, viewer, request("c@example.org", "Je fais", null), HTTPS))
                .isInstanceOf(StaffRoleInsufficient.class);
        assertThatThrownBy(() -> awards.award(other, badge, outsider, request("c@example.org", "Je fais", null), HTTPS))
                .isInstanceOf(BadgeClassNotFound.class);
        assertThatThrownBy(() -> awards.revoke(other, award.id(), outsider, "non")).isInstanceOf(AwardNotFound.class);
        assertThat(awards.awards(org, badge, viewer)).extracting(AwardView::id).containsExactly(award.id());
    }

    private Verifier offlineVerifier(OrganisationId org, BadgeClassId badge, AwardView award) {
        Map<URI, FetchedDocument> documents = new HashMap<>();
        put(documents, HTTPS.ob2Assertion(award.id().value()), awards.hostedAssertion(award.id(), HTTPS).orElseThrow().json());
        put(documents, HTTPS.ob2BadgeClass(badge.value()), hosted.ob2BadgeClass(badge, HTTPS).orElseThrow());
        put(documents, HTTPS.ob2Issuer(org.value()), hosted.ob2Issuer(org, HTTPS).orElseThrow());
        put(documents, HTTPS.ob2Revocations(org.value()), awards.revocationList(org, HTTPS).orElseThrow());
        put(documents, HTTPS.ob3Issuer(org.value()), hosted.ob3Issuer(org, HTTPS).orElseThrow());
        put(documents, HTTPS.ob3Revocations(org.value()), awards.credentialRevocationList(org, HTTPS).orElseThrow());
        put(documents, HTTPS.ob3StatusList(org.value(), 0), forms.statusList(org, 0, HTTPS).orElseThrow());
        keys.publishedKeys(org).forEach(k -> hosted.ob2Key(k.id(), HTTPS)
                .ifPresent(doc -> put(documents, HTTPS.ob2Key(k.id().value()), doc)));
        keys.publishedKeys(org).forEach(k -> hosted.ob3Key(org, k.id(), HTTPS)
                .ifPresent(doc -> put(documents, HTTPS.ob3Key(org.value(), k.id().value()), doc)));
        return new Verifier(new OfflineDocumentFetcher(documents), new Baker(BakingLimits.defaults()), Clock.systemUTC());
    }

    private static void put(Map<URI, FetchedDocument> documents, String url, byte[] body) {
        documents.put(URI.create(url), OfflineDocumentFetcher.json(URI.create(url), new String(body, StandardCharsets.UTF_8)));
    }

    @Test
    void readsThePublicAwardInOneRowAndItsStatusFromTheRecords() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        BadgeClassId badge = published(org, content(false, 1));
        AwardView award = awards.award(org, badge, owner, request("Camille@Example.org", "Je fais", "https://preuve.example/1"),
                HTTPS);

        PublicAward shown = publicAwards.find(award.id()).orElseThrow();
        assertThat(shown.badgeName()).isEqualTo("Animer une réunion");
        assertThat(shown.criteriaHtml()).isEqualTo("<p>Avoir préparé un <strong>ordre du jour</strong>.</p>\n");
        assertThat(shown.issuerName()).isEqualTo("Ligue");
        assertThat(shown.level()).isEqualTo("Je fais");
        assertThat(shown.evidenceUrl()).isEqualTo("https://preuve.example/1");
        assertThat(shown.imageMediaType()).isEqualTo("image/png");
        assertThat(shown.endorsements()).isEmpty();
        assertThat(shown.status(award.issuedOn())).isEqualTo(PublicAward.Status.VALID);
        // PostgreSQL keeps microseconds (rounded), hence the tolerance and the second after the expiry.
        assertThat(shown.expiresAt()).isCloseTo(award.expiresAt(), within(1, ChronoUnit.MILLIS));
        assertThat(shown.status(award.expiresAt().minusSeconds(1))).isEqualTo(PublicAward.Status.VALID);
        assertThat(shown.status(award.expiresAt().plusSeconds(1))).isEqualTo(PublicAward.Status.EXPIRED);

        awards.revoke(org, award.id(), owner, "Erreur");
        assertThat(publicAwards.find(award.id()).orElseThrow().status(award.issuedOn()))
                .isEqualTo(PublicAward.Status.REVOKED);
        assertThat(publicAwards.find(new AwardId(UUID.randomUUID()))).isEmpty();
    }

    /**
     * A page view must not hold two connections at once: with as many concurrent views as the pool has
     * connections, each would wait for a second one and all would time out together.
     */
    @Test
    void readsThePublicAwardWithASingleConnection() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        BadgeClassId badge = published(org, content(false, 1));
        AwardView award = awards.award(org, badge, owner, request("camille@example.org", "Je fais", "https://preuve.example/1"), HTTPS);
        HikariDataSource shared = (HikariDataSource) dataSource;
        HikariConfig one = new HikariConfig();
        one.setJdbcUrl(shared.getJdbcUrl());
        one.setUsername(shared.getUsername());
        one.setPassword(shared.getPassword());
        one.setMaximumPoolSize(1);
        one.setConnectionTimeout(250);
        try (HikariDataSource pool = new HikariDataSource(one)) {
            assertThat(new PublicAwards(new JdbcTemplate(pool)).find(award.id()).orElseThrow().badgeName())
                    .isEqualTo("Animer une réunion");
        }
    }

    @Test
    @HostileInput("A5")
    void checksAnAddressAgainstThePublishedHashOnly() {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        BadgeClassId badge = published(org, content(false, null));
        AwardView award = awards.award(org, badge, owner, request("camille@example.org", "Je fais", "https://preuve.example/1"), HTTPS);

        assertThat(awards.isRecipient(award.id(), " Camille@Example.ORG ")).contains(true);
        assertThat(awards.isRecipient(award.id(), "camille@example.com")).contains(false);
        assertThat(awards.isRecipient(new AwardId(UUID.randomUUID()), "camille@example.org")).isEmpty();
    }

    private UUID member(OrganisationId org, StaffRole role) {
        UUID user = UUID.randomUUID();
        String email = user + "@example.org";
        staff.accept(staff.invite(org, owner, email, role).token(), user, email);
        return user;
    }

    private BadgeClassId published(OrganisationId org, BadgeClassContent content) {
        BadgeClassId id = badgeClasses.create(org, owner, content, PNG).id();
        badgeClasses.publish(org, id, owner);
        return id;
    }

    static AwardRequest request(String email, String level, String evidenceUrl) {
        return new AwardRequest(UUID.randomUUID(), email, "Camille Martin", level, evidenceUrl, null, null);
    }

    static BadgeClassContent content(boolean evidenceRequired, Integer expiry) {
        return new BadgeClassContent("Animer une réunion", "Savoir animer une réunion d'équipe.",
                "Avoir préparé un **ordre du jour**.",
                List.of(new Alignment("ESCO", "S1.2.3", "animer des réunions", "https://esco.ec.europa.eu/")),
                List.of("animation"), BadgeClassContent.DEFAULT_LEVELS, expiry, evidenceRequired);
    }
}
