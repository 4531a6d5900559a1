package org.insigne.core.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.fetch.OfflineDocumentFetcher;
import org.insigne.core.ob2.CryptographicKey;
import org.insigne.core.ob2.IdentityObject;
import org.insigne.core.ob2.Ob2Verifier;
import org.insigne.core.signing.Ob2JwsSigner;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Signing an OB 2.0 assertion (RS256) and verifying a signed one end to end offline: parse, structure, badge
 * class, issuer, key, signature, expiry and revocation list, all documents served from memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Ob2SigningBenchmark {

    private Ob2JwsSigner signer;
    private byte[] assertion;
    private String jws;
    private Ob2Verifier verifier;

    @Setup
    public void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        signer = new Ob2JwsSigner(keys.getPrivate());
        URI issuer = URI.create("https://issuer.example/issuer.json");
        URI badge = URI.create("https://issuer.example/badges/1.json");
        URI key = URI.create("https://issuer.example/keys/1.json");
        URI revocations = URI.create("https://issuer.example/revocations.json");
        Map<URI, FetchedDocument> documents = new HashMap<>();
        documents.put(issuer, OfflineDocumentFetcher.json(issuer, """
                {"@context":"https://w3id.org/openbadges/v2","id":"https://issuer.example/issuer.json",
                 "type":"Issuer","name":"Issuer","url":"https://issuer.example","email":"a@issuer.example",
                 "publicKey":"https://issuer.example/keys/1.json",
                 "revocationList":"https://issuer.example/revocations.json"}"""));
        documents.put(badge, OfflineDocumentFetcher.json(badge, """
                {"@context":"https://w3id.org/openbadges/v2","id":"https://issuer.example/badges/1.json",
                 "type":"BadgeClass","name":"Badge","description":"A badge","image":"https://issuer.example/b.png",
                 "criteria":{"narrative":"Do it"},"issuer":"https://issuer.example/issuer.json"}"""));
        documents.put(revocations, OfflineDocumentFetcher.json(revocations, """
                {"@context":"https://w3id.org/openbadges/v2","id":"https://issuer.example/revocations.json",
                 "type":"RevocationList","revokedAssertions":["urn:uuid:1","urn:uuid:2",
                 {"id":"urn:uuid:3","revocationReason":"error"}]}"""));
        documents.put(key, OfflineDocumentFetcher.json(key,
                CryptographicKey.of(key, issuer, keys.getPublic()).json().toString()));
        String identity = IdentityObject.hashedEmail("ada@example.org").json().toString();
        assertion = ("{\"@context\":\"https://w3id.org/openbadges/v2\",\"id\":\"urn:uuid:9\",\"type\":\"Assertion\","
                + "\"recipient\":" + identity + ",\"badge\":\"https://issuer.example/badges/1.json\","
                + "\"verification\":{\"type\":\"SignedBadge\",\"creator\":\"https://issuer.example/keys/1.json\"},"
                + "\"issuedOn\":\"2025-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
        jws = signer.sign(assertion);
        verifier = new Ob2Verifier(new OfflineDocumentFetcher(documents), Clock.systemUTC());
        VerificationReport report = verifier.verify(jws, null);
        if (report.verdict() != Verdict.VALID) {
            throw new IllegalStateException("benchmark assertion does not verify: " + report);
        }
    }

    @Benchmark
    public String signRs256() {
        return signer.sign(assertion);
    }

    @Benchmark
    public VerificationReport verifySignedRs256EndToEnd() {
        return verifier.verify(jws, null);
    }
}
