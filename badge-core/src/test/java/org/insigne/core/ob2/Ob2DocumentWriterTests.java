package org.insigne.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.fetch.OfflineDocumentFetcher;
import org.insigne.core.signing.Ob2JwsSigner;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.Verifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What {@link Ob2DocumentWriter} writes verifies with the core's own verifier, hosted and signed. */
class Ob2DocumentWriterTests {

    private static final String EMAIL = "camille.martin@example.org";
    private static final String ISSUER = "https://issuer.example/o/1";
    private static final String BADGE = "https://issuer.example/b/1";
    private static final String KEY = "https://issuer.example/k/1";
    private static final String REVOCATIONS = "https://issuer.example/o/1/revoked";
    private static final String ASSERTION = "https://issuer.example/a/1";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

    private static KeyPair rsa;

    private final Map<URI, FetchedDocument> served = new HashMap<>();

    @BeforeAll
    static void keys() throws Exception {
        rsa = Ob2Fixture.rsa();
    }

    @Test
    void hostedAssertionVerifiesAgainstTheWrittenIssuerAndBadgeClass() {
        byte[] assertion = publishAll(List.of());

        VerificationReport report = verify(new String(assertion, StandardCharsets.UTF_8));

        assertThat(report.verdict()).as(Ob2ConformanceTests.describe(report)).isEqualTo(Verdict.VALID);
        assertThat(report.check("ob2.hosted-copy").orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.check("ob2.recipient").orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.badgeView()).hasValueSatisfying(view -> {
            assertThat(view.name()).isEqualTo("Animation d'assemblée");
            assertThat(view.issuer().name()).isEqualTo("Les Amis du Quartier");
            assertThat(view.tags()).containsExactly("vie associative");
            assertThat(view.alignments()).extracting(a -> a.targetName()).containsExactly("animer une réunion");
            assertThat(view.evidence()).extracting(e -> e.narrative()).containsExactly("A animé l'AG.");
        });
    }

    @Test
    void signedFormVerifiesWithTheWrittenKey() {
        byte[] hosted = publishAll(List.of());
        byte[] payload = Ob2DocumentWriter.signedBadgePayload(new Ob2DocumentWriter.SignedBadgeDraft(hosted, KEY));

        VerificationReport report = verify(new Ob2JwsSigner(rsa.getPrivate()).sign(payload));

        assertThat(report.verdict()).as(Ob2ConformanceTests.describe(report)).isEqualTo(Verdict.VALID);
        assertThat(report.check("ob2.signature").orElseThrow().args()).contains("RS256");
    }

    @Test
    void writtenRevocationListRevokesTheSignedForm() {
        byte[] hosted = publishAll(List.of(new Ob2DocumentWriter.Revoked(ASSERTION, "Attribué par erreur")));
        byte[] payload = Ob2DocumentWriter.signedBadgePayload(new Ob2DocumentWriter.SignedBadgeDraft(hosted, KEY));

        VerificationReport report = verify(new Ob2JwsSigner(rsa.getPrivate()).sign(payload));

        assertThat(report.verdict()).as(Ob2ConformanceTests.describe(report)).isEqualTo(Verdict.INVALID);
        assertThat(report.check("ob2.revocation").orElseThrow().status()).isEqualTo(CheckStatus.FAILED);
        assertThat(report.check("ob2.revocation").orElseThrow().args()).contains("Attribué par erreur");
    }

    @Test
    void revokedAssertionSaysOnlyThatItIsRevokedAndWhy() {
        String revoked = new String(Ob2DocumentWriter.revokedAssertion(
                new Ob2DocumentWriter.Revoked(ASSERTION, "Fraude")), StandardCharsets.UTF_8);

        assertThat(revoked).isEqualTo("{\"@context\":\"https://w3id.org/openbadges/v2\",\"id\":\"" + ASSERTION
                + "\",\"type\":\"Assertion\",\"revoked\":true,\"revocationReason\":\"Fraude\"}");
    }

    @Test
    void writtenEndorsementOfTheBadgeClassVerifiesUntilWithdrawn() {
        String endorser = "https://issuer.example/o/2";
        String endorsement = "https://issuer.example/e/1";
        byte[] assertion = publishAll(List.of());
        publish(endorser, Ob2DocumentWriter.issuer(new Ob2DocumentWriter.IssuerDraft(endorser, "Fédération des centres",
                "https://issuer.example", null, null, null, List.of(), endorser + "/revoked")));
        publish(BADGE, Ob2DocumentWriter.withEndorsements(served.get(URI.create(BADGE)).body(), List.of(endorsement)));
        publish(endorsement, Ob2DocumentWriter.endorsement(new Ob2DocumentWriter.EndorsementDraft(endorsement, BADGE,
                "Des critères **exigeants**.", endorser, Instant.parse("2026-05-01T08:00:00Z"))));

        VerificationReport endorsed = verify(new String(assertion, StandardCharsets.UTF_8));
        publish(endorsement, Ob2DocumentWriter.withdrawnEndorsement(endorsement));
        VerificationReport withdrawn = verify(new String(assertion, StandardCharsets.UTF_8));

        assertThat(endorsed.verdict()).isEqualTo(Verdict.VALID);
        assertThat(endorsed.check("ob2.endorsements").orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
        assertThat(endorsed.badgeView().orElseThrow().endorsements()).singleElement().satisfies(e -> {
            assertThat(e.verdict()).isEqualTo(Verdict.VALID);
            assertThat(e.endorser().name()).isEqualTo("Fédération des centres");
            assertThat(e.comment()).isEqualTo("Des critères **exigeants**.");
        });
        assertThat(withdrawn.verdict()).isEqualTo(Verdict.VALID);
        assertThat(withdrawn.badgeView().orElseThrow().endorsements()).singleElement()
                .satisfies(e -> assertThat(e.verdict()).isEqualTo(Verdict.INVALID));
    }

    @Test
    void documentsWithoutEndorsementsKeepTheirBytes() {
        byte[] badge = Ob2DocumentWriter.badgeClass(new Ob2DocumentWriter.BadgeClassDraft(BADGE, "Nom", "Description",
                "https://issuer.example/b/1/image", "Critères", ISSUER, List.of(), List.of()));

        assertThat(Ob2DocumentWriter.withEndorsements(badge, List.of())).isSameAs(badge);
    }

    @Test
    void badgeClassWithTheApplyLinkExtensionStillVerifies() {
        byte[] assertion = publishAll(List.of());
        byte[] without = served.get(URI.create(BADGE)).body();
        byte[] with = Ob2DocumentWriter.withApplyLink(without, "https://issuer.example/apply/1");
        publish(BADGE, with);

        VerificationReport report = verify(new String(assertion, StandardCharsets.UTF_8));

        assertThat(report.verdict()).as(Ob2ConformanceTests.describe(report)).isEqualTo(Verdict.VALID);
        String plain = new String(without, StandardCharsets.UTF_8);
        assertThat(new String(with, StandardCharsets.UTF_8)).startsWith(plain.substring(0, plain.length() - 1))
                .endsWith(",\"extensions:ApplyLink\":{\"@context\":"
                + "\"https://openbadgespec.org/extensions/applyLinkExtension/context.json\",\"type\":[\"Extension\","
                + "\"extensions:ApplyLink\"],\"url\":\"https://issuer.example/apply/1\"}}");
        assertThat(Ob2DocumentWriter.withApplyLink(without, null)).isSameAs(without);
    }

    /** Publishes issuer, badge class, key, revocation list and the hosted assertion; answers the assertion. */
    private byte[] publishAll(List<Ob2DocumentWriter.Revoked> revoked) {
        publish(ISSUER, Ob2DocumentWriter.issuer(new Ob2DocumentWriter.IssuerDraft(ISSUER, "Les Amis du Quartier",
                "https://amis.example", "contact@amis.example", null, null, List.of(KEY), REVOCATIONS)));
        publish(BADGE, Ob2DocumentWriter.badgeClass(new Ob2DocumentWriter.BadgeClassDraft(BADGE,
                "Animation d'assemblée", "A animé une assemblée générale.", "https://issuer.example/b/1/image",
                "Animer les débats", ISSUER, List.of(new Ob2DocumentWriter.AlignmentDraft("animer une réunion",
                "https://esco.example/skill/1", "ESCO", null)), List.of("vie associative"))));
        publish(KEY, Ob2Writer.write(CryptographicKey.of(URI.create(KEY), URI.create(ISSUER), rsa.getPublic())));
        publish(REVOCATIONS, Ob2DocumentWriter.revocationList(
                new Ob2DocumentWriter.RevocationListDraft(REVOCATIONS, ISSUER, revoked)));
        byte[] assertion = Ob2DocumentWriter.assertion(new Ob2DocumentWriter.AssertionDraft(ASSERTION,
                IdentityObject.hashedEmail(EMAIL), BADGE, Instant.parse("2026-05-20T09:30:00Z"),
                Instant.parse("2027-05-20T09:30:00Z"), new Ob2DocumentWriter.EvidenceDraft(null, "A animé l'AG.")));
        publish(ASSERTION, assertion);
        return assertion;
    }

    private void publish(String url, byte[] document) {
        URI uri = URI.create(url);
        served.put(uri, new FetchedDocument(uri, uri, "application/ld+json", document));
    }

    private VerificationReport verify(String input) {
        Verifier verifier = new Verifier(new OfflineDocumentFetcher(served), new Baker(BakingLimits.defaults()), CLOCK);
        return verifier.verify(new VerificationRequest(new VerificationRequest.Text(input), EMAIL));
    }
}
