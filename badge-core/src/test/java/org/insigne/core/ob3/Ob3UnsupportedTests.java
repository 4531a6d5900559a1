package org.insigne.core.ob3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckMessages;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verifier;
import org.insigne.testing.SharedConformance;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * What is no badge, or is secured by what Insigne does not check, gets the verdict "not supported" with its real
 * reason, never "invalid" (which says tampered, revoked or expired); a malformed proof value is not called a
 * change after issue; a subject naming no one is warned about. Samples are the corpus's, read from
 * {@code shared/conformance}.
 */
class Ob3UnsupportedTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    private static ObjectNode sample(String path) throws Exception {
        return BoundedJson.readObject(Files.readString(SharedConformance.require(path)));
    }

    private static VerificationReport verify(ObjectNode credential) {
        Path dir = SharedConformance.corpus();
        String text = credential.toString();
        return new Verifier(new Ob3ConformanceTests.CorpusFetcher(dir, text), new Baker(BakingLimits.defaults()), CLOCK)
                .verify(VerificationRequest.ofText(text));
    }

    /** The sample's first (here only) proof, given as an object or in an array. */
    private static ObjectNode proof(ObjectNode credential) {
        var proof = credential.get("proof");
        return (ObjectNode) (proof.isArray() ? proof.get(0) : proof);
    }

    private static String message(VerificationReport report, String id, Locale locale) {
        return CheckMessages.render(report.check(id).orElseThrow(), locale);
    }

    @Test
    void saysAClrCredentialIsNotABadge() throws Exception {
        ObjectNode clr = sample("1edtech-dcpv/ob30/simple.json");
        clr.putArray("type").add("VerifiableCredential").add("ClrCredential");

        VerificationReport report = verify(clr);

        assertThat(report.verdict()).isEqualTo(Verdict.UNSUPPORTED);
        assertThat(report.check("ob3.parse").orElseThrow().messageKey()).isEqualTo("ob3.parse.clr");
        assertThat(message(report, "ob3.parse", Locale.FRENCH)).contains("CLR 2.0", "pas un badge");
        assertThat(message(report, "ob3.parse", Locale.ENGLISH)).contains("CLR 2.0", "not a badge");
        assertThat(report.badge()).isNull();
    }

    @Test
    void saysAPlainVerifiableCredentialIsNotABadge() throws Exception {
        VerificationReport report = verify(sample(
                "dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-minimal.json"));

        assertThat(report.verdict()).isEqualTo(Verdict.UNSUPPORTED);
        assertThat(report.check("ob3.parse").orElseThrow().messageKey()).isEqualTo("ob3.parse.not-a-badge");
        // Still checked as a credential: its own signature holds.
        assertThat(report.check("ob3.proof").orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
        assertThat(message(report, "ob3.parse", Locale.ENGLISH)).contains("not an Open Badge");
    }

    @Test
    void keepsATamperedPlainCredentialInvalid() throws Exception {
        ObjectNode vc = sample(
                "dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-minimal.json");
        vc.put("validFrom", "2020-01-01T00:00:00Z");

        VerificationReport report = verify(vc);

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.check("ob3.proof").orElseThrow().messageKey()).isEqualTo("ob3.proof.bad-signature");
    }

    @Test
    void namesTheCryptosuiteItDoesNotSupport() throws Exception {
        ObjectNode badge = sample("1edtech-dcpv/ob30/simple.json");
        proof(badge).put("cryptosuite", "eddsa-jcs-2022");

        VerificationReport report = verify(badge);

        assertThat(report.verdict()).isEqualTo(Verdict.UNSUPPORTED);
        Check proof = report.check("ob3.proof").orElseThrow();
        assertThat(proof.status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(proof.messageKey()).isEqualTo("ob3.proof.unsupported-suite");
        assertThat(message(report, "ob3.proof", Locale.FRENCH)).contains("DataIntegrityProof", "« eddsa-jcs-2022 »");
        assertThat(message(report, "ob3.proof", Locale.ENGLISH)).contains("DataIntegrityProof", "\"eddsa-jcs-2022\"");
        assertThat(report.badge()).as("the badge is still shown, as not verified").isNotNull();
    }

    @Test
    void letsAFailedProofWinOverAnUnsupportedOne() throws Exception {
        ObjectNode badge = sample("1edtech-dcpv/ob30/simple.json");
        ObjectNode good = proof(badge);
        ObjectNode unsupported = good.deepCopy().put("cryptosuite", "eddsa-jcs-2022");
        String value = good.get("proofValue").asString();
        good.put("proofValue", value.substring(0, 10) + (value.charAt(10) == 'a' ? 'b' : 'a') + value.substring(11));
        badge.putArray("proof").add(unsupported).add(good);

        VerificationReport report = verify(badge);

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.check("ob3.proof").orElseThrow().messageKey()).isEqualTo("ob3.proof.bad-signature");
    }

    @Test
    void callsAProofValueThatIsNotMultibaseMalformedNotChanged() throws Exception {
        for (String value : new String[] {"uAAECAwQFBgcICQ", "z0OIl", "bm90IG11bHRpYmFzZQ=="}) {
            ObjectNode badge = sample("1edtech-dcpv/ob30/simple.json");
            proof(badge).put("proofValue", value);

            VerificationReport report = verify(badge);

            assertThat(report.verdict()).as(value).isEqualTo(Verdict.INVALID);
            assertThat(report.check("ob3.proof").orElseThrow().messageKey()).as(value).isEqualTo("ob3.proof.not-multibase");
            assertThat(message(report, "ob3.proof", Locale.FRENCH)).doesNotContain("modifié");
            assertThat(message(report, "ob3.proof", Locale.ENGLISH)).doesNotContain("changed").contains("multibase");
        }
    }

    @Test
    void warnsWhenTheSubjectHasNeitherIdNorIdentifier() throws Exception {
        Ob3Fixtures fixtures = new Ob3Fixtures();
        fixtures.publishStatusList();
        ObjectNode unsigned = fixtures.credential();
        ((ObjectNode) unsigned.get("credentialSubject")).remove("identifier");

        VerificationReport report = fixtures.verifier().verify(fixtures.sign(unsigned).toString(), null);

        assertThat(report.check(Ob3Verifier.SUBJECT)).hasValueSatisfying(c -> {
            assertThat(c.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(c.messageKey()).isEqualTo("ob3.subject.unidentified");
        });
        assertThat(message(report, Ob3Verifier.SUBJECT, Locale.FRENCH)).contains("ni par un identifiant");
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void saysNothingOfASubjectWithAnIdentifier() throws Exception {
        Ob3Fixtures fixtures = new Ob3Fixtures();
        fixtures.publishStatusList();

        VerificationReport report = fixtures.verifier().verify(fixtures.sign(fixtures.credential()).toString(), null);

        assertThat(report.check(Ob3Verifier.SUBJECT)).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void readsTheCorpusBakedCredentialsAsBefore() throws Exception {
        byte[] png = Files.readAllBytes(SharedConformance.require("1edtech-dcpv/ob30/simple-json.png"));
        String text = new Baker(BakingLimits.defaults()).unbake(png).text();

        VerificationReport report = new Ob3Verifier(new Ob3ConformanceTests.CorpusFetcher(SharedConformance.corpus(),
                text), CLOCK).verify(text, null);

        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        assertThat(report.check(Ob3Verifier.SUBJECT)).isEmpty();
    }
}
