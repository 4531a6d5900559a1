package org.insigne.core.ob3;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.signing.Ed25519Keys;
import org.insigne.core.signing.VcJwts;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.testing.HostileInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** VC-JWT round trips (EdDSA, ES256, RS256) and the token attacks of HOSTILE S1–S5. */
class VcJwtVerificationTests {

    private Ob3Fixtures fixtures;

    @BeforeEach
    void publishCleanStatusList() throws Exception {
        fixtures = new Ob3Fixtures();
        fixtures.publishStatusList();
    }

    private VerificationReport verify(String token) {
        return fixtures.verifier().verify(token, null);
    }

    private static String messageKey(VerificationReport report, String id) {
        return report.check(id).map(Check::messageKey).orElseThrow();
    }

    @Test
    void verifiesAnEdDsaTokenSignedWithTheIssuerDidKey() {
        String token = VcJwts.signEdDsa(fixtures.credential(), fixtures.keys, fixtures.method);

        VerificationReport report = verify(token);

        assertThat(messageKey(report, "ob3.parse")).isEqualTo("ob3.parse.jwt");
        assertThat(messageKey(report, "ob3.proof")).isEqualTo("ob3.proof.passed-jwt");
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        assertThat(report.badgeView().orElseThrow().level()).isEqualTo("Je transmets");
    }

    @Test
    void verifiesEs256AndRs256TokensWithKeysFromTheIssuerDocuments() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        String didWeb = "did:web:issuer.example:badges";
        fixtures.fetcher.serve("https://issuer.example/badges/did.json", """
                {"@context": ["https://www.w3.org/ns/did/v1"], "id": "%1$s",
                 "verificationMethod": [{"id": "%1$s#ec", "type": "JsonWebKey", "controller": "%1$s", "publicKeyJwk": %2$s}],
                 "assertionMethod": ["%1$s#ec"]}""".formatted(didWeb, ec.toPublicJWK().toJSONString()));
        String https = "https://issuer.example/profile";
        fixtures.fetcher.serve(https, """
                {"id": "%1$s",
                 "verificationMethod": [{"id": "%1$s#rsa", "type": "JsonWebKey", "controller": "%1$s", "publicKeyJwk": %2$s}],
                 "assertionMethod": ["%1$s#rsa"]}""".formatted(https, rsa.toPublicJWK().toJSONString()));

        ObjectNode byDidWeb = fixtures.credential();
        ((ObjectNode) byDidWeb.get("issuer")).put("id", didWeb);
        byDidWeb.remove("credentialStatus");
        ObjectNode byHttps = fixtures.credential();
        ((ObjectNode) byHttps.get("issuer")).put("id", https);
        byHttps.remove("credentialStatus");

        VerificationReport es256 = verify(VcJwts.sign(byDidWeb, ec, didWeb + "#ec"));
        VerificationReport rs256 = verify(VcJwts.sign(byHttps, rsa, "#rsa"));

        assertThat(es256.verdict()).as(es256.checks().toString()).isEqualTo(Verdict.VALID);
        assertThat(rs256.verdict()).as(rs256.checks().toString()).isEqualTo(Verdict.VALID);
        assertThat(fixtures.fetcher.requested).extracting(Object::toString)
                .contains("https://issuer.example/badges/did.json", https);
    }

    @Test
    @HostileInput("S6")
    void failsWhenThePayloadIsEditedAfterSigning() {
        String token = VcJwts.signEdDsa(fixtures.credential(), fixtures.keys, fixtures.method);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("Soudure TIG", "Soudure MIG");
        String edited = parts[0] + "." + b64(payload) + "." + parts[2];

        assertThat(messageKey(verify(edited), "ob3.proof")).isEqualTo("ob3.proof.bad-signature");
    }

    @Test
    @HostileInput({"S1", "S2"})
    void refusesAlgNoneAndHmacTokens() {
        String payload = b64(VcJwts.payloadOf(fixtures.credential()).toString());
        String none = b64("{\"alg\":\"none\"}") + "." + payload + ".";
        String hs256 = b64("{\"alg\":\"HS256\",\"kid\":\"" + fixtures.method + "\"}") + "." + payload + ".c2lnbmF0dXJl";

        for (String token : new String[] {none, hs256}) {
            VerificationReport report = verify(token);
            assertThat(messageKey(report, "ob3.parse")).isEqualTo("vcjwt.rejected.algorithm-refused");
            assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        }
    }

    @Test
    @HostileInput("S4")
    void refusesEncryptedAndOversizedTokens() {
        String jwe = b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".a.b.c.d";
        String huge = b64("{\"alg\":\"EdDSA\"}") + "." + "A".repeat(3 * 1024 * 1024) + ".sig";

        assertThat(messageKey(verify(jwe), "ob3.parse")).isEqualTo("vcjwt.rejected.encrypted");
        assertThat(messageKey(verify(huge), "ob3.parse")).isEqualTo("vcjwt.rejected.too-large");
    }

    @Test
    @HostileInput("S3")
    void refusesAKidThatBelongsToSomeoneElse() {
        Ob3Fixtures attacker = new Ob3Fixtures();
        String token = VcJwts.signEdDsa(fixtures.credential(), attacker.keys, attacker.method);

        VerificationReport report = verify(token);

        assertThat(messageKey(report, "ob3.proof")).isEqualTo("ob3.proof.wrong-controller");
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    @HostileInput("S3")
    void neverTrustsABareAttackerJwkHeader() throws Exception {
        Ed25519Keys.KeyPair attacker = Ed25519Keys.generate();
        OctetKeyPair jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(attacker.publicKey())).build();
        String header = b64("{\"alg\":\"EdDSA\",\"jwk\":" + jwk.toJSONString() + "}");
        String payload = b64(VcJwts.payloadOf(fixtures.credential()).toString());
        String input = header + "." + payload;
        String token = input + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Ed25519Keys.sign(attacker, input.getBytes(StandardCharsets.US_ASCII)));

        VerificationReport report = verify(token);

        assertThat(messageKey(report, "ob3.proof")).isEqualTo("ob3.proof.jwt-key-not-bound");
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void acceptsTheIssuerOwnKeyInAJwkHeader() {
        OctetKeyPair jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(fixtures.keys.publicKey())).build();
        String token = signRaw("{\"alg\":\"EdDSA\",\"jwk\":" + jwk.toJSONString() + "}",
                VcJwts.payloadOf(fixtures.credential()).toString());

        assertThat(messageKey(verify(token), "ob3.proof")).isEqualTo("ob3.proof.passed-jwt");
    }

    @Test
    @HostileInput("S5")
    void failsWhenTheVcClaimDisagreesWithTheJwtClaims() {
        ObjectNode payload = BoundedJson.MAPPER.createObjectNode();
        payload.set("vc", fixtures.credential());
        payload.put("iss", "did:key:z6MkSomeoneElse");
        payload.put("jti", "urn:uuid:6a1c8d2e-4b5f-4c3a-9e7d-1f2a3b4c5d6e");
        payload.put("nbf", "2026-01-10T08:00:00Z");
        String token = signRaw("{\"alg\":\"EdDSA\",\"kid\":\"" + fixtures.method + "\"}", payload.toString());

        VerificationReport report = verify(token);

        Check proof = report.check("ob3.proof").orElseThrow();
        assertThat(proof.messageKey()).isEqualTo("ob3.proof.jwt-claims");
        assertThat(proof.args().get(0).toString()).contains("iss").contains("nbf").doesNotContain("jti");
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void readsTheVcdm11FormUnderAVcClaim() {
        ObjectNode payload = BoundedJson.MAPPER.createObjectNode();
        payload.set("vc", fixtures.credential());
        payload.put("iss", fixtures.issuer);
        payload.put("jti", "urn:uuid:6a1c8d2e-4b5f-4c3a-9e7d-1f2a3b4c5d6e");
        payload.put("nbf", java.time.Instant.parse("2026-01-10T08:00:00Z").getEpochSecond());
        String token = signRaw("{\"alg\":\"EdDSA\",\"kid\":\"" + fixtures.method + "\"}", payload.toString());

        VerificationReport report = verify(token);

        assertThat(report.verdict()).as(report.checks().toString()).isEqualTo(Verdict.VALID);
    }

    @Test
    @HostileInput("S5")
    void expiresWithTheExpClaim() {
        ObjectNode credential = fixtures.credential();
        credential.put("validUntil", "2026-02-01T00:00:00Z");
        String token = VcJwts.signEdDsa(credential, fixtures.keys, fixtures.method);

        VerificationReport report = verify(token);

        assertThat(messageKey(report, "ob3.validity")).isEqualTo("ob3.validity.expired");
        assertThat(report.check("ob3.proof").orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
    }

    private String signRaw(String header, String payload) {
        String input = b64(header) + "." + b64(payload);
        return input + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Ed25519Keys.sign(fixtures.keys, input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
