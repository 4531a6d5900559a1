package org.insigne.core.ob2;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.insigne.core.verification.BadgeView;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.Verdict;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * {@code ob2.endorsements}: every endorsement of the assertion, its badge class and its issuer is verified as
 * a hosted document (claim, hosted copy, endorser, hosting scope, date); those that fail only warn, since an
 * endorsement adds trust and its absence takes none away. The endorsers of those that verify are shown.
 */
final class EndorsementsProbe implements Ob2Probe {

    private final Clock clock;

    EndorsementsProbe(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean run(Ob2Context context) {
        Assertion assertion = context.assertion();
        BadgeClass badge = context.badge();
        Profile issuer = context.issuer();
        Map<URI, List<Ref<Endorsement>>> byTarget = new LinkedHashMap<>();
        byTarget.put(assertion.id(), assertion.endorsements());
        byTarget.put(badge.id(), badge.endorsements());
        byTarget.put(issuer.id(), issuer.endorsements());
        List<BadgeView.Party> endorsers = new ArrayList<>();
        List<BadgeView.Endorsement> results = new ArrayList<>();
        int total = 0;
        List<String> failed = new ArrayList<>();
        for (Map.Entry<URI, List<Ref<Endorsement>>> target : byTarget.entrySet()) {
            for (Ref<Endorsement> ref : target.getValue()) {
                total++;
                Seen seen = new Seen();
                String problem = problem(context, ref, target.getKey(), endorsers, seen);
                if (problem != null) {
                    failed.add(ref.id() == null ? "?" : ref.id().toString());
                }
                results.add(result(ref, target.getKey(), seen, problem));
            }
        }
        if (total == 0) {
            context.add(Check.skipped(Ob2Verifier.ENDORSEMENTS, "ob2.endorsements.none"));
        } else if (failed.isEmpty()) {
            context.add(Check.passed(Ob2Verifier.ENDORSEMENTS, "ob2.endorsements.ok", total));
        } else {
            context.add(Check.warning(Ob2Verifier.ENDORSEMENTS, "ob2.endorsements.some-failed", failed.size(), total,
                    String.join(", ", failed)));
        }
        context.endorsers(endorsers);
        context.endorsements(results);
        return true;
    }

    /** What the verification of one endorsement learnt before it stopped, for its own result. */
    private static final class Seen {
        @Nullable Endorsement endorsement;
        @Nullable Profile endorser;
    }

    private static BadgeView.Endorsement result(Ref<Endorsement> ref, URI target, Seen seen, @Nullable String problem) {
        Endorsement endorsement = seen.endorsement;
        BadgeView.Party endorser = seen.endorser != null ? Ob2BadgeView.party(seen.endorser)
                : new BadgeView.Party(null, "?", null, null);
        Check check = problem == null ? Check.passed(Ob2Verifier.ENDORSEMENTS, "ob2.endorsement.ok")
                : Check.warning(Ob2Verifier.ENDORSEMENTS, "ob2.endorsement.failed."
                        + (problem.contains(".") ? "unreadable" : problem));
        Verdict verdict = problem == null ? Verdict.VALID
                : "unreachable".equals(problem) || "issuer".equals(problem) ? Verdict.INDETERMINATE : Verdict.INVALID;
        return new BadgeView.Endorsement(endorser, endorsement == null ? ref.id() : endorsement.id(), target,
                endorsement == null ? null : endorsement.endorsementComment(),
                endorsement == null ? null : endorsement.issuedOn(), verdict, List.of(check));
    }

    /** Null when the endorsement verifies (and its endorser is added), else what is wrong with it. */
    @Nullable String problem(Ob2Context context, Ref<Endorsement> ref, URI target, List<BadgeView.Party> endorsers) {
        return problem(context, ref, target, endorsers, new Seen());
    }

    private @Nullable String problem(Ob2Context context, Ref<Endorsement> ref, URI target,
                                     List<BadgeView.Party> endorsers, Seen seen) {
        Endorsement endorsement = ref.embedded();
        JsonNode given = endorsement == null ? null : endorsement.json();
        URI id = ref.id();
        if (endorsement == null) {
            if (id == null || !Ob2Documents.isHttp(id)) {
                return "unreachable";
            }
            given = context.load(id).tree();
            if (given == null) {
                return "unreachable";
            }
            try {
                endorsement = Ob2Reader.readEndorsement(given);
            } catch (Ob2ParseFailed invalid) {
                return invalid.messageKey();
            }
        }
        seen.endorsement = endorsement;
        if (!endorsement.claimId().equals(target)) {
            return "claim";
        }
        if (endorsement.revoked()) {
            return "revoked";
        }
        if (endorsement.verification().kind() != VerificationObject.Kind.HOSTED) {
            // A signed endorsement would come as a JWS; embedded JSON cannot prove its signature.
            return "signed";
        }
        if (!Ob2Documents.isHttp(endorsement.id())) {
            return "hosted-id";
        }
        JsonNode hosted = context.load(endorsement.id()).tree();
        if (hosted == null || Fields.optionalBooleanOrFalse(hosted, "revoked") || !hosted.equals(given)) {
            return "hosted-copy";
        }
        Profile endorser;
        Ref<Profile> issuerRef = endorsement.issuer();
        Profile embeddedIssuer = issuerRef.embedded();
        if (embeddedIssuer != null) {
            endorser = embeddedIssuer;
        } else {
            URI issuerId = Objects.requireNonNull(issuerRef.id());
            JsonNode issuerTree = Ob2Documents.isHttp(issuerId) ? context.load(issuerId).tree() : null;
            if (issuerTree == null) {
                return "issuer";
            }
            try {
                endorser = Ob2Reader.readProfile(issuerTree);
            } catch (Ob2ParseFailed invalid) {
                return "issuer";
            }
        }
        seen.endorser = endorser;
        int before = context.checkCount();
        boolean inScope = ScopeProbe.check(context, endorsement.id(), endorser, Ob2Verifier.ENDORSEMENTS);
        context.dropChecksFrom(before);
        if (!inScope) {
            return "scope";
        }
        if (endorsement.issuedOn().isAfter(clock.instant())) {
            return "future";
        }
        endorsers.add(Ob2BadgeView.party(endorser));
        return null;
    }
}
