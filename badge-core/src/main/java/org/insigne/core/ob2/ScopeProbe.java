package org.insigne.core.ob2;

import java.net.URI;
import java.util.List;

import org.insigne.core.verification.Check;

/**
 * {@code ob2.hosted-scope} (ob_v2p0 "Hosted verification"): a hosted assertion must live where its issuer's
 * verification policy allows, by default on the issuer's own host. Signed assertions are not hosted.
 */
final class ScopeProbe implements Ob2Probe {

    @Override
    public boolean run(Ob2Context context) {
        Assertion assertion = context.assertion();
        if (assertion.isSigned()) {
            context.add(Check.skipped(Ob2Verifier.HOSTED_SCOPE, "ob2.hosted-scope.signed"));
        } else {
            check(context, assertion.id(), context.issuer(), Ob2Verifier.HOSTED_SCOPE);
        }
        return true;
    }

    /** Also used for hosted endorsements, under their own check id. */
    static boolean check(Ob2Context context, URI documentId, Profile issuer, String checkId) {
        VerificationObject policy = issuer.verification();
        List<String> startsWith = policy == null ? List.of() : policy.startsWith();
        String id = documentId.toString();
        if (!startsWith.isEmpty() && startsWith.stream().noneMatch(id::startsWith)) {
            return context.fail(checkId, "ob2.hosted-scope.starts-with", id, String.join(", ", startsWith));
        }
        List<String> allowed = policy == null ? List.of() : policy.allowedOrigins();
        if (allowed.isEmpty()) {
            if (!Ob2Documents.isHttp(issuer.id()) || issuer.id().getAuthority() == null) {
                context.add(Check.warning(checkId, "ob2.hosted-scope.no-domain", issuer.id().toString()));
                return true;
            }
            allowed = List.of(issuer.id().getAuthority());
        }
        String authority = documentId.getAuthority();
        if (authority == null || allowed.stream().noneMatch(a -> a.strip().equalsIgnoreCase(authority))) {
            return context.fail(checkId, "ob2.hosted-scope.outside", id, String.join(", ", allowed));
        }
        context.add(Check.passed(checkId, "ob2.hosted-scope.ok", authority));
        return true;
    }
}
