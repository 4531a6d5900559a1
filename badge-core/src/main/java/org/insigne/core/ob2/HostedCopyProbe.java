package org.insigne.core.ob2;

import java.net.URI;

import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.Payload;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * {@code ob2.hosted-copy}: a hosted assertion is what its issuer serves at its id (ob_v2p0 "Hosted
 * verification"), so that copy is fetched and, when it differs from the one given, verified instead (a baked
 * image whose copy differs is only outdated, a warning; any other copy that differs was changed); a copy
 * that says it is revoked, or a host answering 410 Gone, revokes it. A JWS carrying a hosted assertion is
 * refused first ({@code ob2.structure}).
 */
final class HostedCopyProbe implements Ob2Probe {

    @Override
    public boolean run(Ob2Context context) {
        JsonNode given = context.given();
        VerificationObject.Kind kind = rawKind(given);
        if (context.jws() != null && kind == VerificationObject.Kind.HOSTED) {
            return context.fail(Ob2Verifier.STRUCTURE, "ob2.structure.jws-but-hosted");
        }
        if (kind != VerificationObject.Kind.HOSTED) {
            return true;
        }
        URI id = rawId(given);
        URI fetchedFrom = context.fetchedFrom();
        if (id == null || !Ob2Documents.isHttp(id)) {
            context.add(Check.failed(Ob2Verifier.HOSTED_COPY, "ob2.hosted-copy.no-url"));
        } else if (fetchedFrom != null && sameDocument(id, fetchedFrom)) {
            context.add(Check.passed(Ob2Verifier.HOSTED_COPY, "ob2.hosted-copy.fetched", id.toString()));
        } else {
            Ob2Documents.Loaded hosted = context.load(id);
            JsonNode copy = hosted.tree();
            FetchFailed failure = hosted.failure();
            if (failure != null && Ob2Documents.isGone(failure)) {
                context.revokedByHost(Ob2Documents.goneReason(failure));
                context.add(Check.skipped(Ob2Verifier.HOSTED_COPY, "ob2.hosted-copy.gone", id.toString()));
            } else if (copy == null) {
                context.reportLoadFailure(Ob2Verifier.HOSTED_COPY, hosted, id);
            } else if (Fields.optionalBooleanOrFalse(copy, "revoked")) {
                context.revokedByHost(Ob2Context.textOrNull(copy, "revocationReason"));
                context.add(Check.passed(Ob2Verifier.HOSTED_COPY, "ob2.hosted-copy.revoked", id.toString()));
            } else if (copy.equals(given)) {
                context.add(Check.passed(Ob2Verifier.HOSTED_COPY, "ob2.hosted-copy.same", id.toString()));
                context.hostedCopy(copy);
            } else if (baked(context)) {
                // An image is baked once, at award; the issuer's hosted copy may change since (ob_v2p0 "Hosted
                // verification": the hosted copy is what counts). The copy is verified; the image is only old.
                context.add(Check.warning(Ob2Verifier.HOSTED_COPY, "ob2.hosted-copy.outdated", id.toString()));
                context.hostedCopy(copy);
            } else {
                context.add(Check.failed(Ob2Verifier.HOSTED_COPY, "ob2.hosted-copy.differs", id.toString()));
                context.hostedCopy(copy);
            }
        }
        return true;
    }

    private static boolean baked(Ob2Context context) {
        return context.payload() instanceof Payload.Json json && json.source() instanceof Payload.Baked;
    }

    /** How the assertion says it is verified; hosted when it does not say, or says it unreadably. */
    private static VerificationObject.Kind rawKind(JsonNode json) {
        JsonNode verification = Ob2Reader.verificationNode(json);
        if (verification == null) {
            return VerificationObject.Kind.HOSTED;
        }
        try {
            return Ob2Reader.readVerification(verification, "verification", false).kind();
        } catch (Ob2ParseFailed unreadable) {
            return VerificationObject.Kind.HOSTED;
        }
    }

    private static @Nullable URI rawId(JsonNode json) {
        String id = Ob2Context.textOrNull(json, "id");
        if (id == null) {
            JsonNode verification = Ob2Reader.verificationNode(json);
            id = verification == null ? null : Ob2Context.textOrNull(verification, "url");
        }
        return Fields.safeUri(id);
    }

    private static boolean sameDocument(URI a, URI b) {
        return a.normalize().toString().equals(b.normalize().toString());
    }
}
