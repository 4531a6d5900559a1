package org.insigne.issuer.endorsement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.error.DomainException;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.fetch.OfflineDocumentFetcher;
import org.insigne.core.verification.BadgeView;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verifier;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.key.SigningKeyService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.publishing.HostedDocuments;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.publishing.IssuedForms;
import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class EndorsementServiceTests {

    static final StoredImage PNG = ImageUploads.accept(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1});
    static final HostedUrls HTTPS = new HostedUrls("https://badges.insigne.test");

    @Autowired EndorsementService endorsements;
    @Autowired AwardService awards;
    @Autowired BadgeClassService badgeClasses;
    @Autowired OrganisationService organisations;
    @Autowired HostedDocuments hosted;
    @Autowired IssuedForms forms;
    @Autowired SigningKeyService keys;

    final UUID issuerOwner = UUID.randomUUID();
    final UUID endorserOwner = UUID.randomUUID();

    @Test
    void requestedEndorsementIsPublishedInBothSpecsCarriedByNewAwardsAndRevokedOnWithdrawal() {
        OrganisationId issuer = organisations.create(issuerOwner, "Centre social Éole").id();
        OrganisationId endorser = organisations.create(endorserOwner, "Fédération des centres sociaux").id();
        BadgeClassId badge = published(issuer);
        AwardView before = awards.award(issuer, badge, issuerOwner, request(), HTTPS);

        RequestSent sent = endorsements.request(issuer, issuerOwner, EndorsedKind.BADGE_CLASS, badge.value(), endorser);
        assertThat(sent.endorserAdministrators()).containsExactly(endorserOwner);
        assertThat(endorsements.given(endorser, endorserOwner)).singleElement()
                .satisfies(e -> assertThat(e.pending()).isTrue());
        EndorsementView accepted = endorsements.accept(endorser, sent.endorsement().id(), endorserOwner,
                "Des critères **exigeants** <script>alert(1)</script>", HTTPS);
        AwardView after = awards.award(issuer, badge, issuerOwner, request(), HTTPS);

        assertThat(accepted.commentHtml()).contains("<strong>exigeants</strong>").doesNotContain("<script>");
        UUID id = accepted.id().value();
        assertThat(text(hosted.ob2BadgeClass(badge, HTTPS).orElseThrow())).contains(HTTPS.ob2Endorsement(id));
        assertThat(text(forms.achievement(badge, HTTPS).orElseThrow())).contains("EndorsementCredential");
        assertThat(text(awards.credential(before.id()).orElseThrow())).doesNotContain("EndorsementCredential");
        String credential = text(awards.credential(after.id()).orElseThrow());
        assertThat(credential).contains("EndorsementCredential", "Fédération des centres sociaux");

        BadgeView.Endorsement ob3 = onlyEndorsement(verifier(issuer, badge, endorser, after).verify(
                VerificationRequest.ofText(credential)));
        assertThat(ob3.verdict()).as(ob3.checks().toString()).isEqualTo(Verdict.VALID);
        assertThat(ob3.endorser().name()).isEqualTo("Fédération des centres sociaux");
        BadgeView.Endorsement ob2 = onlyEndorsement(verifier(issuer, badge, endorser, after).verify(
                VerificationRequest.ofUrl(HTTPS.ob2Assertion(after.id().value()))));
        assertThat(ob2.verdict()).as(ob2.checks().toString()).isEqualTo(Verdict.VALID);
        VerificationReport alone = verifier(issuer, badge, endorser, after)
                .verify(VerificationRequest.ofText(text(endorsements.ob3(accepted.id()).orElseThrow())));
        assertThat(alone.verdict()).as(alone.checks().toString()).isEqualTo(Verdict.VALID);

        endorsements.withdraw(endorser, accepted.id(), endorserOwner);

        VerificationReport withdrawn = verifier(issuer, badge, endorser, after).verify(VerificationRequest.ofText(credential));
        assertThat(withdrawn.verdict()).isEqualTo(Verdict.VALID);
        assertThat(onlyEndorsement(withdrawn).verdict()).isEqualTo(Verdict.INVALID);
        assertThat(onlyEndorsement(withdrawn).checks()).anyMatch(c -> c.messageKey().equals("ob3.status.revoked"));
        assertThat(verifier(issuer, badge, endorser, after)
                .verify(VerificationRequest.ofText(text(endorsements.ob3(accepted.id()).orElseThrow()))).verdict())
                .isEqualTo(Verdict.INVALID);
        HostedEndorsement gone = endorsements.ob2(accepted.id(), HTTPS).orElseThrow();
        assertThat(gone.withdrawn()).isTrue();
        assertThat(text(gone.document())).contains("\"revoked\":true");
        assertThat(text(hosted.ob2BadgeClass(badge, HTTPS).orElseThrow())).doesNotContain("endorsement");
    }

    @Test
    void offeredEndorsementOfAnOrganisationIsListedInItsProfiles() {
        OrganisationId issuer = organisations.create(issuerOwner, "Centre social Éole").id();
        OrganisationId endorser = organisations.create(endorserOwner, "Fédération").id();

        EndorsementView offered = endorsements.offer(endorser, endorserOwner, EndorsedKind.ORGANISATION,
                issuer.value(), "Partenaire fiable depuis dix ans.", HTTPS);

        assertThat(offered.published()).isTrue();
        assertThat(text(hosted.ob2Issuer(issuer, HTTPS).orElseThrow())).contains(HTTPS.ob2Endorsement(offered.id().value()));
        assertThat(text(hosted.ob3Issuer(issuer, HTTPS).orElseThrow())).contains("EndorsementSubject",
                HTTPS.ob3Issuer(issuer.value()));
        assertThat(endorsements.published(EndorsedKind.ORGANISATION, issuer.value(), HTTPS)).singleElement()
                .satisfies(p -> assertThat(p.endorserName()).isEqualTo("Fédération"));
        assertThat(endorsements.received(issuer, issuerOwner)).hasSize(1);
    }

    @Test
    void refusesSelfEndorsementTwiceArchivedTargetsAndBadComments() {
        OrganisationId issuer = organisations.create(issuerOwner, "Centre social").id();
        OrganisationId endorser = organisations.create(endorserOwner, "Fédération").id();
        BadgeClassId badge = published(issuer);

        assertRefused(() -> endorsements.request(issuer, issuerOwner, EndorsedKind.BADGE_CLASS, badge.value(), issuer),
                "error.endorsement.self");
        endorsements.request(issuer, issuerOwner, EndorsedKind.BADGE_CLASS, badge.value(), endorser);
        assertRefused(() -> endorsements.request(issuer, issuerOwner, EndorsedKind.BADGE_CLASS, badge.value(), endorser),
                "error.endorsement.twice");
        assertRefused(() -> endorsements.offer(endorser, endorserOwner, EndorsedKind.BADGE_CLASS, badge.value(),
                "Bien.", HTTPS), "error.endorsement.twice");
        assertRefused(() -> endorsements.offer(endorser, endorserOwner, EndorsedKind.ORGANISATION, issuer.value(),
                "x".repeat(EndorsementService.MAX_COMMENT_LENGTH + 1), HTTPS), "error.endorsement.comment-too-long");
        assertRefused(() -> endorsements.offer(endorser, endorserOwner, EndorsedKind.ORGANISATION, issuer.value(),
                "   ", HTTPS), "error.endorsement.comment-missing");
        assertRefused(() -> endorsements.offer(endorser, endorserOwner, EndorsedKind.BADGE_CLASS, UUID.randomUUID(),
                "Bien.", HTTPS), "error.endorsement.target-unavailable");
        badgeClasses.archive(issuer, badge, issuerOwner);
        BadgeClassId other = published(issuer);
        badgeClasses.archive(issuer, other, issuerOwner);
        assertRefused(() -> endorsements.offer(endorser, endorserOwner, EndorsedKind.BADGE_CLASS, other.value(),
                "Bien.", HTTPS), "error.endorsement.target-unavailable");
        assertThat(endorsements.published(EndorsedKind.BADGE_CLASS, other.value(), HTTPS)).isEmpty();
    }

    @Test
    void personEndorsesInOwnNameWithOwnKeyAndProfileThenWithdraws() {
        OrganisationId issuer = organisations.create(issuerOwner, "Centre social Éole").id();
        BadgeClassId badge = published(issuer);
        UUID tutor = UUID.randomUUID();

        assertRefused(() -> endorsements.offerAsPerson(issuerOwner, "Owner", EndorsedKind.BADGE_CLASS, badge.value(),
                "Mon badge.", HTTPS), "error.endorsement.self-staff");
        EndorsementView offered = endorsements.offerAsPerson(tutor, "Dominique Tuteur", EndorsedKind.BADGE_CLASS,
                badge.value(), "Un badge **sérieux**.", HTTPS);
        assertRefused(() -> endorsements.offerAsPerson(tutor, "Dominique", EndorsedKind.BADGE_CLASS, badge.value(),
                "Encore.", HTTPS), "error.endorsement.twice-person");
        assertRefused(() -> endorsements.offerAsPerson(tutor, "Dominique", EndorsedKind.ORGANISATION,
                UUID.randomUUID(), "Inconnue.", HTTPS), "error.endorsement.target-unavailable");

        OrganisationId person = new OrganisationId(offered.endorserId());
        assertThat(offered.published()).isTrue();
        assertThat(offered.endorserName()).isEqualTo("Dominique Tuteur");
        assertThat(endorsements.givenByPerson(tutor)).singleElement()
                .satisfies(e -> assertThat(e.id()).isEqualTo(offered.id()));
        assertThat(endorsements.published(EndorsedKind.BADGE_CLASS, badge.value(), HTTPS)).singleElement()
                .satisfies(p -> assertThat(p.endorserName()).isEqualTo("Dominique Tuteur"));
        String credential = text(endorsements.ob3(offered.id()).orElseThrow());
        assertThat(credential).contains(HTTPS.ob3Issuer(person.value()), HTTPS.ob3StatusList(person.value(), 0));
        assertThat(text(hosted.ob2Issuer(person, HTTPS).orElseThrow())).contains("Dominique Tuteur");
        assertThat(text(forms.didDocument(person, HTTPS).orElseThrow())).contains(HTTPS.didWeb(person.value()));
        assertThat(keys.publishedKeys(person)).isNotEmpty();

        assertThat(personVerifier(person).verify(VerificationRequest.ofText(credential)).verdict())
                .isEqualTo(Verdict.VALID);
        assertRefused(() -> endorsements.withdrawAsPerson(UUID.randomUUID(), offered.id()),
                "error.endorsement.not-found");
        endorsements.withdrawAsPerson(tutor, offered.id());
        VerificationReport withdrawn = personVerifier(person).verify(VerificationRequest.ofText(credential));
        assertThat(withdrawn.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(withdrawn.checks()).anyMatch(c -> c.messageKey().equals("ob3.status.revoked"));
        assertThat(endorsements.published(EndorsedKind.BADGE_CLASS, badge.value(), HTTPS)).isEmpty();

        EndorsementView another = endorsements.offerAsPerson(tutor, "Dominique Tuteur", EndorsedKind.ORGANISATION,
                issuer.value(), "Une équipe accueillante.", HTTPS);
        endorsements.forgetPerson(tutor);
        assertThat(endorsements.givenByPerson(tutor)).isEmpty();
        assertThat(personVerifier(person).verify(VerificationRequest.ofText(
                text(endorsements.ob3(another.id()).orElseThrow()))).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aRequestExpiresAfterThirtyDaysAndIsThenNeitherAcceptedNorDeclined() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        Endorsement request = Endorsement.requested(UUID.randomUUID(), EndorsedKind.ORGANISATION, UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), now, now.plus(EndorsementService.REQUEST_VALIDITY));

        assertThat(request.pending(now.plus(java.time.Duration.ofDays(29)))).isTrue();
        Instant later = now.plus(java.time.Duration.ofDays(30));
        assertThat(request.pending(later)).isFalse();
        assertRefused(() -> request.accept(UUID.randomUUID(), "Oui", later, 1, new byte[0]), "error.endorsement.expired");
        assertRefused(() -> request.decline(UUID.randomUUID(), later), "error.endorsement.expired");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo(key));
    }

    private static BadgeView.Endorsement onlyEndorsement(VerificationReport report) {
        assertThat(report.verdict()).as(report.checks().toString()).isEqualTo(Verdict.VALID);
        List<BadgeView.Endorsement> all = report.badgeView().orElseThrow().endorsements();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private Verifier verifier(OrganisationId issuer, BadgeClassId badge, OrganisationId endorser, AwardView award) {
        Map<URI, FetchedDocument> documents = new HashMap<>();
        put(documents, HTTPS.ob2Assertion(award.id().value()), awards.hostedAssertion(award.id(), HTTPS).orElseThrow().json());
        put(documents, HTTPS.ob2BadgeClass(badge.value()), hosted.ob2BadgeClass(badge, HTTPS).orElseThrow());
        for (OrganisationId org : List.of(issuer, endorser)) {
            put(documents, HTTPS.ob2Issuer(org.value()), hosted.ob2Issuer(org, HTTPS).orElseThrow());
            put(documents, HTTPS.ob2Revocations(org.value()), awards.revocationList(org, HTTPS).orElseThrow());
            put(documents, HTTPS.ob3Issuer(org.value()), hosted.ob3Issuer(org, HTTPS).orElseThrow());
            forms.statusList(org, 0, HTTPS).ifPresent(list -> put(documents, HTTPS.ob3StatusList(org.value(), 0), list));
            keys.publishedKeys(org).forEach(k -> hosted.ob3Key(org, k.id(), HTTPS)
                    .ifPresent(doc -> put(documents, HTTPS.ob3Key(org.value(), k.id().value()), doc)));
        }
        endorsements.received(issuer, issuerOwner).forEach(e -> endorsements.ob2(e.id(), HTTPS)
                .ifPresent(doc -> put(documents, HTTPS.ob2Endorsement(e.id().value()), doc.document())));
        return new Verifier(new OfflineDocumentFetcher(documents), new Baker(BakingLimits.defaults()), Clock.systemUTC());
    }

    /** What verifying a person's endorsement reads behind HTTPS: their profile, keys and status list. */
    private Verifier personVerifier(OrganisationId person) {
        Map<URI, FetchedDocument> documents = new HashMap<>();
        put(documents, HTTPS.ob3Issuer(person.value()), hosted.ob3Issuer(person, HTTPS).orElseThrow());
        put(documents, HTTPS.ob3StatusList(person.value(), 0), forms.statusList(person, 0, HTTPS).orElseThrow());
        keys.publishedKeys(person).forEach(k -> hosted.ob3Key(person, k.id(), HTTPS)
                .ifPresent(doc -> put(documents, HTTPS.ob3Key(person.value(), k.id().value()), doc)));
        return new Verifier(new OfflineDocumentFetcher(documents), new Baker(BakingLimits.defaults()), Clock.systemUTC());
    }

    private static void put(Map<URI, FetchedDocument> documents, String url, byte[] body) {
        documents.put(URI.create(url), OfflineDocumentFetcher.json(URI.create(url), new String(body, StandardCharsets.UTF_8)));
    }

    private BadgeClassId published(OrganisationId org) {
        BadgeClassContent content = new BadgeClassContent("Animer une réunion", "Savoir animer une réunion.",
                "Avoir préparé un **ordre du jour**.", List.of(), List.of("animation"),
                BadgeClassContent.DEFAULT_LEVELS, null, false);
        BadgeClassId id = badgeClasses.create(org, issuerOwner, content, PNG).id();
        badgeClasses.publish(org, id, issuerOwner);
        return id;
    }

    private static AwardRequest request() {
        return new AwardRequest(UUID.randomUUID(), "camille@example.org", "Camille Martin", "Je fais", null, null, null);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
