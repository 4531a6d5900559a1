package org.insigne.core.ob2;

import org.insigne.core.verification.Check;

import tools.jackson.databind.JsonNode;

/**
 * {@code ob2.structure}: the assertion's context, required properties and datatypes, and the rules the
 * 1EdTech validator adds (known classes, no data URI as the assertion image, a hosted assertion named by its
 * URL, a signed assertion given as a JWS).
 */
final class StructureProbe implements Ob2Probe {

    @Override
    public boolean run(Ob2Context context) {
        JsonNode json = context.assertionJson();
        if (!context.contextAccepted(json, Ob2Verifier.STRUCTURE)) {
            return false;
        }
        Assertion assertion;
        try {
            assertion = Ob2Reader.readAssertion(json);
        } catch (Ob2ParseFailed invalid) {
            return context.fail(Ob2Verifier.STRUCTURE, invalid.messageKey(), invalid.args().toArray());
        }
        if (!context.typesKnown(assertion.types(), json)) {
            return false;
        }
        if (assertion.image() != null && assertion.image().isDataUri()) {
            // DCPV: the assertion image is the baked badge, served from a URL, not a data URI.
            return context.fail(Ob2Verifier.STRUCTURE, "ob2.structure.assertion-image-data-uri");
        }
        if (assertion.verification().kind() == VerificationObject.Kind.HOSTED
                && !Ob2Documents.isHttp(assertion.id())) {
            return context.fail(Ob2Verifier.STRUCTURE, "ob2.structure.hosted-id-not-url", assertion.id().toString());
        }
        context.add(Check.passed(Ob2Verifier.STRUCTURE, "ob2.structure.ok"));
        if (context.jws() == null && assertion.isSigned()) {
            return context.fail(Ob2Verifier.SIGNATURE, "ob2.signature.missing-jws");
        }
        context.assertion(assertion);
        return true;
    }
}
