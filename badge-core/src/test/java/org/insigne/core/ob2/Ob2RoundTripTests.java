package org.insigne.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.testing.HostileInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;

import tools.jackson.databind.node.ObjectNode;

/**
 * Issues hosted and signed assertions, verifies them, then changes one thing at a time and checks that the
 * check responsible for it, and only a relevant one, fails.
 */
class Ob2RoundTripTests {

    private static java.security.KeyPair rsa;
    private static java.security.KeyPair ec;

    @BeforeAll
    static void keys() throws Exception {
        rsa = Ob2Fixture.rsa();
        ec = Ob2Fixture.ec();
    }

    private static Check check(VerificationReport report, String id) {
        return report.check(id).orElseThrow(() -> new AssertionError("no check " + id + " in\n"
                + Ob2ConformanceTests.describe(report)));
    }

    private static void assertFailedOnly(VerificationReport report, String checkId, String messageKey) {
        assertThat(report.verdict()).as(Ob2ConformanceTests.describe(report)).isEqualTo(Verdict.INVALID);
        assertThat(check(report, checkId).status()).as(Ob2ConformanceTests.describe(report))
                .isEqualTo(CheckStatus.FAILED);
        assertThat(check(report, checkId).messageKey()).isEqualTo(messageKey);
        assertThat(report.checks().stream().filter(c -> c.status() == CheckStatus.FAILED))
                .as(Ob2ConformanceTests.describe(report)).hasSize(1);
    }

    @Test
    void verifiesHostedAssertionAndItsRecipient() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String json = fixture.hosted();

        VerificationReport report = fixture.verifier().verify(json, "  marie.curie@example.org ");

        assertThat(report.verdict()).as(Ob2ConformanceTests.describe(report)).isEqualTo(Verdict.VALID);
        assertThat(check(report, "ob2.hosted-copy").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(report, "ob2.hosted-scope").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(report, "ob2.recipient").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.badgeView()).hasValueSatisfying(view -> {
            assertThat(view.name()).isEqualTo("Robotique — niveau 1");
            assertThat(view.issuer().name()).isEqualTo("École des robots");
            assertThat(view.tags()).containsExactly("robotique", "STEM");
            assertThat(view.alignments()).extracting(a -> a.targetName()).containsExactly("Robotics 101");
            assertThat(view.evidence()).extracting(e -> e.narrative()).containsExactly("Vidéo du robot.");
            assertThat(view.criteriaNarrative()).startsWith("Construire");
        });
    }

    @Test
    void verifiesHostedAssertionGivenByUrl() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        fixture.hosted();

        VerificationReport report = fixture.verifier().verify(Ob2Fixture.HOSTED.toString(), null);

        assertThat(report.verdict()).as(Ob2ConformanceTests.describe(report)).isEqualTo(Verdict.VALID);
        assertThat(check(report, "ob2.hosted-copy").messageKey()).isEqualTo("ob2.hosted-copy.fetched");
    }

    @Test
    void verifiesRs256SignedAssertion() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);

        VerificationReport report = fixture.verifier().verify(fixture.signed(), Ob2Fixture.EMAIL);

        assertThat(report.verdict()).as(Ob2ConformanceTests.describe(report)).isEqualTo(Verdict.VALID);
        assertThat(check(report, "ob2.signature").args()).contains("RS256");
        assertThat(check(report, "ob2.recipient").status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void verifiesEs256SignedAssertion() {
        Ob2Fixture fixture = new Ob2Fixture(ec);

        VerificationReport report = fixture.verifier().verify(fixture.signed(), null);

        assertThat(report.verdict()).as(Ob2ConformanceTests.describe(report)).isEqualTo(Verdict.VALID);
        assertThat(check(report, "ob2.signature").args()).contains("ES256");
    }

    @Test
    void failsRecipientCheckForSomeoneElse() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);

        VerificationReport report = fixture.verifier().verify(fixture.signed(), "pierre.curie@example.org");

        assertFailedOnly(report, "ob2.recipient", "ob2.recipient.differs");
    }

    /** Re-encodes the payload with one change and keeps the original signature. */
    private static String tamper(String jws, java.util.function.Consumer<ObjectNode> change) throws Exception {
        String[] parts = jws.split("\\.");
        ObjectNode payload = (ObjectNode) Ob2Json.parse(Base64.getUrlDecoder().decode(parts[1]));
        change.accept(payload);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(
                Ob2Json.mapper().writeValueAsBytes(payload));
        return parts[0] + "." + encoded + "." + parts[2];
    }

    @Test
    @HostileInput("S6")
    void failsSignatureWhenRecipientChangedInSignedPayload() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String forged = tamper(fixture.signed(), p -> p.set("recipient",
                IdentityObject.hashedEmail("mallory@example.org").json()));

        VerificationReport report = fixture.verifier().verify(forged, "mallory@example.org");

        assertThat(check(report, "ob2.signature").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(report, "ob2.signature").messageKey()).isEqualTo("ob2.signature.bad");
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    @HostileInput("S6")
    void failsSignatureWhenBadgeChangedInSignedPayload() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        ObjectNode other = fixture.badge.deepCopy();
        URI otherId = URI.create("https://issuer.example/badges/expert.json");
        other.put("id", otherId.toString());
        other.put("name", "Expert");
        fixture.publish(otherId, other);
        String forged = tamper(fixture.signed(), p -> p.put("badge", otherId.toString()));

        assertFailedOnly(fixture.verifier().verify(forged, null), "ob2.signature", "ob2.signature.bad");
    }

    @Test
    void failsSignatureWhenIssuedOnChangedInSignedPayload() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String forged = tamper(fixture.signed(), p -> p.put("issuedOn", "2020-01-01T00:00:00Z"));

        assertFailedOnly(fixture.verifier().verify(forged, null), "ob2.signature", "ob2.signature.bad");
    }

    @Test
    void failsSignatureWhenOneSignatureByteChanges() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String jws = fixture.signed();
        int at = jws.lastIndexOf('.') + 10;
        char flipped = jws.charAt(at) == 'A' ? 'B' : 'A';
        String forged = jws.substring(0, at) + flipped + jws.substring(at + 1);

        assertFailedOnly(fixture.verifier().verify(forged, null), "ob2.signature", "ob2.signature.bad");
    }

    @Test
    void failsHostedCopyWhenGivenCopyDiffersFromIssuerCopy() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        ObjectNode baked = (ObjectNode) Ob2Json.parse(fixture.hosted());
        baked.put("issuedOn", "2019-01-01T00:00:00Z");

        VerificationReport report = fixture.verifier().verify(baked.toString(), null);

        assertFailedOnly(report, "ob2.hosted-copy", "ob2.hosted-copy.differs");
    }

    @Test
    @HostileInput("S10")
    void failsHostedScopeWhenAssertionLivesOutsideIssuerOrigin() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        URI elsewhere = URI.create("https://attacker.example/assertions/1.json");
        ObjectNode assertion = fixture.assertion(elsewhere, false);
        fixture.publish(elsewhere, assertion);

        VerificationReport report = fixture.verifier().verify(
                new String(Ob2Writer.write(assertion), StandardCharsets.UTF_8), null);

        assertFailedOnly(report, "ob2.hosted-scope", "ob2.hosted-scope.outside");
    }

    @Test
    @HostileInput("S12")
    void failsRevocationWithReasonWhenListed() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        ObjectNode entry = fixture.revocations.withArray("revokedAssertions").addObject();
        entry.put("id", Ob2Fixture.SIGNED.toString());
        entry.put("revocationReason", "Délivré par erreur");
        fixture.publishAll();

        VerificationReport report = fixture.verifier().verify(fixture.signed(), null);

        assertFailedOnly(report, "ob2.revocation", "ob2.revocation.revoked");
        assertThat(check(report, "ob2.revocation").args()).containsExactly("Délivré par erreur");
    }

    @Test
    @HostileInput("S12")
    void failsRevocationWhenHostAnswersGone() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String json = fixture.hosted();
        fixture.failures.put(Ob2Fixture.HOSTED, new FetchFailed(Ob2Fixture.HOSTED, FetchFailed.Reason.HTTP_STATUS, 410));

        VerificationReport report = fixture.verifier().verify(json, null);

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check(report, "ob2.revocation").status()).isEqualTo(CheckStatus.FAILED);
    }

    @Test
    void carriesTheReasonAGoneHostSends() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String json = fixture.hosted();
        fixture.failures.put(Ob2Fixture.HOSTED, new FetchFailed(Ob2Fixture.HOSTED, FetchFailed.Reason.HTTP_STATUS, 410)
                .withBody("{\"revoked\": true, \"revocationReason\": \"Délivré par erreur\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        VerificationReport report = fixture.verifier().verify(json, null);

        assertFailedOnly(report, "ob2.revocation", "ob2.revocation.revoked");
        assertThat(check(report, "ob2.revocation").args()).containsExactly("Délivré par erreur");
    }

    @Test
    void ignoresAGoneBodyThatIsNotJson() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String json = fixture.hosted();
        fixture.failures.put(Ob2Fixture.HOSTED, new FetchFailed(Ob2Fixture.HOSTED, FetchFailed.Reason.HTTP_STATUS, 410)
                .withBody("<html>gone</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        VerificationReport report = fixture.verifier().verify(json, null);

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check(report, "ob2.revocation").messageKey()).isEqualTo("ob2.revocation.revoked-no-reason");
    }

    @Test
    @HostileInput("S12")
    void failsRevocationWhenHostedCopySaysRevoked() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String json = fixture.hosted();
        ObjectNode revoked = Ob2Fixture.object();
        revoked.put("id", Ob2Fixture.HOSTED.toString());
        revoked.put("revoked", true);
        revoked.put("revocationReason", "Fraude");
        fixture.publish(Ob2Fixture.HOSTED, revoked);

        VerificationReport report = fixture.verifier().verify(json, null);

        assertFailedOnly(report, "ob2.revocation", "ob2.revocation.revoked");
        assertThat(check(report, "ob2.revocation").args()).containsExactly("Fraude");
    }

    @Test
    void failsExpiryWhenExpired() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        ObjectNode assertion = fixture.assertion(Ob2Fixture.SIGNED, true);
        assertion.put("expires", "2026-05-31T00:00:00Z");

        assertFailedOnly(fixture.verifier().verify(fixture.signed(assertion), null), "ob2.expiry",
                "ob2.expiry.expired");
    }

    @Test
    @HostileInput("S1")
    void failsSignatureForAlgNone() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String unsigned = new PlainObject(new Payload(Ob2Writer.write(fixture.assertion(Ob2Fixture.SIGNED, true))))
                .serialize();

        VerificationReport report = fixture.verifier().verify(unsigned, null);

        assertFailedOnly(report, "ob2.signature", "signing.jws.unsigned");
    }

    @Test
    @HostileInput("S2")
    void failsSignatureForHs256WithThePublicKeyAsSecret() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        JWSObject hmac = new JWSObject(new JWSHeader(JWSAlgorithm.HS256),
                new Payload(Ob2Writer.write(fixture.assertion(Ob2Fixture.SIGNED, true))));
        hmac.sign(new MACSigner(rsa.getPublic().getEncoded()));

        assertFailedOnly(fixture.verifier().verify(hmac.serialize(), null), "ob2.signature",
                "signing.jws.symmetric-algorithm");
    }

    @Test
    @HostileInput("S11")
    void failsSignatureWhenCreatorIsNotListedByIssuer() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        URI rogue = URI.create("https://issuer.example/keys/rogue.json");
        fixture.publish(rogue, CryptographicKey.of(rogue, Ob2Fixture.ISSUER,
                rsa.getPublic()).json());
        ObjectNode assertion = fixture.assertion(Ob2Fixture.SIGNED, true);
        assertion.withObject("verification").put("creator", rogue.toString());

        assertFailedOnly(fixture.verifier().verify(fixture.signed(assertion), null), "ob2.signature",
                "ob2.signature.creator-not-listed");
    }

    @Test
    void failsSignatureWhenKeyOwnerIsNotTheIssuer() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        fixture.publish(Ob2Fixture.KEY, CryptographicKey.of(Ob2Fixture.KEY,
                URI.create("https://attacker.example/profile.json"), rsa.getPublic()).json());

        assertFailedOnly(fixture.verifier().verify(fixture.signed(), null), "ob2.signature",
                "ob2.signature.key-owner-mismatch");
    }

    @Test
    @HostileInput("S3")
    void failsSignatureWhenHeaderBringsItsOwnKey() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        java.security.KeyPair attacker = Ob2Fixture.rsa();
        RSAKey jwk = new RSAKey.Builder((java.security.interfaces.RSAPublicKey) attacker.getPublic()).build();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(jwk).build(),
                new Payload(Ob2Writer.write(fixture.assertion(Ob2Fixture.SIGNED, true))));
        jws.sign(new RSASSASigner(attacker.getPrivate()));

        assertFailedOnly(fixture.verifier().verify(jws.serialize(), null), "ob2.signature",
                "signing.jws.embedded-key");
    }

    @Test
    void failsSignatureWhenSignedByAnotherKey() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        Ob2Fixture impostor = new Ob2Fixture(Ob2Fixture.rsa());

        assertFailedOnly(fixture.verifier().verify(impostor.signed(), null), "ob2.signature",
                "ob2.signature.bad");
    }

    @Test
    @HostileInput("S13")
    void isIndeterminateWhenRevocationListIsUnreachable() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        fixture.failures.put(Ob2Fixture.REVOCATIONS, new FetchFailed(Ob2Fixture.REVOCATIONS,
                FetchFailed.Reason.TIMEOUT));

        VerificationReport report = fixture.verifier().verify(fixture.signed(), null);

        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(check(report, "ob2.revocation").status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void isIndeterminateWhenIssuerIsUnreachable() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        fixture.failures.put(Ob2Fixture.ISSUER, new FetchFailed(Ob2Fixture.ISSUER, FetchFailed.Reason.UNREACHABLE));

        VerificationReport report = fixture.verifier().verify(fixture.signed(), null);

        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
    }

    @Test
    void signedPayloadIsExactlyTheGivenBytes() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        byte[] bytes = Ob2Writer.write(fixture.assertion(Ob2Fixture.SIGNED, true));
        String jws = fixture.signed(fixture.assertion(Ob2Fixture.SIGNED, true));

        assertThat(Base64.getUrlDecoder().decode(jws.split("\\.")[1])).isEqualTo(bytes);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith(
                "{\"@context\":\"https://w3id.org/openbadges/v2\",\"id\":");
    }
}
