package org.insigne.core.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.Baker;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.OfflineDocumentFetcher;
import org.insigne.testing.HostileInput;
import org.junit.jupiter.api.Test;

class VerifierTests {

    private static final String OB3 = """
            {"@context":["https://www.w3.org/ns/credentials/v2",
              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "type":["VerifiableCredential","OpenBadgeCredential"],"id":"urn:uuid:1"}""";

    private static final Baker BAKER = new Baker(BakingLimits.defaults());

    private final Verifier verifier = new Verifier(new OfflineDocumentFetcher(Map.of(
            URI.create("https://issuer.example/credential.json"),
            OfflineDocumentFetcher.json(URI.create("https://issuer.example/credential.json"), OB3))),
            BAKER, Clock.systemUTC());

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The sample is unsigned: the OB 3.0 verifier reads it and fails its proof check. */
    private static void assertOb3Verified(VerificationReport report) {
        assertThat(report.spec()).isEqualTo(Spec.OB3);
        assertThat(report.checks().get(0).id()).isEqualTo("ob3.parse");
        assertThat(report.check("ob3.proof")).map(Check::status).contains(CheckStatus.FAILED);
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void sendsOb3CredentialsToTheOb3VerifierWhateverTheirForm() {
        assertOb3Verified(verifier.verify(VerificationRequest.ofText(OB3)));
        assertOb3Verified(verifier.verify(VerificationRequest.ofFile(OB3.getBytes(StandardCharsets.UTF_8))));
        assertOb3Verified(verifier.verify(VerificationRequest.ofUrl("https://issuer.example/credential.json")));
        String vcJwt = b64("{\"alg\":\"RS256\"}") + "." + b64("{\"vc\":" + OB3 + ",\"iss\":\"x\"}") + ".c2ln";
        assertOb3Verified(verifier.verify(VerificationRequest.ofText(vcJwt)));
    }

    @Test
    void sendsOb2JsonAndTokensToTheOb2Verifier() {
        String hosted = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\"}";
        String jws = b64("{\"alg\":\"none\"}") + "." + b64(hosted) + ".";

        VerificationReport json = verifier.verify(VerificationRequest.ofText(hosted));
        VerificationReport token = verifier.verify(VerificationRequest.ofText(jws));

        assertThat(json.spec()).isEqualTo(Spec.OB2);
        assertThat(json.verdict()).isNotEqualTo(Verdict.VALID);
        assertThat(token.spec()).isEqualTo(Spec.OB2);
        assertThat(token.check("ob2.signature")).hasValueSatisfying(
                c -> assertThat(c.status()).isEqualTo(CheckStatus.FAILED));
    }

    @Test
    void verifiesAPastedAddressAsTheAddressItIs() {
        String url = "https://issuer.example/credential.json";

        VerificationReport pasted = verifier.verify(VerificationRequest.ofText("  " + url + "\n"));

        assertOb3Verified(pasted);
        assertThat(pasted.checks()).isEqualTo(verifier.verify(VerificationRequest.ofUrl(url)).checks());
    }

    @Test
    void tellsApartJsonThenTokensThenAddresses() {
        Payload.Source given = new Payload.Given();

        assertThat(Payload.of("{\"a\":1}", given)).isInstanceOf(Payload.Json.class);
        assertThat(Payload.of("[1]", given)).isInstanceOf(Payload.Json.class);
        assertThat(Payload.of("eyJhbGciOiJub25lIn0.e30.", given)).isInstanceOf(Payload.CompactToken.class);
        assertThat(Payload.of("HTTPS://issuer.example/a.json", given)).isEqualTo(
                new Payload.Address(URI.create("HTTPS://issuer.example/a.json")));
        assertThat(Payload.of("https://", given)).isEqualTo(new Payload.Unrecognised("https://"));
        assertThat(Payload.of("https://issuer.example/a b", given)).isInstanceOf(Payload.Unrecognised.class);
        assertThat(Payload.of("", given)).isEqualTo(new Payload.Unrecognised(""));
    }

    @Test
    void answersNoBadgeFoundForAnythingElse() {
        for (VerificationRequest request : new VerificationRequest[] {
                VerificationRequest.ofText("hello"), VerificationRequest.ofText("   "),
                VerificationRequest.ofFile(new byte[] {0, 1, 2, 3, (byte) 0x99, 0x7F}),
                VerificationRequest.ofFile(new byte[0]), VerificationRequest.ofUrl("ftp://x.example/a"),
                VerificationRequest.ofText("{\"name\":\"not a badge\"}")}) {
            VerificationReport report = verifier.verify(request);
            assertThat(report.spec()).isEqualTo(Spec.UNKNOWN);
            assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
            assertThat(report.checks()).extracting(Check::id).containsExactly("input.unrecognised");
        }
    }

    @Test
    @HostileInput("B7")
    void namesTheFormatOfAPhotoOrDocumentGivenInsteadOfABadge() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

        VerificationReport report = verifier.verify(VerificationRequest.ofFile(jpeg));

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.checks()).extracting(Check::id).containsExactly("input.image");
        assertThat(report.checks().get(0).messageKey()).isEqualTo("baking.failed.other-format");
    }

    @Test
    void reportsUnreadableJsonAsAParseFailure() {
        VerificationReport report = verifier.verify(VerificationRequest.ofText("{\"a\":"));

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.checks().get(0).id()).isEqualTo("input.parse");
        assertThat(CheckMessages.render(report.checks().get(0), Locale.ENGLISH)).contains("not a valid JSON");
    }

    @Test
    void isIndeterminateWhenTheUrlCannotBeReached() {
        Verifier down = new Verifier((uri, expect) -> {
            throw new FetchFailed(uri, FetchFailed.Reason.TIMEOUT);
        }, BAKER, Clock.systemUTC());

        VerificationReport report = down.verify(VerificationRequest.ofUrl("https://slow.example/a.json"));

        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(report.checks()).extracting(Check::id).containsExactly("input.fetch");
    }
}
