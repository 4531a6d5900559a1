package org.insigne.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckMessages;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/**
 * A revoked OB 2.0 badge reads as revoked, with its reason and its facts, whether it is given as the address
 * of its issuer's copy, as a baked image or as pasted JSON, and whichever way its issuer revoked it (410 Gone
 * with the revoked assertion, {@code revoked: true}, its revocation list). A pasted copy that differs from the
 * issuer's is still called modified (an outdated baked image: {@code Ob2BakedRoundTripTests}).
 */
class Ob2RevokedInEveryFormTests {

    private static final Baker BAKER = new Baker(BakingLimits.defaults());
    private static final String REASON = "Délivré par erreur";

    private static java.security.KeyPair rsa;
    private static byte[] png;

    @BeforeAll
    static void setUp() throws Exception {
        rsa = Ob2Fixture.rsa();
        png = Ob2Fixture.blankPng();
    }

    /** The issued assertion as its issuer shows it once revoked. */
    private static ObjectNode revokedCopy(String issued) throws Exception {
        ObjectNode revoked = (ObjectNode) Ob2Json.parse(issued);
        revoked.put("revoked", true).put("revocationReason", REASON);
        return revoked;
    }

    /** The three forms a reader may hold of the same badge, as it was issued. */
    private static Map<String, VerificationRequest> forms(String issuedJson) throws Exception {
        byte[] baked = BAKER.bake(png, new BakedPayload(PayloadKind.OB2_ASSERTION, issuedJson, null));
        return Map.of("url", VerificationRequest.ofUrl(Ob2Fixture.HOSTED.toString()),
                "baked image", VerificationRequest.ofFile(baked),
                "pasted JSON", VerificationRequest.ofText(issuedJson));
    }

    private static VerificationReport verify(Ob2Fixture fixture, VerificationRequest request) {
        return new Verifier(fixture.fetcher(), BAKER, Ob2Fixture.CLOCK).verify(request);
    }

    private static void assertRevokedWithReasonAndFacts(Ob2Fixture fixture, String issuedJson) throws Exception {
        for (var form : forms(issuedJson).entrySet()) {
            VerificationReport report = verify(fixture, form.getValue());

            assertThat(report.verdict()).as(form.getKey() + " " + report.checks()).isEqualTo(Verdict.INVALID);
            Check revocation = report.check(Ob2Verifier.REVOCATION).orElseThrow();
            assertThat(revocation.status()).as(form.getKey()).isEqualTo(CheckStatus.FAILED);
            assertThat(revocation.messageKey()).as(form.getKey() + report.checks()).isEqualTo("ob2.revocation.revoked");
            assertThat(CheckMessages.render(revocation, Locale.FRENCH)).as(form.getKey()).contains(REASON);
            assertThat(report.badge()).as(form.getKey()).isNotNull();
            assertThat(report.badge().name()).isEqualTo("Robotique — niveau 1");
            assertThat(report.badge().issuedOn()).isEqualTo(Instant.parse("2026-05-20T07:30:00Z"));
        }
    }

    @Test
    void readsAsRevokedWhenTheHostAnswersGoneWithTheRevokedAssertion() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String issued = fixture.hosted();
        fixture.failures.put(Ob2Fixture.HOSTED, new FetchFailed(Ob2Fixture.HOSTED, FetchFailed.Reason.HTTP_STATUS,
                410, Ob2Fixture.HOSTED.toString()).withBody(Ob2Writer.write(revokedCopy(issued))));

        assertRevokedWithReasonAndFacts(fixture, issued);
    }

    @Test
    void readsAsRevokedWhenTheHostedCopySaysRevoked() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String issued = fixture.hosted();
        fixture.publish(Ob2Fixture.HOSTED, revokedCopy(issued));

        assertRevokedWithReasonAndFacts(fixture, issued);
    }

    @Test
    void readsAsRevokedWhenTheRevocationListNamesIt() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String issued = fixture.hosted();
        ObjectNode entry = fixture.revocations.withArray("revokedAssertions").addObject();
        entry.put("id", Ob2Fixture.HOSTED.toString());
        entry.put("revocationReason", REASON);
        fixture.publishAll();

        assertRevokedWithReasonAndFacts(fixture, issued);
    }

    @Test
    void keepsTheReasonWhenTheHostSaysOnlyThatItIsRevoked() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String issued = fixture.hosted();
        fixture.failures.put(Ob2Fixture.HOSTED, new FetchFailed(Ob2Fixture.HOSTED, FetchFailed.Reason.HTTP_STATUS,
                410, Ob2Fixture.HOSTED.toString()).withBody(("{\"id\": \"" + Ob2Fixture.HOSTED
                + "\", \"type\": \"Assertion\", \"revoked\": true, \"revocationReason\": \"" + REASON + "\"}")
                .getBytes(StandardCharsets.UTF_8)));

        for (var form : forms(issued).entrySet()) {
            VerificationReport report = verify(fixture, form.getValue());

            assertThat(report.verdict()).as(form.getKey()).isEqualTo(Verdict.INVALID);
            Check revocation = report.check(Ob2Verifier.REVOCATION).orElseThrow();
            assertThat(revocation.status()).as(form.getKey()).isEqualTo(CheckStatus.FAILED);
            assertThat(CheckMessages.render(revocation, Locale.ENGLISH)).as(form.getKey()).contains(REASON);
        }
    }

    @Test
    void stillCallsAPastedCopyThatDiffersModified() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        ObjectNode changed = (ObjectNode) Ob2Json.parse(fixture.hosted());
        changed.put("issuedOn", "2019-01-01T00:00:00Z");

        VerificationReport report = verify(fixture, VerificationRequest.ofText(changed.toString()));

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.check(Ob2Verifier.HOSTED_COPY).orElseThrow().messageKey()).isEqualTo("ob2.hosted-copy.differs");
    }
}
