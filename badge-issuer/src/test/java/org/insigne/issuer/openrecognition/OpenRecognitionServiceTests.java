package org.insigne.issuer.openrecognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import org.insigne.issuer.key.SigningKeyService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.publishing.HostedDocuments;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.publishing.IssuedForms;
import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class OpenRecognitionServiceTests {

    static final HostedUrls HTTPS = new HostedUrls("https://badges.insigne.test");

    @Autowired OpenRecognitionService service;
    @Autowired HostedDocuments hosted;
    @Autowired IssuedForms forms;
    @Autowired SigningKeyService keys;
    @Autowired JdbcTemplate jdbc;

    final UUID camille = UUID.randomUUID();

    @Test
    void selfDeclaredBadgeIsSignedByThePersonsProfileTaggedAndRevocable() {
        OpenRecognitionService.Issued issued = service.declare(camille, "Camille Martin", "Camille@Example.org",
                draft("Animer un atelier vélo", "Un récit **vrai** <script>alert(1)</script>",
                        "https://example.org/photos\nhttps://example.org/compte-rendu"), HTTPS);

        String credential = text(issued.credential());
        OrganisationId person = personOf(issued);
        assertThat(issued.badge().kind()).isEqualTo(PersonBadgeKind.SELF_DECLARED);
        assertThat(issued.badge().state()).isEqualTo(PersonBadgeState.ISSUED);
        assertThat(issued.badge().issuerName()).isEqualTo("Camille Martin");
        assertThat(credential).contains("\"urn:uuid:" + issued.badge().id() + "\"", HTTPS.ob3Issuer(person.value()),
                HTTPS.ob3StatusList(person.value(), 0), OpenRecognitionService.SELF_DECLARED_TAG,
                "eddsa-rdfc-2022", "data:image/svg+xml;base64,", "https://example.org/compte-rendu")
                .doesNotContain("camille@example.org");
        assertThat(text(issued.image())).startsWith("<svg").contains("Je transmets");
        assertThat(text(hosted.ob2Issuer(person, HTTPS).orElseThrow())).contains("Camille Martin");

        VerificationReport valid = verifier(person).verify(VerificationRequest.ofText(credential)
                .withRecipient("camille@example.org"));
        assertThat(valid.verdict()).as(valid.checks().toString()).isEqualTo(Verdict.VALID);
        BadgeView view = valid.badgeView().orElseThrow();
        assertThat(view.tags()).contains(OpenRecognitionService.SELF_DECLARED_TAG);
        assertThat(service.issuedBy(camille)).singleElement()
                .satisfies(b -> assertThat(b.narrative()).contains("<script>"));

        assertRefused(() -> service.revoke(issued.badge().id(), UUID.randomUUID()), "error.person-badge.not-found");
        service.revoke(issued.badge().id(), camille);
        assertRefused(() -> service.revoke(issued.badge().id(), camille), "error.person-badge.already-revoked");
        VerificationReport revoked = verifier(person).verify(VerificationRequest.ofText(credential));
        assertThat(revoked.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(revoked.checks()).anyMatch(c -> c.messageKey().equals("ob3.status.revoked"));
    }

    @Test
    void peerBadgeWaitsForItsRecipientAndIsRefusedToOneselfAndTwice() {
        UUID dominique = UUID.randomUUID();
        OpenRecognitionService.Issued issued = service.award(camille, "Camille Martin", List.of("camille@example.org"),
                " Dominique@Example.org ", draft("Réparer des vélos", null, ""), HTTPS);

        assertThat(issued.badge().state()).isEqualTo(PersonBadgeState.OFFERED);
        assertThat(issued.badge().recipientEmail()).isEqualTo("dominique@example.org");
        assertThat(text(issued.credential())).contains(OpenRecognitionService.PEER_TAG);
        assertRefused(() -> service.award(camille, "Camille Martin", List.of("camille@example.org"),
                "dominique@example.org", draft("réparer des VÉLOS", null, ""), HTTPS), "error.person-badge.twice");
        assertRefused(() -> service.award(camille, "Camille Martin", List.of("camille@example.org"),
                "CAMILLE@example.org", draft("Autre", null, ""), HTTPS), "error.person-badge.recipient-self");
        assertRefused(() -> service.award(camille, "Camille Martin", List.of(), "pas-une-adresse",
                draft("Autre", null, ""), HTTPS), "error.person-badge.recipient-invalid");

        assertRefused(() -> service.decline(issued.badge().id(), dominique, List.of("autre@example.org")),
                "error.person-badge.not-found");
        service.decline(issued.badge().id(), dominique, List.of("dominique@example.org"));
        assertRefused(() -> service.decline(issued.badge().id(), dominique, List.of("dominique@example.org")),
                "error.person-badge.already-decided");
        VerificationReport declined = verifier(personOf(issued)).verify(VerificationRequest.ofText(
                text(issued.credential())));
        assertThat(declined.verdict()).isEqualTo(Verdict.INVALID);

        OpenRecognitionService.Issued again = service.award(camille, "Camille Martin", List.of(),
                "dominique@example.org", draft("Réparer des vélos", null, ""), HTTPS);
        service.markClaimed(again.badge().id(), dominique);
        assertThat(service.issuedBy(camille)).extracting(PersonBadgeView::state)
                .containsExactly(PersonBadgeState.CLAIMED, PersonBadgeState.DECLINED);
    }

    @Test
    void draftReportsEveryFieldsProblemAtOnce() {
        assertThatThrownBy(() -> PersonBadgeDraft.of("", "x".repeat(1_000_000), "y".repeat(5001), "Je dors",
                "javascript:alert(1)", "TRIANGLE", "noir"))
                .isInstanceOfSatisfying(PersonBadgeRefused.class, e -> assertThat(e.problems())
                        .extracting(PersonBadgeDraft.Problem::field, PersonBadgeDraft.Problem::messageKey)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("name", "error.person-badge.required"),
                                org.assertj.core.groups.Tuple.tuple("description", "error.person-badge.too-long"),
                                org.assertj.core.groups.Tuple.tuple("narrative", "error.person-badge.too-long"),
                                org.assertj.core.groups.Tuple.tuple("level", "error.person-badge.level"),
                                org.assertj.core.groups.Tuple.tuple("evidence", "error.person-badge.evidence-url"),
                                org.assertj.core.groups.Tuple.tuple("shape", "error.person-badge.choice"),
                                org.assertj.core.groups.Tuple.tuple("colour", "error.person-badge.choice")));
        assertThatThrownBy(() -> PersonBadgeDraft.of("Nom", "Description", null, "Je fais",
                "https://a.example/1\nhttps://a.example/2\nhttps://a.example/3\nhttps://a.example/4\n"
                        + "https://a.example/5\nhttps://a.example/6", null, null))
                .isInstanceOfSatisfying(PersonBadgeRefused.class, e -> assertThat(e.messageKey())
                        .isEqualTo("error.person-badge.evidence-count"));
    }

    private OrganisationId personOf(OpenRecognitionService.Issued issued) {
        return new OrganisationId(jdbc.queryForObject("select issuer_id from person_badge where id = ?", UUID.class,
                issued.badge().id()));
    }

    private static PersonBadgeDraft draft(String name, String narrative, String evidence) {
        return PersonBadgeDraft.of(name, "Ce que je sais faire.", narrative, "Je transmets", evidence, "CIRCLE",
                null);
    }

    /** What verifying a person's badge reads behind HTTPS: their profile, keys and status list. */
    private Verifier verifier(OrganisationId person) {
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

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo(key));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
