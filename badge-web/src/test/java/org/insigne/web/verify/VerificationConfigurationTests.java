package org.insigne.web.verify;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.fetch.OfflineDocumentFetcher;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.ob3.BitstringStatusList;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verifier;
import org.insigne.web.testing.Ob3TestCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code insigne.verify.status-list-trust} reaches the OB 3.0 verifier: a badge whose revocation list is signed by
 * a status service, not by its issuer, verifies with a warning by default and stays unverified under
 * {@code ISSUER_ONLY} (vc-bitstring-status-list §3.2 leaves that trust to the verifier).
 */
class VerificationConfigurationTests {

    private static final String STATUS_URL = "https://status.example/lists/1";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

    private final Ob3TestCredentials issuer = new Ob3TestCredentials();
    private final Ob3TestCredentials statusService = new Ob3TestCredentials();
    private OfflineDocumentFetcher fetcher;
    private String badge;

    @BeforeEach
    void publishABadgeWithAServicesStatusList() throws Exception {
        ObjectNode list = BoundedJson.MAPPER.createObjectNode();
        list.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
        list.put("id", STATUS_URL);
        list.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        list.put("issuer", statusService.method().substring(0, statusService.method().indexOf('#')));
        list.put("validFrom", "2026-01-01T00:00:00Z");
        ObjectNode subject = list.putObject("credentialSubject");
        subject.put("id", STATUS_URL + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", BitstringStatusList.empty(BitstringStatusList.MIN_BITS).encode());
        fetcher = new OfflineDocumentFetcher(Map.of(URI.create(STATUS_URL),
                OfflineDocumentFetcher.json(URI.create(STATUS_URL), statusService.signed(list).toString())));

        ObjectNode credential = issuer.credential("camille@example.org", null);
        ObjectNode status = credential.putObject("credentialStatus");
        status.put("id", STATUS_URL + "#7");
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", "7");
        status.put("statusListCredential", STATUS_URL);
        badge = issuer.signed(credential).toString();
    }

    @Test
    void believesAStatusServicesListByDefaultWithAWarning() {
        VerificationReport report = verify(Map.of());

        assertThat(report.check("ob3.status").orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.check("ob3.status-list").orElseThrow().status()).isEqualTo(CheckStatus.WARNING);
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void believesOnlyTheIssuersOwnListUnderIssuerOnly() {
        VerificationReport report = verify(Map.of("insigne.verify.status-list-trust", "ISSUER_ONLY"));

        assertThat(report.check("ob3.status").orElseThrow().messageKey()).isEqualTo("ob3.status.list-unverifiable");
        assertThat(report.check("ob3.status-list")).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
    }

    /** Verifies the badge with the verifier the configuration builds from these settings. */
    private VerificationReport verify(Map<String, String> settings) {
        VerifyProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("insigne.verify", VerifyProperties.class);
        Verifier verifier = VerificationConfiguration.verifier(fetcher, new Baker(BakingLimits.defaults()), CLOCK,
                properties.statusListTrust());
        return verifier.verify(VerificationRequest.ofText(badge).withRecipient("camille@example.org"));
    }
}
