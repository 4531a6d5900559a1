package org.insigne.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.jsonld.BundledContexts;
import org.insigne.core.jsonld.JakartaJson;
import org.insigne.core.jsonld.JsonLdRejected;
import org.insigne.core.jsonld.RdfCanonicalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** The template path must give exactly what a full RDFC-1.0 canonicalisation of the configuration gives. */
class ProofConfigTemplatesTests {

    private static final String CONTEXT = """
            ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]""";

    private final RdfCanonicalizer canonicalizer = new RdfCanonicalizer(BundledContexts.standard());
    private final ProofConfigTemplates templates = new ProofConfigTemplates(canonicalizer);

    private static ObjectNode config(String created) throws Exception {
        return BoundedJson.readObject("""
                {"@context": %s, "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
                 "created": %s, "verificationMethod": "did:key:z6Mk1#z6Mk1", "proofPurpose": "assertionMethod"}
                """.formatted(CONTEXT, created));
    }

    private String full(ObjectNode config) throws JsonLdRejected {
        return canonicalizer.canonicalize((JsonObject) JakartaJson.of(config));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-01-10T08:00:00Z\"", "\"2026-01-10T08:00:00.123456789+02:00\"",
            "\"1999-12-31T23:59:59-11:30\"", "\"not a date\"", "\"2026-01-10T08:00:00Z\\n\"",
            "\"2026-01-10\\\"T08:00:00Z\"", "20260110", "null"})
    void givesTheFullCanonicalFormForEveryDate(String created) throws Exception {
        // Warm the template with another date first, so that the second call takes the template path.
        templates.canonicalize(config("\"2020-02-02T02:02:02Z\""));

        ObjectNode config = config(created);

        assertThat(templates.canonicalize(config)).isEqualTo(full(config));
    }

    @Test
    void putsTheDateOfEachProofInTheTemplate() throws Exception {
        String first = templates.canonicalize(config("\"2026-01-10T08:00:00Z\""));
        String second = templates.canonicalize(config("\"2026-03-04T05:06:07Z\""));

        assertThat(first).contains("\"2026-01-10T08:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime>")
                .doesNotContain(ProofConfigTemplates.SENTINEL);
        assertThat(second).isEqualTo(first.replace("2026-01-10T08:00:00Z", "2026-03-04T05:06:07Z"));
    }

    @Test
    void keepsRejectingUndefinedTerms() throws Exception {
        ObjectNode config = config("\"2026-01-10T08:00:00Z\"");
        config.put("madeUpTerm", "x");

        assertThatThrownBy(() -> templates.canonicalize(config)).isInstanceOf(JsonLdRejected.class)
                .satisfies(e -> assertThat(((JsonLdRejected) e).reason()).isEqualTo(JsonLdRejected.Reason.UNDEFINED_TERM));
    }

    @Test
    void refusesTemplatesWhoseOrderOrLabelsCouldDependOnTheDate() {
        String literal = "\"" + ProofConfigTemplates.SENTINEL + "\"";
        assertThat(ProofConfigTemplates.usable("_:c14n0 <https://a> " + literal + " .\n_:c14n0 <https://b> \"x\" .\n"))
                .isTrue();
        assertThat(ProofConfigTemplates.usable("_:c14n0 <https://a> " + literal + " .\n_:c14n0 <https://a> \"x\" .\n"))
                .isFalse();
        assertThat(ProofConfigTemplates.usable("_:c14n0 <https://a> " + literal + " .\n_:c14n1 <https://b> \"x\" .\n"))
                .isFalse();
        assertThat(ProofConfigTemplates.usable("_:c14n0 <https://a> " + literal + " .\n_:c14n0 <https://b> "
                + literal + " .\n")).isFalse();
        assertThat(ProofConfigTemplates.usable("_:c14n0 <https://a> <https://b> .\n")).isFalse();
    }
}
