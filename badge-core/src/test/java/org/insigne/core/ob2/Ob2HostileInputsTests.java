package org.insigne.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.Baker;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckMessages;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.Spec;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verifier;
import org.insigne.testing.HostileInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;

import tools.jackson.databind.node.ObjectNode;

/** The OB 2.0 rows of HOSTILE-INPUTS.md (S1–S4, S6, S10–S12, B4) and malformed input of every size and shape. */
class Ob2HostileInputsTests {

    private static java.security.KeyPair rsa;

    @BeforeAll
    static void keys() throws Exception {
        rsa = Ob2Fixture.rsa();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Check only(VerificationReport report, String id) {
        return report.check(id).orElseThrow(() -> new AssertionError(Ob2ConformanceTests.describe(report)));
    }

    private static void assertFailed(VerificationReport report, String checkId, String key) {
        assertThat(report.verdict()).as(Ob2ConformanceTests.describe(report)).isEqualTo(Verdict.INVALID);
        Check check = only(report, checkId);
        assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check.messageKey()).isEqualTo(key);
        assertThat(CheckMessages.render(check, Locale.FRENCH)).isNotEqualTo(key);
    }

    private String payload(Ob2Fixture fixture) {
        return new String(Ob2Writer.write(fixture.assertion(Ob2Fixture.SIGNED, true)), StandardCharsets.UTF_8);
    }

    @Test
    @HostileInput("S1")
    void refusesAlgNoneInAnyCase() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        for (String alg : new String[] {"none", "None", "NONE", ""}) {
            String token = b64("{\"alg\":\"" + alg + "\"}") + "." + b64(payload(fixture)) + ".";
            assertFailed(fixture.verifier().verify(token, null), "ob2.signature", "signing.jws.unsigned");
        }
    }

    @Test
    @HostileInput("S1")
    void refusesEmptySignatureEvenWithAnAsymmetricAlgorithm() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String token = b64("{\"alg\":\"RS256\"}") + "." + b64(payload(fixture)) + ".";

        assertFailed(fixture.verifier().verify(token, null), "ob2.signature", "signing.jws.unsigned");
    }

    @Test
    @HostileInput("S2")
    void refusesEveryHmacAlgorithm() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        for (String alg : new String[] {"HS256", "HS384", "HS512"}) {
            String token = b64("{\"alg\":\"" + alg + "\"}") + "." + b64(payload(fixture)) + ".c2lnbmF0dXJl";
            assertFailed(fixture.verifier().verify(token, null), "ob2.signature", "signing.jws.symmetric-algorithm");
        }
    }

    @Test
    @HostileInput("S3")
    void refusesKeysOrKeyLocationsInTheHeader() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        for (String header : new String[] {"\"jku\":\"https://attacker.example/jwks.json\"",
                "\"x5u\":\"https://attacker.example/cert.pem\"", "\"jwk\":{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}"}) {
            String token = b64("{\"alg\":\"RS256\"," + header + "}") + "." + b64(payload(fixture)) + ".c2ln";
            assertFailed(fixture.verifier().verify(token, null), "ob2.signature", "signing.jws.embedded-key");
        }
    }

    @Test
    @HostileInput("S3")
    void ignoresKidAndTakesTheKeyFromTheIssuerProfile() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        java.security.KeyPair attacker = Ob2Fixture.rsa();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("https://attacker.example/key.json").build(), new Payload(payload(fixture)));
        jws.sign(new RSASSASigner(attacker.getPrivate()));

        assertFailed(fixture.verifier().verify(jws.serialize(), null), "ob2.signature", "ob2.signature.bad");
    }

    @Test
    @HostileInput("S4")
    void refusesJweUpFront() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String jwe = b64("{\"alg\":\"PBES2-HS256+A128KW\",\"enc\":\"A128GCM\",\"p2c\":2147483647}") + ".a.b.c.d";

        assertFailed(fixture.verifier().verify(jwe, null), "ob2.parse", "signing.jws.encrypted");
    }

    @Test
    @HostileInput("S4")
    void refusesOversizedToken() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String token = b64("{\"alg\":\"RS256\"}") + "." + "A".repeat(3 * 1024 * 1024) + ".c2ln";

        assertFailed(fixture.verifier().verify(token, null), "ob2.parse", "signing.jws.too-large");
    }

    @Test
    @HostileInput("S4")
    void refusesDeeplyNestedJsonWithoutStackOverflow() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

        assertFailed(fixture.verifier().verify(deep, null), "ob2.parse", "ob2.read.too-deep");
        String token = b64("{\"alg\":\"RS256\"}") + "." + b64(deep) + ".c2ln";
        assertFailed(fixture.verifier().verify(token, null), "ob2.parse", "ob2.read.too-deep");
        String deepArrays = "[".repeat(10_000) + "]".repeat(10_000);
        assertFailed(fixture.verifier().verify(deepArrays, null), "ob2.parse", "ob2.read.too-deep");
    }

    @Test
    @HostileInput("S4")
    void refusesJsonOverTwoMegabytes() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String big = "{\"narrative\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";

        assertFailed(fixture.verifier().verify(big, null), "ob2.parse", "ob2.read.too-large");
    }

    @Test
    void reportsMalformedJsonAndNonJsonAsParseFailures() {
        Ob2Verifier verifier = new Ob2Fixture(rsa).verifier();

        assertFailed(verifier.verify("{\"type\": \"Assertion\",", null), "ob2.parse", "ob2.read.malformed-json");
        assertFailed(verifier.verify("bonjour, voici mon badge", null), "ob2.parse", "ob2.parse.unrecognised");
        assertFailed(verifier.verify("[1, 2, 3]", null), "ob2.parse", "ob2.read.not-an-object");
        assertFailed(verifier.verify("", null), "ob2.parse", "ob2.parse.empty");
    }

    @Test
    @HostileInput("B4")
    void findsNoBadgeInEmptyOrForeignJson() {
        Ob2Verifier verifier = new Ob2Fixture(rsa).verifier();
        Verifier universal = new Verifier(new Ob2Fixture(rsa).fetcher(), new Baker(BakingLimits.defaults()), Ob2Fixture.CLOCK);

        assertFailed(verifier.verify("{}", null), "ob2.parse", "ob2.parse.not-a-badge");
        for (String json : new String[] {"{}", "{\"hello\":\"world\"}", "{\"@context\":\"https://schema.org\"}"}) {
            VerificationReport report = universal.verify(VerificationRequest.ofText(json));
            assertThat(report.spec()).isEqualTo(Spec.UNKNOWN);
            assertFailed(report, "input.unrecognised", "input.unrecognised");
            assertThat(CheckMessages.render(report.checks().get(0), Locale.FRENCH)).startsWith("Aucun Open Badge trouvé");
        }
    }

    @Test
    @HostileInput("S6")
    void failsSignatureWhenEvidenceIsAddedAfterSigning() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String[] parts = fixture.signed().split("\\.");
        ObjectNode payload = fixture.assertion(Ob2Fixture.SIGNED, true);
        payload.withArray("evidence").addObject().put("id", "https://fake.example/more-work");
        String forged = parts[0] + "." + b64(new String(Ob2Writer.write(payload), StandardCharsets.UTF_8)) + "."
                + parts[2];

        assertFailed(fixture.verifier().verify(forged, null), "ob2.signature", "ob2.signature.bad");
    }

    @Test
    @HostileInput("S10")
    void failsHostedAssertionServedFromAnotherOriginOrOutsideStartsWith() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        fixture.issuer.putObject("verification").putArray("startsWith").add("https://issuer.example/badges/public/");
        fixture.publishAll();

        assertFailed(fixture.verifier().verify(fixture.hosted(), null), "ob2.hosted-scope",
                "ob2.hosted-scope.starts-with");
    }

    @Test
    @HostileInput("S10")
    void acceptsHostedAssertionOnAnAllowedOrigin() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        fixture.issuer.put("id", "https://www.issuer.example/profile.json");
        fixture.issuer.putObject("verification").putArray("allowedOrigins").add("issuer.example");
        fixture.badge.put("issuer", "https://www.issuer.example/profile.json");
        fixture.publish(java.net.URI.create("https://www.issuer.example/profile.json"), fixture.issuer);
        fixture.publishAll();

        VerificationReport report = fixture.verifier().verify(fixture.hosted(), null);

        assertThat(only(report, "ob2.hosted-scope").status()).as(Ob2ConformanceTests.describe(report))
                .isEqualTo(CheckStatus.PASSED);
    }

    @Test
    @HostileInput("S11")
    void failsSignatureWhenCreatorKeyIsNotInIssuerPublicKey() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        fixture.issuer.remove("publicKey");
        fixture.publishAll();

        assertFailed(fixture.verifier().verify(fixture.signed(), null), "ob2.signature",
                "ob2.signature.creator-not-listed");
    }

    @Test
    @HostileInput("S12")
    void showsRevokedBadgeAsRevokedWithItsReason() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        ObjectNode entry = fixture.revocations.withArray("revokedAssertions").addObject();
        entry.put("id", Ob2Fixture.HOSTED.toString());
        entry.put("revocationReason", "Conditions non remplies");
        fixture.publishAll();

        VerificationReport report = fixture.verifier().verify(fixture.hosted(), null);

        assertFailed(report, "ob2.revocation", "ob2.revocation.revoked");
        assertThat(CheckMessages.render(only(report, "ob2.revocation"), Locale.FRENCH))
                .isEqualTo("Ce badge a été révoqué par son émetteur. Motif : Conditions non remplies");
    }

    @Test
    @HostileInput("S12")
    void showsGoneHostedBadgeAsRevokedWhenGivenByUrl() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        fixture.failures.put(Ob2Fixture.HOSTED, new FetchFailed(Ob2Fixture.HOSTED, FetchFailed.Reason.HTTP_STATUS, 410));
        Verifier universal = new Verifier(fixture.fetcher(), new Baker(BakingLimits.defaults()), Ob2Fixture.CLOCK);

        VerificationReport report = universal.verify(VerificationRequest.ofUrl(Ob2Fixture.HOSTED.toString()));

        assertThat(report.spec()).isEqualTo(Spec.OB2);
        assertFailed(report, "ob2.revocation", "ob2.revocation.gone");
    }

    @Test
    void neverThrowsOnTruncatedOrGarbledTokens() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String jws = fixture.signed();
        for (int cut = 1; cut < jws.length(); cut += 97) {
            VerificationReport report = fixture.verifier().verify(jws.substring(0, cut), null);
            assertThat(report.verdict()).isNotEqualTo(Verdict.VALID);
        }
        for (String garbled : new String[] {"a.b.c", "e30.e30.e30", "..", "eyJhbGciOiJSUzI1NiJ9.!!!.abc"}) {
            assertThat(fixture.verifier().verify(garbled, null).verdict()).isEqualTo(Verdict.INVALID);
        }
    }

    @Test
    void reportsAnUnexpectedErrorAsNotVerifiedInsteadOfThrowing() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String json = fixture.hosted();
        Ob2Verifier broken = new Ob2Verifier((uri, expect) -> {
            throw new IllegalStateException("a bug in a fetcher");
        }, Ob2Fixture.CLOCK);

        VerificationReport report = broken.verify(json, null);

        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(only(report, "ob2.internal").status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    @HostileInput("S10")
    void takesTheHostingPolicyFromTheIssuerNotFromAnEmbeddedCopy() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        java.net.URI elsewhere = java.net.URI.create("https://attacker.example/assertions/1.json");
        ObjectNode assertion = fixture.assertion(elsewhere, false);
        ObjectNode badge = fixture.badge.deepCopy();
        ObjectNode forgedIssuer = fixture.issuer.deepCopy();
        forgedIssuer.putObject("verification").putArray("allowedOrigins").add("attacker.example");
        badge.set("issuer", forgedIssuer);
        assertion.set("badge", badge);
        fixture.publish(elsewhere, assertion);

        VerificationReport report = fixture.verifier().verify(
                new String(Ob2Writer.write(assertion), StandardCharsets.UTF_8), null);

        assertFailed(report, "ob2.hosted-scope", "ob2.hosted-scope.outside");
    }

    @Test
    void refusesAnIssuerProfileThatClaimsAnotherSitesId() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        java.net.URI fake = java.net.URI.create("https://attacker.example/issuer.json");
        fixture.publish(fake, fixture.issuer);
        fixture.badge.put("issuer", fake.toString());
        fixture.publishAll();

        assertFailed(fixture.verifier().verify(fixture.signed(), null), "ob2.issuer", "ob2.issuer.served-elsewhere");
    }
}
