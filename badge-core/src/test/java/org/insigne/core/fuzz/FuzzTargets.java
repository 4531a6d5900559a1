package org.insigne.core.fuzz;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingFailed;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.jsonld.JakartaJson;
import org.insigne.core.jsonld.JsonLdRejected;
import org.insigne.core.jsonld.RdfCanonicalizer;
import org.insigne.core.ob3.BitstringStatusList;
import org.insigne.core.signing.CompactJws;
import org.insigne.core.signing.JwsRejected;
import org.insigne.core.signing.VcJwtRejected;
import org.insigne.core.signing.VcJwts;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verifier;

/**
 * Fuzz targets for every parser of outside input in the core, one nested class each, in the shape Jazzer
 * runs ({@code public static void fuzzerTestOneInput(byte[])}). Each lets through only the rejection the
 * parser declares: any other exception or error (an index out of bounds, a stack overflow, an out-of-memory)
 * is a bug the fuzzer reports. {@code fuzz/run.sh} runs them coverage-guided; {@link FuzzRegressionTests}
 * replays their seeds and every input found so far in the normal build.
 */
public final class FuzzTargets {

    private FuzzTargets() {
    }

    /** Baked PNG and SVG images (seeds of both kinds under {@code fuzz/unbake-png} and {@code fuzz/unbake-svg}). */
    public static final class Unbake {
        private static final Baker BAKER = new Baker(BakingLimits.defaults());

        public static void fuzzerInitialize() {
            Warm.up(Unbake::fuzzerTestOneInput, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "\u0089PNG\r\n\u001a\n");
        }

        public static void fuzzerTestOneInput(byte[] data) {
            try {
                BAKER.unbake(data);
            } catch (BakingFailed declared) {
                // a refused image
            }
        }
    }

    /** JSON as every reader of outside JSON reads it: bounded depth, size and numbers. */
    public static final class Json {
        public static void fuzzerInitialize() {
            Warm.up(Json::fuzzerTestOneInput, "{\"a\":[1,2.5,\"x\",null]}");
        }

        public static void fuzzerTestOneInput(byte[] data) {
            try {
                BoundedJson.read(data);
            } catch (BoundedJson.JsonUnreadable declared) {
                // not JSON, or over the bounds
            }
        }
    }

    /** JSON-LD to canonical RDF, as Data Integrity proofs are checked: only bundled contexts, a work limit. */
    public static final class JsonLd {
        private static final RdfCanonicalizer CANONICALIZER = RdfCanonicalizer.standard();

        public static void fuzzerInitialize() {
            Warm.up(JsonLd::fuzzerTestOneInput, "{\"@context\":\"https://www.w3.org/ns/credentials/v2\",\"type\":\"VerifiableCredential\"}");
        }

        public static void fuzzerTestOneInput(byte[] data) {
            try {
                jakarta.json.JsonValue value = JakartaJson.of(BoundedJson.readObject(data));
                CANONICALIZER.canonicalize(value.asJsonObject());
            } catch (BoundedJson.JsonUnreadable | JsonLdRejected declared) {
                // not JSON, or JSON-LD the platform does not process
            }
        }
    }

    /** Compact JWS (OB 2.0 signed badges) and VC-JWT (OB 3.0). */
    public static final class Jws {
        public static void fuzzerInitialize() {
            Warm.up(Jws::fuzzerTestOneInput, "eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln");
        }

        public static void fuzzerTestOneInput(byte[] data) {
            String text = new String(data, StandardCharsets.UTF_8);
            try {
                CompactJws.parse(text);
            } catch (JwsRejected declared) {
                // not a compact JWS the platform accepts
            }
            try {
                VcJwts.decode(text);
            } catch (VcJwtRejected declared) {
                // not a VC-JWT
            }
        }
    }

    /** The compressed bitstring of a status list: a gzip bomb must be refused, not inflated. */
    public static final class StatusList {
        public static void fuzzerInitialize() {
            Warm.up(StatusList::fuzzerTestOneInput, "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA");
        }

        public static void fuzzerTestOneInput(byte[] data) {
            try {
                BitstringStatusList.decode(new String(data, StandardCharsets.ISO_8859_1));
            } catch (BitstringStatusList.StatusListUnreadable declared) {
                // not a status list
            }
        }
    }

    /**
     * Whatever a person drops on "Vérifier un badge" or imports into a backpack: the verifier must answer with
     * a report for every input, never throw. Nothing is fetched: every address fails as unreachable.
     */
    public static final class Verify {
        private static final Verifier VERIFIER = new Verifier(Verify::offline, new Baker(BakingLimits.defaults()),
                Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC));

        public static void fuzzerInitialize() {
            Warm.up(Verify::fuzzerTestOneInput, "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\"}", "eyJhbGciOiJFZERTQSJ9.e30.c2ln");
        }

        public static void fuzzerTestOneInput(byte[] data) {
            VerificationReport report = VERIFIER.verify(VerificationRequest.ofFile(data));
            if (report == null || report.verdict() == null) {
                throw new IllegalStateException("no verdict");
            }
        }

        private static org.insigne.core.fetch.FetchedDocument offline(URI uri, DocumentFetcher.Expect expect)
                throws FetchFailed {
            throw new FetchFailed(uri, FetchFailed.Reason.UNREACHABLE);
        }
    }

    /**
     * Loads (and so instruments) the classes a target uses before fuzzing starts: Jazzer instruments on class
     * loading, which on a busy machine can outlast the per-input timeout of the first input.
     */
    static final class Warm {
        private Warm() {
        }

        static void up(java.util.function.Consumer<byte[]> target, String... inputs) {
            for (String input : inputs) {
                target.accept(input.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
    }
}
