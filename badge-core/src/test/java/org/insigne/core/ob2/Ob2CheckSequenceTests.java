package org.insigne.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;

import javax.imageio.ImageIO;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/**
 * Pins the whole sequence of checks (id, outcome, message key, arguments) that verifying representative
 * OB 2.0 inputs gives through {@link Verifier}: issued badges and the pages showing their reports depend on
 * every one of them, in this order.
 */
class Ob2CheckSequenceTests {

    private static final Baker BAKER = new Baker(BakingLimits.defaults());
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
            + "<rect width=\"10\" height=\"10\" fill=\"#336\"/></svg>";
    private static final String HOSTED = Ob2Fixture.HOSTED.toString();

    private static KeyPair rsa;
    private static byte[] png;

    @BeforeAll
    static void setUp() throws Exception {
        rsa = Ob2Fixture.rsa();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        png = out.toByteArray();
    }

    private static void assertSequence(List<String> actual, String expected) {
        assertThat(actual).containsExactlyElementsOf(expected.lines().map(String::strip).toList());
    }

    private static List<String> sequence(Ob2Fixture fixture, VerificationRequest request) {
        VerificationReport report = new Verifier(fixture.fetcher(), BAKER, Ob2Fixture.CLOCK)
                .verify(request.withRecipient(Ob2Fixture.EMAIL));
        List<String> lines = new java.util.ArrayList<>();
        lines.add(report.spec() + " " + report.verdict());
        report.checks().forEach(c -> lines.add(c.id() + " " + c.status() + " " + c.messageKey() + " " + c.args()));
        return lines;
    }

    @Test
    void validHostedAssertion() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);

        assertSequence(sequence(fixture, VerificationRequest.ofText(fixture.hosted())), """
                OB2 VALID
                ob2.parse PASSED ob2.parse.json []
                ob2.hosted-copy PASSED ob2.hosted-copy.same [https://issuer.example/assertions/1.json]
                ob2.structure PASSED ob2.structure.ok []
                ob2.badge-class PASSED ob2.badge-class.fetched [Robotique — niveau 1, https://issuer.example/badges/robotics.json]
                ob2.badge-image PASSED ob2.badge-image.ok []
                ob2.issuer PASSED ob2.issuer.fetched [École des robots]
                ob2.hosted-scope PASSED ob2.hosted-scope.ok [issuer.example]
                ob2.signature SKIPPED ob2.signature.hosted []
                ob2.expiry PASSED ob2.expiry.no-expiry []
                ob2.revocation PASSED ob2.revocation.not-listed []
                ob2.recipient PASSED ob2.recipient.matches [Marie.Curie@Example.org]
                ob2.endorsements SKIPPED ob2.endorsements.none []
                """);
    }

    @Test
    void validSignedAssertion() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);

        assertSequence(sequence(fixture, VerificationRequest.ofText(fixture.signed())), """
                OB2 VALID
                ob2.parse PASSED ob2.parse.jws []
                ob2.structure PASSED ob2.structure.ok []
                ob2.badge-class PASSED ob2.badge-class.fetched [Robotique — niveau 1, https://issuer.example/badges/robotics.json]
                ob2.badge-image PASSED ob2.badge-image.ok []
                ob2.issuer PASSED ob2.issuer.fetched [École des robots]
                ob2.hosted-scope SKIPPED ob2.hosted-scope.signed []
                ob2.signature PASSED ob2.signature.ok [https://issuer.example/keys/1.json, RS256]
                ob2.expiry PASSED ob2.expiry.no-expiry []
                ob2.revocation PASSED ob2.revocation.not-listed []
                ob2.recipient PASSED ob2.recipient.matches [Marie.Curie@Example.org]
                ob2.endorsements SKIPPED ob2.endorsements.none []
                """);
    }

    @Test
    void revokedSignedAssertion() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        ObjectNode entry = fixture.revocations.withArray("revokedAssertions").addObject();
        entry.put("id", Ob2Fixture.SIGNED.toString());
        entry.put("revocationReason", "Délivré par erreur");
        fixture.publishAll();

        assertSequence(sequence(fixture, VerificationRequest.ofText(fixture.signed())), """
                OB2 INVALID
                ob2.parse PASSED ob2.parse.jws []
                ob2.structure PASSED ob2.structure.ok []
                ob2.badge-class PASSED ob2.badge-class.fetched [Robotique — niveau 1, https://issuer.example/badges/robotics.json]
                ob2.badge-image PASSED ob2.badge-image.ok []
                ob2.issuer PASSED ob2.issuer.fetched [École des robots]
                ob2.hosted-scope SKIPPED ob2.hosted-scope.signed []
                ob2.signature PASSED ob2.signature.ok [https://issuer.example/keys/1.json, RS256]
                ob2.expiry PASSED ob2.expiry.no-expiry []
                ob2.revocation FAILED ob2.revocation.revoked [Délivré par erreur]
                ob2.recipient PASSED ob2.recipient.matches [Marie.Curie@Example.org]
                ob2.endorsements SKIPPED ob2.endorsements.none []
                """);
    }

    @Test
    void hostedAssertionWhoseHostAnswersGone() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String json = fixture.hosted();
        fixture.failures.put(Ob2Fixture.HOSTED, new FetchFailed(Ob2Fixture.HOSTED, FetchFailed.Reason.HTTP_STATUS, 410)
                .withBody("{\"revoked\": true, \"revocationReason\": \"Fraude\"}".getBytes(StandardCharsets.UTF_8)));

        assertSequence(sequence(fixture, VerificationRequest.ofText(json)), """
                OB2 INVALID
                ob2.parse PASSED ob2.parse.json []
                ob2.hosted-copy SKIPPED ob2.hosted-copy.gone [https://issuer.example/assertions/1.json]
                ob2.structure PASSED ob2.structure.ok []
                ob2.badge-class PASSED ob2.badge-class.fetched [Robotique — niveau 1, https://issuer.example/badges/robotics.json]
                ob2.badge-image PASSED ob2.badge-image.ok []
                ob2.issuer PASSED ob2.issuer.fetched [École des robots]
                ob2.hosted-scope PASSED ob2.hosted-scope.ok [issuer.example]
                ob2.signature SKIPPED ob2.signature.hosted []
                ob2.expiry PASSED ob2.expiry.no-expiry []
                ob2.revocation FAILED ob2.revocation.revoked [Fraude]
                ob2.recipient PASSED ob2.recipient.matches [Marie.Curie@Example.org]
                ob2.endorsements SKIPPED ob2.endorsements.none []
                """);
        assertSequence(sequence(fixture, VerificationRequest.ofUrl(HOSTED)), """
                OB2 INVALID
                ob2.parse PASSED ob2.parse.url [https://issuer.example/assertions/1.json]
                ob2.revocation FAILED ob2.revocation.gone-reason [https://issuer.example/assertions/1.json, Fraude]
                """);
    }

    @Test
    void expiredSignedAssertion() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        ObjectNode assertion = fixture.assertion(Ob2Fixture.SIGNED, true);
        assertion.put("expires", "2026-05-31T00:00:00Z");

        assertSequence(sequence(fixture, VerificationRequest.ofText(fixture.signed(assertion))), """
                OB2 INVALID
                ob2.parse PASSED ob2.parse.jws []
                ob2.structure PASSED ob2.structure.ok []
                ob2.badge-class PASSED ob2.badge-class.fetched [Robotique — niveau 1, https://issuer.example/badges/robotics.json]
                ob2.badge-image PASSED ob2.badge-image.ok []
                ob2.issuer PASSED ob2.issuer.fetched [École des robots]
                ob2.hosted-scope SKIPPED ob2.hosted-scope.signed []
                ob2.signature PASSED ob2.signature.ok [https://issuer.example/keys/1.json, RS256]
                ob2.expiry FAILED ob2.expiry.expired [2026-05-31T00:00:00Z]
                ob2.revocation PASSED ob2.revocation.not-listed []
                ob2.recipient PASSED ob2.recipient.matches [Marie.Curie@Example.org]
                ob2.endorsements SKIPPED ob2.endorsements.none []
                """);
    }

    @Test
    void signedAssertionWithBrokenSignature() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String jws = fixture.signed();
        String broken = jws.substring(0, jws.length() - 4) + (jws.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertSequence(sequence(fixture, VerificationRequest.ofText(broken)), """
                OB2 INVALID
                ob2.parse PASSED ob2.parse.jws []
                ob2.structure PASSED ob2.structure.ok []
                ob2.badge-class PASSED ob2.badge-class.fetched [Robotique — niveau 1, https://issuer.example/badges/robotics.json]
                ob2.badge-image PASSED ob2.badge-image.ok []
                ob2.issuer PASSED ob2.issuer.fetched [École des robots]
                ob2.hosted-scope SKIPPED ob2.hosted-scope.signed []
                ob2.signature FAILED ob2.signature.bad []
                ob2.expiry PASSED ob2.expiry.no-expiry []
                ob2.revocation PASSED ob2.revocation.not-listed []
                ob2.recipient PASSED ob2.recipient.matches [Marie.Curie@Example.org]
                ob2.endorsements SKIPPED ob2.endorsements.none []
                """);
    }

    @Test
    void signedAssertionBakedInPng() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        byte[] baked = BAKER.bake(png, new BakedPayload(PayloadKind.OB2_ASSERTION, fixture.signed(), null));

        assertSequence(sequence(fixture, VerificationRequest.ofFile(baked)), """
                OB2 VALID
                ob2.parse PASSED ob2.parse.jws []
                ob2.structure PASSED ob2.structure.ok []
                ob2.badge-class PASSED ob2.badge-class.fetched [Robotique — niveau 1, https://issuer.example/badges/robotics.json]
                ob2.badge-image PASSED ob2.badge-image.ok []
                ob2.issuer PASSED ob2.issuer.fetched [École des robots]
                ob2.hosted-scope SKIPPED ob2.hosted-scope.signed []
                ob2.signature PASSED ob2.signature.ok [https://issuer.example/keys/1.json, RS256]
                ob2.expiry PASSED ob2.expiry.no-expiry []
                ob2.revocation PASSED ob2.revocation.not-listed []
                ob2.recipient PASSED ob2.recipient.matches [Marie.Curie@Example.org]
                ob2.endorsements SKIPPED ob2.endorsements.none []
                """);
    }

    @Test
    void hostedAssertionBakedInSvg() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        byte[] baked = BAKER.bake(SVG.getBytes(StandardCharsets.UTF_8),
                new BakedPayload(PayloadKind.OB2_ASSERTION, fixture.hosted(), HOSTED));

        assertSequence(sequence(fixture, VerificationRequest.ofFile(baked)), """
                OB2 VALID
                ob2.parse PASSED ob2.parse.json []
                ob2.hosted-copy PASSED ob2.hosted-copy.same [https://issuer.example/assertions/1.json]
                ob2.structure PASSED ob2.structure.ok []
                ob2.badge-class PASSED ob2.badge-class.fetched [Robotique — niveau 1, https://issuer.example/badges/robotics.json]
                ob2.badge-image PASSED ob2.badge-image.ok []
                ob2.issuer PASSED ob2.issuer.fetched [École des robots]
                ob2.hosted-scope PASSED ob2.hosted-scope.ok [issuer.example]
                ob2.signature SKIPPED ob2.signature.hosted []
                ob2.expiry PASSED ob2.expiry.no-expiry []
                ob2.revocation PASSED ob2.revocation.not-listed []
                ob2.recipient PASSED ob2.recipient.matches [Marie.Curie@Example.org]
                ob2.endorsements SKIPPED ob2.endorsements.none []
                """);
    }

    @Test
    void hostedAssertionByUrl() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        fixture.hosted();

        assertSequence(sequence(fixture, VerificationRequest.ofUrl(HOSTED)), """
                OB2 VALID
                ob2.parse PASSED ob2.parse.url [https://issuer.example/assertions/1.json]
                ob2.hosted-copy PASSED ob2.hosted-copy.fetched [https://issuer.example/assertions/1.json]
                ob2.structure PASSED ob2.structure.ok []
                ob2.badge-class PASSED ob2.badge-class.fetched [Robotique — niveau 1, https://issuer.example/badges/robotics.json]
                ob2.badge-image PASSED ob2.badge-image.ok []
                ob2.issuer PASSED ob2.issuer.fetched [École des robots]
                ob2.hosted-scope PASSED ob2.hosted-scope.ok [issuer.example]
                ob2.signature SKIPPED ob2.signature.hosted []
                ob2.expiry PASSED ob2.expiry.no-expiry []
                ob2.revocation PASSED ob2.revocation.not-listed []
                ob2.recipient PASSED ob2.recipient.matches [Marie.Curie@Example.org]
                ob2.endorsements SKIPPED ob2.endorsements.none []
                """);
        assertSequence(sequence(fixture, VerificationRequest.ofText(HOSTED)), """
                OB2 VALID
                ob2.parse PASSED ob2.parse.url [https://issuer.example/assertions/1.json]
                ob2.hosted-copy PASSED ob2.hosted-copy.fetched [https://issuer.example/assertions/1.json]
                ob2.structure PASSED ob2.structure.ok []
                ob2.badge-class PASSED ob2.badge-class.fetched [Robotique — niveau 1, https://issuer.example/badges/robotics.json]
                ob2.badge-image PASSED ob2.badge-image.ok []
                ob2.issuer PASSED ob2.issuer.fetched [École des robots]
                ob2.hosted-scope PASSED ob2.hosted-scope.ok [issuer.example]
                ob2.signature SKIPPED ob2.signature.hosted []
                ob2.expiry PASSED ob2.expiry.no-expiry []
                ob2.revocation PASSED ob2.revocation.not-listed []
                ob2.recipient PASSED ob2.recipient.matches [Marie.Curie@Example.org]
                ob2.endorsements SKIPPED ob2.endorsements.none []
                """);
    }

    @Test
    void signedAssertionByUrl() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        fixture.documents.put(Ob2Fixture.HOSTED, new org.insigne.core.fetch.FetchedDocument(Ob2Fixture.HOSTED,
                Ob2Fixture.HOSTED, "application/jose", fixture.signed().getBytes(StandardCharsets.UTF_8)));

        assertSequence(sequence(fixture, VerificationRequest.ofUrl(HOSTED)), """
                OB2 VALID
                ob2.parse PASSED ob2.parse.jws [https://issuer.example/assertions/1.json]
                ob2.structure PASSED ob2.structure.ok []
                ob2.badge-class PASSED ob2.badge-class.fetched [Robotique — niveau 1, https://issuer.example/badges/robotics.json]
                ob2.badge-image PASSED ob2.badge-image.ok []
                ob2.issuer PASSED ob2.issuer.fetched [École des robots]
                ob2.hosted-scope SKIPPED ob2.hosted-scope.signed []
                ob2.signature PASSED ob2.signature.ok [https://issuer.example/keys/1.json, RS256]
                ob2.expiry PASSED ob2.expiry.no-expiry []
                ob2.revocation PASSED ob2.revocation.not-listed []
                ob2.recipient PASSED ob2.recipient.matches [Marie.Curie@Example.org]
                ob2.endorsements SKIPPED ob2.endorsements.none []
                """);
    }

    @Test
    void badgeClassGivenInsteadOfAnAssertion() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);

        assertSequence(sequence(fixture, VerificationRequest.ofText(fixture.badge.toString())), """
                OB2 VALID
                ob2.parse PASSED ob2.parse.json []
                ob2.context WARNING ob2.context.absent []
                ob2.structure PASSED ob2.structure.ok []
                ob2.document-kind WARNING ob2.document-kind.badge-class [Robotique — niveau 1]
                ob2.badge-image PASSED ob2.badge-image.ok []
                ob2.issuer PASSED ob2.issuer.fetched [École des robots]
                """);
    }
}
