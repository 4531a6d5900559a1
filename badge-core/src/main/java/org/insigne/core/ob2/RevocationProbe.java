package org.insigne.core.ob2;

import java.net.URI;

import org.insigne.core.verification.Check;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * {@code ob2.revocation}: revoked by its host (hosted copy), by itself ({@code revoked}), or listed in the
 * issuer's revocation list. A list that cannot be read leaves the badge unverified, never valid.
 */
final class RevocationProbe implements Ob2Probe {

    @Override
    public boolean run(Ob2Context context) {
        Assertion assertion = context.assertion();
        if (context.isRevokedByHost() || assertion.revoked()) {
            String reason = context.hostReason() != null ? context.hostReason() : assertion.revocationReason();
            context.add(revoked(reason));
            return true;
        }
        URI listUrl = context.issuer().revocationList();
        if (listUrl == null) {
            context.add(Check.passed(Ob2Verifier.REVOCATION, "ob2.revocation.no-list"));
            return true;
        }
        JsonNode list = Ob2Documents.isHttp(listUrl) ? context.load(listUrl).tree() : null;
        if (list == null) {
            // Hostile-inputs S13: a list we cannot read is "could not be checked", never a green tick.
            context.outage();
            context.add(Check.skipped(Ob2Verifier.REVOCATION, "ob2.revocation.unreachable", listUrl.toString()));
            return true;
        }
        RevocationList revocations;
        try {
            revocations = Ob2Reader.readRevocationList(list);
        } catch (Ob2ParseFailed unreadable) {
            context.outage();
            context.add(Check.skipped(Ob2Verifier.REVOCATION, "ob2.revocation.unreadable", listUrl.toString()));
            return true;
        }
        revocations.find(assertion.id().toString(), assertion.uid()).ifPresentOrElse(
                entry -> context.add(revoked(entry.revocationReason())),
                () -> context.add(Check.passed(Ob2Verifier.REVOCATION, "ob2.revocation.not-listed")));
        return true;
    }

    private static Check revoked(@Nullable String reason) {
        return reason == null || reason.isBlank() ? Check.failed(Ob2Verifier.REVOCATION, "ob2.revocation.revoked-no-reason")
                : Check.failed(Ob2Verifier.REVOCATION, "ob2.revocation.revoked", reason);
    }
}
